package cn.eexpo.clearance.payment;

/**
 * Files an order's payment record (CEB411) with customs. Stripe files nothing with Chinese customs: a licensed
 * payment company that settles the platform's cross-border payments declares them through its own customs
 * interface, and this port is where its API plugs in. Must be idempotent per order (the workflow retries).
 */
public interface PaymentDeclaration {

    /**
     * Declares one payment.
     *
     * @throws PaymentDeclarationException when the partner did not take it; the workflow retries later
     */
    void declare(PaymentRecord payment);

    class PaymentDeclarationException extends RuntimeException {
        public PaymentDeclarationException(String message, Throwable cause) {
            super(message, cause);
        }

        public PaymentDeclarationException(String message) {
            super(message);
        }
    }
}
