package cn.eexpo.orders.payment;

/** Stripe has no such PaymentIntent (another account's, or a wiped sandbox): no money was taken through it. */
class UnknownPaymentException extends PaymentProviderException {

    UnknownPaymentException(String paymentIntentId, Throwable cause) {
        super("Stripe has no payment " + paymentIntentId, cause);
    }
}
