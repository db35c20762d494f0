package cn.eexpo.orders.payment;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How to reach Stripe. With {@code STRIPE_SECRET_KEY} and {@code STRIPE_WEBHOOK_SECRET} set, Stripe itself; locally,
 * the sandbox in {@code infra/stripe-sandbox} ({@code apiBase} pointing at it).
 *
 * @param apiBase {@code null} for Stripe's own {@code https://api.stripe.com}
 * @param publishableKey the {@code pk_test_…}/{@code pk_live_…} key Stripe.js uses in the buyer's browser to take card
 *     payments; without one (the offline sandbox) a card payment is taken on the sandbox's own payment page
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
        @Nullable Duration reconcileWindow,
        @Nullable String publishableKey) {

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
