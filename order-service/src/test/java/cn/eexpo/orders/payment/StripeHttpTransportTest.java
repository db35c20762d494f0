package cn.eexpo.orders.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.RequestOptions;
import com.stripe.param.PaymentIntentCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP transport under stripe-java, against a plain local server: what goes out and what comes back. */
class StripeHttpTransportTest {

    private static final String INTENT = """
            {"id": "pi_123", "object": "payment_intent", "amount": 12345, "currency": "cny", "status": "requires_payment_method"}
            """;

    private final List<Map<String, List<String>>> headers = new ArrayList<>();
    private final List<String> bodies = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer server;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/v1/payment_intents", exchange -> {
            synchronized (headers) {
                headers.add(Map.copyOf(exchange.getRequestHeaders()));
                bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            }
            byte[] answer = INTENT.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Request-Id", "req_1");
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/v1/payment_intents/pi_slow", exchange -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(500, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void sendsStripeJavasHeadersAndFormAndReadsTheAnswer() throws Exception {
        StripeClient stripe = client(20_000);

        PaymentIntent intent = stripe.v1()
                .paymentIntents()
                .create(
                        PaymentIntentCreateParams.builder()
                                .setAmount(12_345L)
                                .setCurrency("cny")
                                .putMetadata("order_no", "EX1")
                                .build(),
                        RequestOptions.builder().setIdempotencyKey("order-EX1").build());

        assertThat(intent.getId()).isEqualTo("pi_123");
        assertThat(intent.getAmount()).isEqualTo(12_345L);
        assertThat(intent.getLastResponse().requestId()).isEqualTo("req_1");
        Map<String, List<String>> sent = headers.getFirst();
        assertThat(sent.get("Authorization")).containsExactly("Bearer sk_test_transport");
        assertThat(sent.get("Idempotency-key")).containsExactly("order-EX1");
        assertThat(sent.get("Content-type")).singleElement().asString().startsWith("application/x-www-form-urlencoded");
        assertThat(sent.get("Stripe-version")).singleElement().asString().isNotBlank();
        assertThat(sent.get("User-agent")).singleElement().asString().startsWith("Stripe/v1 JavaBindings/");
        assertThat(sent.get("X-stripe-client-user-agent"))
                .singleElement()
                .asString()
                .contains("\"bindings.version\"", "\"gson.version\"");
        assertThat(bodies.getFirst()).contains("amount=12345", "currency=cny", "metadata[order_no]=EX1");

        stripe.v1()
                .paymentIntents()
                .create(PaymentIntentCreateParams.builder()
                        .setAmount(1L)
                        .setCurrency("cny")
                        .build());
        assertThat(headers.get(1).get("X-stripe-client-user-agent"))
                .as("the same client description on every request")
                .isEqualTo(sent.get("X-stripe-client-user-agent"));
    }

    @Test
    void anAnswerThatDoesNotComeInTimeIsAConnectionError() {
        StripeClient stripe = client(300);

        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_slow"))
                .isInstanceOf(ApiConnectionException.class)
                .hasMessageContaining("pi_slow");
    }

    private StripeClient client(int readTimeoutMillis) {
        return StripeClient.builder()
                .setApiKey("sk_test_transport")
                .setApiBase("http://127.0.0.1:" + server.getAddress().getPort())
                .setMaxNetworkRetries(0)
                .setReadTimeout(readTimeoutMillis)
                .setHttpClient(new StripeHttpTransport(Duration.ofSeconds(2)))
                .build();
    }
}
