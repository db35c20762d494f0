package cn.eexpo.orders.order;

/** No order has this number (or none the caller may see). */
public class UnknownOrderException extends RuntimeException {

    public UnknownOrderException(String orderNo) {
        super("There is no order " + orderNo + ".");
    }
}
