package cn.eexpo.sandbox.stripe;

import static cn.eexpo.sandbox.stripe.SandboxClients.client;
import static cn.eexpo.sandbox.stripe.SandboxClients.paidCardOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.stripe.Stripe;
import com.stripe.StripeClient;
import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.Charge;
import com.stripe.model.Event;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import com.stripe.param.EventListParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhooksTest {

    static StripeSandbox sandbox;
    static StripeClient stripe;
    static Receiver receiver;

    /** The application's webhook endpoint in miniature: verifies each delivery as the application does. */
    static final class Receiver implements AutoCloseable {
        final HttpServer server;
        final List<Event> events = new CopyOnWriteArrayList<>();
        final List<String> payloads = new CopyOnWriteArrayList<>();
        final List<String> rejected = new CopyOnWriteArrayList<>();
        final AtomicInteger failuresToAnswer = new AtomicInteger();
        volatile String secret;

        Receiver() throws Exception {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
            server.createContext("/webhook", exchange -> {
                try (exchange) {
                    String payload = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    if (failuresToAnswer.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    try {
                        Event event = Webhook.constructEvent(
                                payload, exchange.getRequestHeaders().getFirst("Stripe-Signature"), secret);
                        events.add(event);
                        payloads.add(payload);
                        exchange.sendResponseHeaders(200, -1);
                    } catch (SignatureVerificationException e) {
                        rejected.add(e.getMessage());
                        exchange.sendResponseHeaders(400, -1);
                    }
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/webhook";
        }

        List<String> types() {
            return events.stream().map(Event::getType).toList();
        }

        void clear() {
            events.clear();
            payloads.clear();
            rejected.clear();
            failuresToAnswer.set(0);
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @BeforeAll
    static void start() throws Exception {
        receiver = new Receiver();
        sandbox = StripeSandbox.start(StripeSandbox.Options.defaults()
                .withWebhookUrl(receiver.url())
                .withWebhookRetries(Duration.ofMillis(50), Duration.ofMillis(400), 5));
        receiver.secret = sandbox.webhookSecret();
        stripe = client(sandbox, 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
        receiver.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
        sandbox.setWebhookUrl(receiver.url());
        receiver.clear();
    }

    @Test
    void eachChangeIsDeliveredSignedInOrderAndDeserialisesWithStripeJava() throws Exception {
        PaymentIntent paid = paidCardOrder(stripe, 12_800, "EX-W1");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.types().size() == 3);
        assertThat(receiver.types())
                .containsExactly("payment_intent.created", "charge.succeeded", "payment_intent.succeeded");
        assertThat(receiver.rejected).isEmpty();

        Event succeeded = receiver.events.get(2);
        assertThat(succeeded.getId()).startsWith("evt_");
        assertThat(succeeded.getApiVersion()).isEqualTo(Stripe.API_VERSION);
        assertThat(succeeded.getLivemode()).isFalse();
        assertThat(succeeded.getRequest().getIdempotencyKey()).isNotBlank();
        PaymentIntent object = (PaymentIntent)
                succeeded.getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(object.getId()).isEqualTo(paid.getId());
        assertThat(object.getStatus()).isEqualTo("succeeded");
        assertThat(object.getMetadata()).containsEntry("order_no", "EX-W1");
        PaymentIntent atCreation = (PaymentIntent)
                receiver.events.get(0).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(atCreation.getStatus()).isEqualTo("requires_confirmation");
        Charge charge = (Charge)
                receiver.events.get(1).getDataObjectDeserializer().getObject().orElseThrow();
        assertThat(charge.getPaymentIntent()).isEqualTo(paid.getId());

        assertThatThrownBy(() ->
                        Webhook.constructEvent(receiver.payloads.getFirst(), "t=1,v1=00", sandbox.webhookSecret()))
                .isInstanceOf(SignatureVerificationException.class);

        Event fetched = stripe.v1().events().retrieve(succeeded.getId());
        assertThat(fetched.getType()).isEqualTo("payment_intent.succeeded");
        await().atMost(Duration.ofSeconds(5))
                .until(() -> stripe.v1().events().retrieve(succeeded.getId()).getPendingWebhooks() == 0);
        assertThat(stripe.v1()
                        .events()
                        .list(EventListParams.builder().setType("charge.*").build())
                        .getData())
                .extracting(Event::getType)
                .containsExactly("charge.succeeded");
    }

    @Test
    void aReceiverErrorIsRetriedUntilItAccepts() throws Exception {
        receiver.failuresToAnswer.set(2);

        PaymentIntent open = stripe.v1()
                .paymentIntents()
                .create(SandboxClients.order(1_000, "EX-W2")
                        .addPaymentMethodType("card")
                        .build());

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.types().size() == 1);
        assertThat(((PaymentIntent) receiver.events
                                .getFirst()
                                .getDataObjectDeserializer()
                                .getObject()
                                .orElseThrow())
                        .getId())
                .isEqualTo(open.getId());
        assertThat(sandbox.webhookDeliveries())
                .extracting(WebhookDelivery::attempt, WebhookDelivery::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, 500),
                        org.assertj.core.groups.Tuple.tuple(2, 500),
                        org.assertj.core.groups.Tuple.tuple(3, 200));
    }

    @Test
    void anUnreachableEndpointGetsABoundedNumberOfAttempts() throws Exception {
        sandbox.setWebhookUrl("http://127.0.0.1:9/nothing-listens-here");

        stripe.v1()
                .paymentIntents()
                .create(SandboxClients.order(1_000, "EX-W3")
                        .addPaymentMethodType("card")
                        .build());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> sandbox.webhookDeliveries().size() == 5);
        assertThat(sandbox.webhookDeliveries()).allSatisfy(delivery -> {
            assertThat(delivery.succeeded()).isFalse();
            assertThat(delivery.error()).isNotBlank();
        });
        assertThat(sandbox.webhookDeliveries())
                .extracting(WebhookDelivery::attempt)
                .containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void duplicatedWebhooksArriveTwiceWithTheSameEventId() throws Exception {
        sandbox.faults().duplicateWebhooks(1);

        paidCardOrder(stripe, 1_000, "EX-W4");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.events.size() == 6);
        assertThat(receiver.events.stream().map(Event::getId).distinct()).hasSize(3);
        assertThat(receiver.types())
                .containsExactly(
                        "payment_intent.created",
                        "payment_intent.created",
                        "charge.succeeded",
                        "charge.succeeded",
                        "payment_intent.succeeded",
                        "payment_intent.succeeded");
    }

    @Test
    void reorderedWebhooksArriveLastFirst() throws Exception {
        sandbox.faults().reorderWebhooks(3, Faults.WebhookOrder.REVERSE);

        paidCardOrder(stripe, 1_000, "EX-W5");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.events.size() == 3);
        assertThat(receiver.types())
                .containsExactly("payment_intent.succeeded", "charge.succeeded", "payment_intent.created");
    }

    @Test
    void droppedWebhooksNeverArrive() throws Exception {
        sandbox.faults().dropWebhooks(2);

        paidCardOrder(stripe, 1_000, "EX-W6");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.events.size() == 1);
        assertThat(receiver.types()).containsExactly("payment_intent.succeeded");
        assertThat(sandbox.webhookDeliveries())
                .filteredOn(WebhookDelivery::dropped)
                .hasSize(2);
        assertThat(sandbox.events()).hasSize(3);
    }

    @Test
    void withoutAnEndpointEventsAreOnlyRecorded() throws Exception {
        sandbox.setWebhookUrl(null);

        paidCardOrder(stripe, 1_000, "EX-W7");

        assertThat(sandbox.events()).hasSize(3);
        assertThat(stripe.v1().events().list().getData())
                .allSatisfy(event -> assertThat(event.getPendingWebhooks()).isZero());
        assertThat(sandbox.webhookDeliveries()).isEmpty();
    }
}
