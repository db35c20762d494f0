package cn.eexpo.orders.payment;

import cn.eexpo.common.Money;
import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundCreateParams;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The calls the marketplace makes to Stripe. Every write carries an idempotency key derived from the order, so a retry
 * (stripe-java's own on 429 and 5xx, or ours after a crash) can never charge or refund twice. All calls share one rate.
 */
@Component
class StripeGateway {

    private final StripeClient stripe;
    private final RequestRate rate;

    StripeGateway(StripeClient stripe, StripeProperties properties) {
        this.stripe = stripe;
        this.rate = new RequestRate(properties.rate());
    }

    /** Waits for a free slot of the shared request rate. */
    void awaitSlot() {
        rate.acquire();
    }

    boolean trySlot() {
        return rate.tryAcquire();
    }

    PaymentIntent createIntent(String orderNo, Money amount, String method, String description) {
        var params = PaymentIntentCreateParams.builder()
                .setAmount(amount.fen())
                .setCurrency("cny")
                .addPaymentMethodType(method)
                .setDescription(description)
                .putMetadata("order_no", orderNo)
                .build();
        return call(
                "create the payment of order " + orderNo,
                () -> stripe.v1().paymentIntents().create(params, options("order-" + orderNo + "-payment")));
    }

    PaymentIntent retrieve(String paymentIntentId) {
        rate.acquire();
        return call(
                "read payment " + paymentIntentId,
                () -> stripe.v1().paymentIntents().retrieve(paymentIntentId));
    }

    /**
     * Cancels a payment that has not succeeded. Answers the intent as it stands afterwards: cancelled, or succeeded if
     * the buyer paid just before (then the order must be treated as paid).
     */
    PaymentIntent cancel(String paymentIntentId, String reason) {
        rate.acquire();
        try {
            return stripe.v1()
                    .paymentIntents()
                    .cancel(
                            paymentIntentId,
                            PaymentIntentCancelParams.builder()
                                    .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                    .build(),
                            options("cancel-" + paymentIntentId));
        } catch (InvalidRequestException e) {
            // Cancelling a succeeded or already cancelled intent is refused: read what it is.
            return retrieve(paymentIntentId);
        } catch (StripeException e) {
            throw new PaymentProviderException("Could not cancel payment " + paymentIntentId + ": " + reason, e);
        }
    }

    Refund refund(String orderNo, String paymentIntentId, Money amount) {
        var params = RefundCreateParams.builder()
                .setPaymentIntent(paymentIntentId)
                .setAmount(amount.fen())
                .putMetadata("order_no", orderNo)
                .build();
        rate.acquire();
        return call(
                "refund order " + orderNo,
                () -> stripe.v1().refunds().create(params, options("order-" + orderNo + "-refund")));
    }

    /** Every payment created since {@code since}, newest first, page by page. */
    void forEachIntentSince(Instant since, Consumer<PaymentIntent> action) {
        var params = PaymentIntentListParams.builder()
                .setCreated(PaymentIntentListParams.Created.builder()
                        .setGte(since.getEpochSecond())
                        .build())
                .setLimit(100L)
                .build();
        rate.acquire();
        var page = call("list payments", () -> stripe.v1().paymentIntents().list(params));
        for (var intent : page.autoPagingIterable()) {
            action.accept(intent);
        }
    }

    static Optional<String> orderNoOf(PaymentIntent intent) {
        return Optional.ofNullable(intent.getMetadata()).map(m -> m.get("order_no"));
    }

    private static RequestOptions options(String idempotencyKey) {
        return RequestOptions.builder().setIdempotencyKey(idempotencyKey).build();
    }

    private static <T> T call(String what, StripeCall<T> call) {
        try {
            return call.run();
        } catch (StripeException e) {
            throw new PaymentProviderException("Could not " + what + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
