package cn.eexpo.sandbox.stripe;

import static cn.eexpo.sandbox.stripe.SandboxClients.client;
import static cn.eexpo.sandbox.stripe.SandboxClients.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiException;
import com.stripe.exception.IdempotencyException;
import com.stripe.exception.RateLimitException;
import com.stripe.exception.StripeException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdempotencyAndFaultsTest {

    static StripeSandbox sandbox;
    static StripeClient stripe;
    static StripeClient retrying;

    @BeforeAll
    static void start() {
        sandbox = StripeSandbox.start();
        stripe = client(sandbox, 0);
        retrying = client(sandbox, 3);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    private static PaymentIntentCreateParams cardPayment(long amount, String orderNo) {
        return order(amount, orderNo)
                .addPaymentMethodType("card")
                .setPaymentMethod("pm_card_visa")
                .setConfirm(true)
                .build();
    }

    private static RequestOptions key(String key) {
        return RequestOptions.builder().setIdempotencyKey(key).build();
    }

    @Test
    void sameKeyAndParametersReplayTheFirstResponse() throws Exception {
        PaymentIntent first = stripe.v1().paymentIntents().create(cardPayment(5_000, "EX-I1"), key("order-EX-I1"));
        PaymentIntent again = stripe.v1().paymentIntents().create(cardPayment(5_000, "EX-I1"), key("order-EX-I1"));

        assertThat(again.getId()).isEqualTo(first.getId());
        assertThat(again.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThat(first.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .isEmpty();
        assertThat(sandbox.paymentIntents()).hasSize(1);
        assertThat(sandbox.paymentIntents().getFirst().successfulCharges()).isEqualTo(1);
    }

    @Test
    void sameKeyWithOtherParametersIsRefused() throws Exception {
        stripe.v1().paymentIntents().create(cardPayment(5_000, "EX-I2"), key("order-EX-I2"));

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(6_000, "EX-I2"), key("order-EX-I2")))
                .isInstanceOfSatisfying(IdempotencyException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getStripeError().getType()).isEqualTo("idempotency_error");
                    assertThat(e.getMessage()).contains("order-EX-I2");
                });
        assertThat(sandbox.paymentIntents()).hasSize(1);
    }

    @Test
    void aDeclineIsReplayedToo() throws Exception {
        PaymentIntentCreateParams declined = order(5_000, "EX-I3")
                .addPaymentMethodType("card")
                .setPaymentMethod("pm_card_chargeDeclined")
                .setConfirm(true)
                .build();
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(declined, key("order-EX-I3")))
                .isInstanceOf(com.stripe.exception.CardException.class);
        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(declined, key("order-EX-I3")))
                .isInstanceOf(com.stripe.exception.CardException.class);
        assertThat(sandbox.paymentIntents()).hasSize(1);
        assertThat(sandbox.paymentIntents().getFirst().charges()).hasSize(1);
    }

    @Test
    void keysAreForgottenAfter24Hours() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-11T02:00:00Z"));
        try (StripeSandbox own =
                StripeSandbox.start(StripeSandbox.Options.defaults().withClock(clock))) {
            StripeClient client = client(own, 0);
            PaymentIntent first = client.v1().paymentIntents().create(cardPayment(5_000, "EX-I4"), key("k-I4"));
            assertThat(first.getCreated()).isEqualTo(clock.instant().getEpochSecond());

            clock.advance(Duration.ofHours(23));
            assertThat(client.v1()
                            .paymentIntents()
                            .create(cardPayment(5_000, "EX-I4"), key("k-I4"))
                            .getId())
                    .isEqualTo(first.getId());

            clock.advance(Duration.ofHours(2));
            assertThat(client.v1()
                            .paymentIntents()
                            .create(cardPayment(5_000, "EX-I4"), key("k-I4"))
                            .getId())
                    .isNotEqualTo(first.getId());
            assertThat(own.paymentIntents()).hasSize(2);
        }
    }

    /** A clock the test moves forward. */
    static final class MutableClock extends Clock {
        private volatile Instant now;

        MutableClock(Instant start) {
            this.now = start;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void lockTimeoutIsRetriedByStripeJavaAndChargesOnce() throws Exception {
        sandbox.faults().failNext(2, Faults.Failure.LOCK_TIMEOUT, "POST /v1/payment_intents");

        PaymentIntent paid = retrying.v1().paymentIntents().create(cardPayment(5_000, "EX-F1"));

        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(sandbox.faults().pendingFailures()).isZero();
        assertThat(sandbox.paymentIntents()).hasSize(1);
        assertThat(sandbox.paymentIntents().getFirst().successfulCharges()).isEqualTo(1);
    }

    @Test
    void rateLimitedRequestRetriedWithItsKeyChargesOnce() throws Exception {
        sandbox.faults().failNext(1, Faults.Failure.RATE_LIMIT);

        assertThatThrownBy(() -> retrying.v1().paymentIntents().create(cardPayment(5_000, "EX-F2"), key("k-F2")))
                .isInstanceOfSatisfying(RateLimitException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(429);
                    assertThat(e.getCode()).isEqualTo("rate_limit");
                });
        PaymentIntent paid = retrying.v1().paymentIntents().create(cardPayment(5_000, "EX-F2"), key("k-F2"));

        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(sandbox.paymentIntents()).hasSize(1);
        assertThat(sandbox.paymentIntents().getFirst().successfulCharges()).isEqualTo(1);
    }

    @Test
    void serverErrorAfterTheWriteIsRetriedIntoTheSameIntent() throws Exception {
        sandbox.faults().failNext(1, Faults.Failure.SERVER_ERROR_AFTER_WRITE, "POST /v1/payment_intents");

        PaymentIntent paid = retrying.v1().paymentIntents().create(cardPayment(5_000, "EX-F3"));

        assertThat(sandbox.faults().pendingFailures()).isZero();
        assertThat(paid.getLastResponse().headers().firstValue("Idempotent-Replayed"))
                .contains("true");
        assertThat(sandbox.paymentIntents()).singleElement().satisfies(intent -> {
            assertThat(intent.id()).isEqualTo(paid.getId());
            assertThat(intent.successfulCharges()).isEqualTo(1);
        });
    }

    @Test
    void serverErrorAfterTheWriteThenTheApplicationsOwnRetryGetsTheSameIntent() throws Exception {
        sandbox.faults().failNext(1, Faults.Failure.SERVER_ERROR_AFTER_WRITE);

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(5_000, "EX-F4"), key("k-F4")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(500);
                    assertThat(e.getStripeError().getType()).isEqualTo("api_error");
                });
        assertThat(sandbox.paymentIntents()).hasSize(1);

        PaymentIntent retried = stripe.v1().paymentIntents().create(cardPayment(5_000, "EX-F4"), key("k-F4"));
        assertThat(retried.getId())
                .isEqualTo(sandbox.paymentIntents().getFirst().id());
        assertThat(sandbox.paymentIntents().getFirst().successfulCharges()).isEqualTo(1);
    }

    @Test
    void serverErrorBeforeTheWriteChangesNothing() throws Exception {
        sandbox.faults().failNext(1, Faults.Failure.SERVER_ERROR);

        assertThatThrownBy(() -> stripe.v1().paymentIntents().create(cardPayment(5_000, "EX-F5")))
                .isInstanceOf(ApiException.class);

        assertThat(sandbox.paymentIntents()).isEmpty();
        assertThat(sandbox.events()).isEmpty();
    }

    @Test
    void rateLimitAnswers429BeyondTheRequestsPerSecond() throws Exception {
        // one request a second: 20 quick requests get at least 10 refusals unless they take over 9 seconds
        sandbox.faults().rateLimit(1);

        int limited = 0;
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = SandboxClients.get(
                    sandbox.baseUrl() + "/v1/payment_intents", "Authorization", "Bearer " + sandbox.secretKey());
            if (response.statusCode() == 429) {
                assertThat(response.body()).contains("\"code\": \"rate_limit\"");
                limited++;
            }
        }

        assertThat(limited).isGreaterThanOrEqualTo(10);
        sandbox.faults().rateLimit(0);
        assertThat(stripe.v1().paymentIntents().list().getData()).isEmpty();
    }

    @Test
    void latencyDelaysEveryRequest() throws Exception {
        sandbox.faults().latency(Duration.ofMillis(300));
        long started = System.nanoTime();

        stripe.v1().paymentIntents().list();

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void concurrentClientsAreServedAndEachKeyChargesOnce() throws Exception {
        try (var pool = Executors.newFixedThreadPool(16)) {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                String orderNo = "EX-C" + (i % 100);
                calls.add(() -> stripe.v1()
                        .paymentIntents()
                        .create(cardPayment(1_000, orderNo), key("order-" + orderNo))
                        .getId());
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> call : pool.invokeAll(calls)) {
                try {
                    ids.add(call.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    // A concurrent request with the same key is told 409 idempotency_key_in_use once stripe-java's
                    // retries of it are spent. stripe-java makes IdempotencyException only of a 400 or 404; a 409 is
                    // an ApiException carrying the code.
                    assertThat(e.getCause()).isInstanceOfSatisfying(StripeException.class, refused -> {
                        assertThat(refused.getStatusCode()).isEqualTo(409);
                        assertThat(refused.getCode()).isEqualTo("idempotency_key_in_use");
                    });
                }
            }
            assertThat(ids).hasSizeGreaterThanOrEqualTo(100);
        }
        assertThat(sandbox.paymentIntents()).hasSize(100);
        assertThat(sandbox.paymentIntents())
                .allSatisfy(intent -> assertThat(intent.successfulCharges()).isEqualTo(1));
    }
}
