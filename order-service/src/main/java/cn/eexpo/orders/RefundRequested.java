package cn.eexpo.orders;

/** Money goes back to the buyer: customs rejected the order, it was cancelled after payment, or it was returned. */
public record RefundRequested(String orderNo, String cause) {}
