package cn.eexpo.sandbox.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A local, stateful stand-in for Stripe's API: point stripe-java at {@link #baseUrl()} ({@code
 * StripeClient.builder().setApiKey(sandbox.secretKey()).setApiBase(sandbox.baseUrl())}) and verify webhooks
 * with {@link #webhookSecret()}, exactly as against Stripe with test keys.
 *
 * <pre>{@code
 * try (StripeSandbox sandbox = StripeSandbox.start(StripeSandbox.Options.defaults()
 *         .withWebhookUrl("http://127.0.0.1:8080/api/v1/payments/stripe/webhook"))) {
 *     sandbox.faults().failNext(1, Faults.Failure.SERVER_ERROR_AFTER_WRITE);
 *     ...
 *     assertThat(sandbox.paymentIntent(id).orElseThrow().successfulCharges()).isEqualTo(1);
 * }
 * }</pre>
 *
 * Everything lives in memory; {@link #reset()} forgets it. Thread-safe.
 */
public final class StripeSandbox implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(StripeSandbox.class.getName());

    /**
     * How the sandbox starts. {@link #defaults()}: 127.0.0.1 on a free port, a generated secret key and webhook
     * secret, no webhook URL, webhook retries from 0.2 s doubling to 5 s for 8 attempts, idempotency keys kept
     * 24 h.
     *
     * @param host the address to listen on
     * @param port the port, 0 for a free one
     * @param secretKey the key {@link #secretKey()} hands out (the API takes any {@code sk_test_} key)
     * @param webhookSecret the {@code whsec_} secret webhooks are signed with
     * @param webhookUrl where events are POSTed, {@code null} for nowhere
     * @param publicUrl the base of the payment page links in {@code next_action}, {@code null} for the listening
     *     address
     * @param webhookRetryInitialDelay the wait before the first retry of a failed delivery
     * @param webhookRetryMaxDelay the longest wait between retries
     * @param webhookMaxAttempts how many attempts an event gets
     * @param webhookTimeout how long a delivery attempt waits for the endpoint
     * @param idempotencyKeyTtl how long idempotency keys are kept
     * @param logRequests whether to log every API request at INFO
     * @param clock the sandbox's clock ({@code created}, signatures, key expiry)
     */
    public record Options(
            String host,
            int port,
            String secretKey,
            String webhookSecret,
            @Nullable String webhookUrl,
            @Nullable String publicUrl,
            Duration webhookRetryInitialDelay,
            Duration webhookRetryMaxDelay,
            int webhookMaxAttempts,
            Duration webhookTimeout,
            Duration idempotencyKeyTtl,
            boolean logRequests,
            Clock clock) {

        public static Options defaults() {
            return new Options(
                    "127.0.0.1",
                    0,
                    "sk_test_sandbox_" + Ids.random(24),
                    "whsec_" + Ids.random(32),
                    null,
                    null,
                    Duration.ofMillis(200),
                    Duration.ofSeconds(5),
                    8,
                    Duration.ofSeconds(10),
                    Duration.ofHours(24),
                    false,
                    Clock.systemUTC());
        }

        public Options withHost(String host) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withPort(int port) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withSecretKey(String secretKey) {
            if (!secretKey.startsWith("sk_test_")) {
                throw new IllegalArgumentException("the sandbox's secret key must start with sk_test_");
            }
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withWebhookSecret(String webhookSecret) {
            if (!webhookSecret.startsWith("whsec_")) {
                throw new IllegalArgumentException("a webhook secret starts with whsec_");
            }
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withWebhookUrl(@Nullable String webhookUrl) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withPublicUrl(@Nullable String publicUrl) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withWebhookRetries(Duration initialDelay, Duration maxDelay, int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("a webhook needs at least one attempt");
            }
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    initialDelay,
                    maxDelay,
                    maxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withWebhookTimeout(Duration webhookTimeout) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withIdempotencyKeyTtl(Duration idempotencyKeyTtl) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withLogRequests(boolean logRequests) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }

        public Options withClock(Clock clock) {
            return new Options(
                    host,
                    port,
                    secretKey,
                    webhookSecret,
                    webhookUrl,
                    publicUrl,
                    webhookRetryInitialDelay,
                    webhookRetryMaxDelay,
                    webhookMaxAttempts,
                    webhookTimeout,
                    idempotencyKeyTtl,
                    logRequests,
                    clock);
        }
    }

    private final Options options;
    private final String apiVersion;
    private final Faults faults = new Faults();
    private final WebhookSender webhooks;
    private final Ledger ledger;
    private final PaymentIntentEndpoints paymentIntents;
    private final IdempotencyStore idempotency;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final HttpServer server;
    private final String baseUrl;

    private StripeSandbox(Options options) throws IOException {
        this.options = options;
        this.apiVersion = stripeJavaApiVersion();
        this.webhooks = new WebhookSender(
                new WebhookSender.Settings(
                        options.webhookRetryInitialDelay(),
                        options.webhookRetryMaxDelay(),
                        options.webhookMaxAttempts(),
                        options.webhookTimeout()),
                options.webhookSecret(),
                options.webhookUrl(),
                faults,
                options.clock());
        this.ledger = new Ledger(options.clock(), apiVersion, webhooks::publish, webhooks::hasEndpoint);
        this.idempotency = new IdempotencyStore(options.clock(), options.idempotencyKeyTtl());
        this.server = HttpServer.create(new InetSocketAddress(options.host(), options.port()), 512);
        String host = options.host().contains(":") ? "[" + options.host() + "]" : options.host();
        this.baseUrl = "http://" + host + ":" + server.getAddress().getPort();
        String pageBase = options.publicUrl() != null ? stripSlash(options.publicUrl()) : baseUrl;
        this.paymentIntents = new PaymentIntentEndpoints(ledger, id -> pageBase + "/pay/" + id);
        ApiHandler api = new ApiHandler(
                ledger,
                paymentIntents,
                new RefundEndpoints(ledger),
                new LookupEndpoints(ledger, paymentIntents),
                idempotency,
                faults,
                apiVersion,
                options.logRequests());
        PaymentPage page = new PaymentPage(ledger, paymentIntents);
        ControlHandler control = new ControlHandler(this);
        server.createContext("/", exchange -> dispatch(exchange, api, page, control));
        server.setExecutor(executor);
        server.start();
    }

    /** Starts a sandbox; it listens until {@link #close()}. */
    public static StripeSandbox start(Options options) {
        try {
            return new StripeSandbox(options);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the Stripe sandbox could not listen on " + options.host() + ":" + options.port(), e);
        }
    }

    /** Starts a sandbox with {@link Options#defaults()}. */
    public static StripeSandbox start() {
        return start(Options.defaults());
    }

    private void dispatch(HttpExchange exchange, ApiHandler api, PaymentPage page, ControlHandler control) {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            if (path.startsWith("/v1/")) {
                api.handle(exchange);
            } else if (path.startsWith("/pay/")) {
                page.handle(exchange);
            } else if (path.startsWith("/_sandbox/")) {
                control.handle(exchange);
            } else if (path.equals("/")) {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                ApiHandler.send(exchange, 200, Json.write(ApiHandler.info(baseUrl, apiVersion)));
            } else {
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                ApiError error = ApiError.unrecognizedUrl(exchange.getRequestMethod(), path);
                ApiHandler.send(exchange, error.status, Json.write(error.body()));
            }
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "the client went away", e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "the Stripe sandbox failed on " + exchange.getRequestURI(), e);
            try {
                ApiHandler.send(
                        exchange,
                        500,
                        Json.write(new ApiError(500, "api_error", null, "An unknown error occurred", null).body()));
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way
            }
        }
    }

    /** The API base for {@code StripeClient.builder().setApiBase(...)}, e.g. {@code http://127.0.0.1:41234}. */
    public String baseUrl() {
        return baseUrl;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** A test secret key the sandbox takes (any {@code sk_test_...} key is taken). */
    public String secretKey() {
        return options.secretKey();
    }

    /** The secret webhooks are signed with, for {@code Webhook.constructEvent(payload, header, secret)}. */
    public String webhookSecret() {
        return options.webhookSecret();
    }

    /** Where events are delivered from now on; {@code null} stops delivery. */
    public void setWebhookUrl(@Nullable String url) {
        webhooks.setUrl(url);
    }

    /**
     * How many webhook deliveries may be in flight at once (default 1: one at a time, in order). Stripe delivers
     * side by side and in no guaranteed order; load tests set more so that the sandbox is not the bottleneck.
     */
    public void setWebhookConcurrency(int deliveries) {
        webhooks.concurrency(deliveries);
    }

    public @Nullable String webhookUrl() {
        return webhooks.url();
    }

    /** The API version events carry: that of the stripe-java on the classpath. */
    public String apiVersion() {
        return apiVersion;
    }

    public Faults faults() {
        return faults;
    }

    /** The payment page of a PaymentIntent, where a buyer completes or declines it. */
    public String paymentPageUrl(String paymentIntentId) {
        return baseUrl + "/pay/" + paymentIntentId;
    }

    /** What the buyer's "complete payment" on the payment page does: the PaymentIntent succeeds. */
    public void completePayment(String paymentIntentId) {
        ledger.locked(() -> {
            paymentIntents.completeOnPage(paymentIntentId, null);
            return null;
        });
    }

    /** What the buyer's "decline" on the payment page does: the payment fails with {@code last_payment_error}. */
    public void declinePayment(String paymentIntentId) {
        ledger.locked(() -> {
            paymentIntents.declineOnPage(paymentIntentId, null);
            return null;
        });
    }

    /** Every PaymentIntent, oldest first. */
    public List<PaymentIntentSnapshot> paymentIntents() {
        return ledger.locked(() -> ledger.intents.values().stream()
                .sorted(Comparator.comparingLong(PaymentIntentRecord::sequence))
                .map(this::snapshot)
                .toList());
    }

    public Optional<PaymentIntentSnapshot> paymentIntent(String id) {
        return ledger.locked(() -> Optional.ofNullable(ledger.intents.get(id)).map(this::snapshot));
    }

    /** Every event, oldest first. */
    public List<EventSnapshot> events() {
        return ledger.locked(() -> ledger.events.values().stream()
                .map(e -> new EventSnapshot(e.id, e.type, e.objectId(), Instant.ofEpochSecond(e.created)))
                .toList());
    }

    /** Every webhook delivery attempt so far, in the order they were made. */
    public List<WebhookDelivery> webhookDeliveries() {
        return webhooks.deliveries();
    }

    /** Forgets every object, event, idempotency key, fault and pending webhook; the webhook URL stays. */
    public void reset() {
        webhooks.reset();
        faults.clear();
        idempotency.clear();
        ledger.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        webhooks.close();
        executor.shutdownNow();
    }

    private PaymentIntentSnapshot snapshot(PaymentIntentRecord intent) {
        List<ChargeRecord> charges =
                intent.charges.stream().map(ledger.charges::get).toList();
        List<PaymentIntentSnapshot.Charge> chargeSnapshots = charges.stream()
                .map(c -> new PaymentIntentSnapshot.Charge(
                        c.id, c.status, c.amount, c.amountRefunded, c.paymentMethod.type))
                .toList();
        List<PaymentIntentSnapshot.Refund> refunds = charges.stream()
                .flatMap(c -> c.refunds.stream())
                .map(ledger.refunds::get)
                .sorted(Comparator.comparingLong(RefundRecord::sequence))
                .map(r -> new PaymentIntentSnapshot.Refund(r.id, r.charge, r.amount, r.reason))
                .toList();
        Object errorCode = intent.lastPaymentError == null ? null : intent.lastPaymentError.get("code");
        return new PaymentIntentSnapshot(
                intent.id,
                intent.status,
                intent.amount,
                intent.amountReceived,
                intent.currency,
                Map.copyOf(intent.metadata),
                List.copyOf(intent.paymentMethodTypes),
                intent.returnUrl,
                errorCode == null ? null : errorCode.toString(),
                chargeSnapshots,
                refunds,
                Instant.ofEpochSecond(intent.created));
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** {@code com.stripe.Stripe.API_VERSION} read at run time, so events match the stripe-java actually present. */
    private static String stripeJavaApiVersion() {
        try {
            return (String)
                    Class.forName("com.stripe.Stripe").getField("API_VERSION").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("stripe-java is not on the classpath", e);
        }
    }
}
