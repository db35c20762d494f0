package cn.eexpo.orders.payment;

/** Stripe could not be reached or refused a call; the work is retried (it is idempotent). */
public class PaymentProviderException extends RuntimeException {

    PaymentProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
