package cn.eexpo.sandbox.stripe;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * Delivers events to the webhook endpoint as Stripe does: POST of the event JSON, signed in {@code
 * Stripe-Signature: t=...,v1=HMAC-SHA256(secret, t + "." + payload)}, retried with doubling delays when the
 * endpoint answers other than 2xx or not at all. First attempts go out one at a time in the order of the
 * events (or side by side, see {@link #concurrency}); retries go out when due. Fault injection may drop, duplicate or hold and reorder them.
 */
final class WebhookSender implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(WebhookSender.class.getName());

    record Settings(Duration initialDelay, Duration maxDelay, int maxAttempts, Duration timeout) {}

    private final Settings settings;
    private final String secret;
    private final Faults faults;
    private final Clock clock;
    private final HttpClient http;
    private final LinkedBlockingQueue<EventRecord> queue = new LinkedBlockingQueue<>();
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(
            Thread.ofVirtual().name("stripe-sandbox-webhook-retry").factory());
    private final List<EventRecord> held = new ArrayList<>();
    private final List<WebhookDelivery> deliveries = new CopyOnWriteArrayList<>();
    private final AtomicInteger generation = new AtomicInteger();
    private final Thread loop;
    private volatile @Nullable String url;
    private volatile boolean closed;

    WebhookSender(Settings settings, String secret, @Nullable String url, Faults faults, Clock clock) {
        this.settings = settings;
        this.secret = secret;
        this.url = url;
        this.faults = faults;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.timeout())
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        faults.onRelease(this::releaseHeld);
        this.loop = Thread.ofVirtual().name("stripe-sandbox-webhooks").start(this::run);
    }

    boolean hasEndpoint() {
        return url != null;
    }

    void setUrl(@Nullable String url) {
        this.url = url == null || url.isBlank() ? null : url;
    }

    @Nullable
    String url() {
        return url;
    }

    /** Queues an event for delivery; called in the order the events happen. */
    void publish(EventRecord event) {
        if (event.pendingWebhooks > 0) {
            queue.add(event);
        }
    }

    List<WebhookDelivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Forgets queued, held and pending retries of earlier events and the delivery log. */
    void reset() {
        generation.incrementAndGet();
        queue.clear();
        synchronized (held) {
            held.clear();
        }
        deliveries.clear();
    }

    /**
     * First attempts in flight at once: 1 (the default) delivers them one at a time in the order of the events;
     * more delivers them side by side and so in no particular order, as Stripe itself does under load.
     */
    void concurrency(int deliveries) {
        inFlight = new Semaphore(Math.max(1, deliveries));
        concurrent = deliveries > 1;
    }

    private volatile Semaphore inFlight = new Semaphore(1);
    private volatile boolean concurrent;

    private void run() {
        while (!closed) {
            EventRecord event;
            try {
                event = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            int gen = generation.get();
            if (!concurrent) {
                deliver(event, gen);
                continue;
            }
            Semaphore permits = inFlight;
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                return;
            }
            Thread.ofVirtual().name("stripe-sandbox-webhook").start(() -> {
                try {
                    deliver(event, gen);
                } finally {
                    permits.release();
                }
            });
        }
    }

    private void deliver(EventRecord event, int gen) {
        try {
            route(event, gen);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "webhook delivery of " + event.id + " failed", e);
        }
    }

    private void route(EventRecord event, int gen) {
        if (faults.takeDrop()) {
            deliveries.add(new WebhookDelivery(
                    event.id, event.type, 0, 0, "dropped by fault injection", true, clock.instant()));
            return;
        }
        if (faults.takeHold()) {
            synchronized (held) {
                held.add(event);
            }
            if (!faults.holding()) {
                releaseHeld();
            }
            return;
        }
        send(event, gen);
    }

    private void releaseHeld() {
        List<EventRecord> release;
        synchronized (held) {
            release = new ArrayList<>(held);
            held.clear();
        }
        if (faults.holdOrder() == Faults.WebhookOrder.REVERSE) {
            Collections.reverse(release);
        } else {
            Collections.shuffle(release);
        }
        int gen = generation.get();
        for (EventRecord event : release) {
            send(event, gen);
        }
    }

    private void send(EventRecord event, int gen) {
        String payload = Json.write(event.toJson(1));
        int copies = 1 + faults.webhookCopies();
        for (int copy = 0; copy < copies; copy++) {
            attempt(event, payload, 1, gen);
        }
    }

    private void attempt(EventRecord event, String payload, int attempt, int gen) {
        String target = url;
        if (closed || gen != generation.get() || target == null) {
            return;
        }
        int status = 0;
        String error = null;
        try {
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(URI.create(target))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json; charset=utf-8")
                    .header("User-Agent", "Stripe/1.0 (+https://stripe.com/docs/webhooks)")
                    .header("Cache-Control", "no-cache")
                    .header("Stripe-Signature", signature(timestamp, payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (gen != generation.get()) {
            return; // reset while this attempt was under way: it belongs to the forgotten past
        }
        WebhookDelivery delivery =
                new WebhookDelivery(event.id, event.type, attempt, status, error, false, clock.instant());
        deliveries.add(delivery);
        if (delivery.succeeded()) {
            event.pendingWebhooks = 0;
            return;
        }
        if (attempt >= settings.maxAttempts()) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "webhook {0} ({1}) not delivered after {2} attempts: {3}",
                    event.id,
                    event.type,
                    attempt,
                    error != null ? error : "HTTP " + status);
            return;
        }
        Duration delay = delay(attempt);
        LOG.log(
                System.Logger.Level.DEBUG,
                "webhook {0} attempt {1} failed ({2}); retrying in {3} ms",
                event.id,
                attempt,
                error != null ? error : "HTTP " + status,
                delay.toMillis());
        if (!closed) {
            retries.schedule(
                    () -> Thread.ofVirtual().start(() -> attempt(event, payload, attempt + 1, gen)),
                    delay.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    private Duration delay(int attempt) {
        Duration delay = settings.initialDelay().multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(settings.maxDelay()) > 0 ? settings.maxDelay() : delay;
    }

    String signature(long timestamp, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.interrupt();
        retries.shutdownNow();
        http.close();
    }
}
