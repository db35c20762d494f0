package cn.eexpo.orders.order;

/** The order is in a state that does not allow what was asked (a return before release, a cancellation after it). */
public class OrderStateException extends RuntimeException {

    public OrderStateException(String message) {
        super(message);
    }
}
