package cn.eexpo.orders;

/** An order was cancelled before release; a filing already sent must be withdrawn (CEB623). */
public record OrderCancelled(String orderNo, OrderStatus previous, String cause) {}
