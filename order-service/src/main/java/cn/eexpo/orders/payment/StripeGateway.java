package cn.eexpo.orders.payment;

import cn.eexpo.common.Money;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.ApiException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentCreateParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.RefundCreateParams;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The calls the marketplace makes to Stripe. Every write carries an idempotency key derived from the order, so a retry
 * (stripe-java's own on 429 and 5xx, or ours after a crash) can never charge or refund twice. All calls share one rate.
 */
@Component
class StripeGateway {

    private static final int ATTEMPTS = 5;
    private static final Duration BACKOFF = Duration.ofMillis(200);

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

    /**
     * Confirms a payment with a wallet method whose buyer approves it on a page of its own (Alipay, WeChat Pay): the
     * intent then {@code requires_action}, its {@code next_action} naming that page. Confirming an intent that already
     * waits for the buyer again is allowed, and answers the page anew.
     */
    PaymentIntent confirmWithRedirect(String paymentIntentId, String method, String returnUrl) {
        var params = PaymentIntentConfirmParams.builder().setReturnUrl(returnUrl);
        switch (method) {
            case "alipay" ->
                params.setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.ALIPAY)
                        .build());
            case "wechat_pay" ->
                params.setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                                .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.WECHAT_PAY)
                                .build())
                        .setPaymentMethodOptions(PaymentIntentConfirmParams.PaymentMethodOptions.builder()
                                .setWechatPay(PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.builder()
                                        .setClient(PaymentIntentConfirmParams.PaymentMethodOptions.WechatPay.Client.WEB)
                                        .build())
                                .build());
            default -> throw new IllegalArgumentException("No redirect to confirm a " + method + " payment with.");
        }
        var built = params.build();
        rate.acquire();
        return call(
                "confirm payment " + paymentIntentId + " with " + method,
                () -> stripe.v1().paymentIntents().confirm(paymentIntentId, built));
    }

    /** The page a payment that {@code requires_action} sends the buyer to, read from the field of its type. */
    static Optional<String> nextActionUrl(PaymentIntent intent) {
        var next = intent.getNextAction();
        if (next == null || next.getType() == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(
                switch (next.getType()) {
                    case "alipay_handle_redirect" ->
                        next.getAlipayHandleRedirect() == null
                                ? null
                                : next.getAlipayHandleRedirect().getUrl();
                    case "wechat_pay_display_qr_code" ->
                        next.getWechatPayDisplayQrCode() == null
                                ? null
                                : next.getWechatPayDisplayQrCode().getHostedInstructionsUrl();
                    case "redirect_to_url" ->
                        next.getRedirectToUrl() == null
                                ? null
                                : next.getRedirectToUrl().getUrl();
                    default -> null;
                });
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
        var params = PaymentIntentCancelParams.builder()
                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                .build();
        rate.acquire();
        try {
            return call(
                    "cancel payment " + paymentIntentId + " (" + reason + ")",
                    () -> stripe.v1()
                            .paymentIntents()
                            .cancel(paymentIntentId, params, options("cancel-" + paymentIntentId)));
        } catch (PaymentProviderException e) {
            if (e.getCause() instanceof InvalidRequestException refused) {
                if ("resource_missing".equals(refused.getCode())) {
                    throw new UnknownPaymentException(paymentIntentId, refused);
                }
                // Cancelling a succeeded or already cancelled intent is refused: read what it is.
                return retrieve(paymentIntentId);
            }
            throw e;
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

    /**
     * Runs a call, retrying what Stripe says may be retried (429 rate limits, 5xx, lost connections) with exponential
     * backoff. stripe-java retries some of these itself; a plain 429 it does not. The idempotency key stays the same
     * across attempts, so a retried write is never applied twice.
     */
    private static <T> T call(String what, StripeCall<T> call) {
        for (int attempt = 1; ; attempt++) {
            try {
                return call.run();
            } catch (RateLimitException | ApiConnectionException | ApiException e) {
                boolean retryable =
                        !(e instanceof ApiException) || e.getStatusCode() == null || e.getStatusCode() >= 500;
                if (!retryable || attempt >= ATTEMPTS) {
                    throw new PaymentProviderException("Could not " + what + ": " + e.getMessage(), e);
                }
                backOff(attempt);
            } catch (StripeException e) {
                throw new PaymentProviderException("Could not " + what + ": " + e.getMessage(), e);
            }
        }
    }

    private static void backOff(int attempt) {
        long millis = BACKOFF.toMillis() << (attempt - 1);
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(
                millis + ThreadLocalRandom.current().nextLong(millis / 2 + 1)));
    }

    @FunctionalInterface
    private interface StripeCall<T> {
        T run() throws StripeException;
    }
}
