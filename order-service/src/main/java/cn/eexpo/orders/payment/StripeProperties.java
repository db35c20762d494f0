package cn.eexpo.orders.payment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach Stripe. With {@code STRIPE_SECRET_KEY} and {@code STRIPE_WEBHOOK_SECRET} set, Stripe itself; locally,
 * the sandbox in {@code infra/stripe-sandbox} ({@code apiBase} pointing at it).
 *
 * @param apiBase {@code null} for Stripe's own {@code https://api.stripe.com}
 * @param requestsPerSecond the payment leg's own limit of API calls (Stripe allows 100 a second in live mode)
 * @param reservation how long an unpaid order holds its stock before it is cancelled
 */
@ConfigurationProperties("eexpo.stripe")
public record StripeProperties(
        @Nullable String secretKey,
        @Nullable String webhookSecret,
        @Nullable String apiBase,
        @Nullable Integer maxNetworkRetries,
        @Nullable Integer requestsPerSecond,
        @Nullable Duration reconcileInterval,
        @Nullable Duration reconcileWindow) {

    int retries() {
        return maxNetworkRetries == null ? 3 : maxNetworkRetries;
    }

    int rate() {
        return requestsPerSecond == null ? 90 : requestsPerSecond;
    }

    Duration window() {
        return reconcileWindow == null ? Duration.ofDays(2) : reconcileWindow;
    }
}
