package cn.eexpo.orders.checkout;

/** The order cannot be placed as asked; the message says why and what to do. */
public class CheckoutRefusedException extends RuntimeException {

    private final String field;

    public CheckoutRefusedException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
