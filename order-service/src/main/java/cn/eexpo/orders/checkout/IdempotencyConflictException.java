package cn.eexpo.orders.checkout;

/** The Idempotency-Key was used before for a different order request. */
public class IdempotencyConflictException extends RuntimeException {

    public IdempotencyConflictException(String orderNo) {
        super("This Idempotency-Key was already used for order " + orderNo
                + " with a different request; use a new key for a new order.");
    }
}
