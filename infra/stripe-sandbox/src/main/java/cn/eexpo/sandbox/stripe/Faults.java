package cn.eexpo.sandbox.stripe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The faults the sandbox injects, to test how the application copes with what Stripe and networks do: failed
 * requests (before or after the write), latency, a rate limit, duplicated, reordered and lost webhooks. Set
 * through these methods or {@code POST /_sandbox/faults}; {@link #clear()} and {@code /_sandbox/reset} remove
 * them all. Thread-safe.
 */
public final class Faults {

    /** How an injected request failure answers. */
    public enum Failure {
        /** 429 {@code rate_limit}, as Stripe's rate limiter; stripe-java does not retry it by itself. */
        RATE_LIMIT,
        /**
         * 429 {@code lock_timeout} with {@code Stripe-Should-Retry: true}, as Stripe's object lock timeouts;
         * stripe-java retries it (with {@code setMaxNetworkRetries}).
         */
        LOCK_TIMEOUT,
        /** 500 {@code api_error} before anything was written. */
        SERVER_ERROR,
        /**
         * 500 {@code api_error} after the request was carried out and its result kept for its idempotency key:
         * the client sees an error although the charge happened; a retry with the same key gets the result.
         */
        SERVER_ERROR_AFTER_WRITE
    }

    /** The order in which held webhooks are let go. */
    public enum WebhookOrder {
        REVERSE,
        RANDOM
    }

    record FailureRule(
            Failure failure,
            @Nullable String method,
            @Nullable String pathPrefix) {

        boolean matches(String requestMethod, String path) {
            return (method == null || method.equalsIgnoreCase(requestMethod))
                    && (pathPrefix == null || path.startsWith(pathPrefix));
        }
    }

    private final List<FailureRule> failures = new ArrayList<>();
    private Duration latency = Duration.ZERO;
    private int requestsPerSecond;
    private int webhookCopies;
    private int webhooksToDrop;
    private int webhooksToHold;
    private WebhookOrder holdOrder = WebhookOrder.REVERSE;
    private @Nullable Runnable releaseHeld;

    Faults() {}

    /** Fails the next {@code count} API requests with the given failure. */
    public Faults failNext(int count, Failure failure) {
        return failNext(count, failure, null);
    }

    /**
     * Fails the next {@code count} API requests that match, e.g. {@code "POST /v1/payment_intents"} (a method
     * and a path prefix; either may be left out, {@code null} matches every request).
     */
    public synchronized Faults failNext(int count, Failure failure, @Nullable String match) {
        String method = null;
        String prefix = null;
        if (match != null && !match.isBlank()) {
            String[] parts = match.trim().split("\\s+", 2);
            if (parts.length == 2) {
                method = parts[0];
                prefix = parts[1];
            } else if (parts[0].startsWith("/")) {
                prefix = parts[0];
            } else {
                method = parts[0];
            }
        }
        for (int i = 0; i < count; i++) {
            failures.add(new FailureRule(failure, method, prefix));
        }
        return this;
    }

    /** How many injected request failures are still to come. */
    public synchronized int pendingFailures() {
        return failures.size();
    }

    /** Adds a fixed delay to every API request (zero to stop). */
    public synchronized Faults latency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** Answers 429 {@code rate_limit} beyond {@code requestsPerSecond} API requests a second (0 to stop). */
    public synchronized Faults rateLimit(int requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
        return this;
    }

    /** Delivers every following webhook {@code extraCopies} more times (0 to stop). */
    public synchronized Faults duplicateWebhooks(int extraCopies) {
        this.webhookCopies = extraCopies;
        return this;
    }

    /** Never delivers the next {@code count} webhooks. */
    public synchronized Faults dropWebhooks(int count) {
        this.webhooksToDrop = count;
        return this;
    }

    /**
     * Holds the next {@code count} webhooks and, once all of them are there, delivers them in the given order
     * ({@link #releaseHeldWebhooks()} lets go of fewer).
     */
    public synchronized Faults reorderWebhooks(int count, WebhookOrder order) {
        this.webhooksToHold = count;
        this.holdOrder = order;
        return this;
    }

    /** Delivers the webhooks held for reordering now, in the chosen order. */
    public void releaseHeldWebhooks() {
        Runnable release;
        synchronized (this) {
            webhooksToHold = 0;
            release = releaseHeld;
        }
        if (release != null) {
            release.run();
        }
    }

    /** Removes every fault; held webhooks are delivered. */
    public Faults clear() {
        synchronized (this) {
            failures.clear();
            latency = Duration.ZERO;
            requestsPerSecond = 0;
            webhookCopies = 0;
            webhooksToDrop = 0;
        }
        releaseHeldWebhooks();
        return this;
    }

    synchronized @Nullable Failure takeFailure(String method, String path) {
        for (int i = 0; i < failures.size(); i++) {
            if (failures.get(i).matches(method, path)) {
                return failures.remove(i).failure();
            }
        }
        return null;
    }

    synchronized Duration latency() {
        return latency;
    }

    synchronized int requestsPerSecond() {
        return requestsPerSecond;
    }

    synchronized int webhookCopies() {
        return webhookCopies;
    }

    synchronized boolean takeDrop() {
        if (webhooksToDrop > 0) {
            webhooksToDrop--;
            return true;
        }
        return false;
    }

    /** Whether the next webhook is to be held; counts it. */
    synchronized boolean takeHold() {
        if (webhooksToHold > 0) {
            webhooksToHold--;
            return true;
        }
        return false;
    }

    synchronized boolean holding() {
        return webhooksToHold > 0;
    }

    synchronized WebhookOrder holdOrder() {
        return holdOrder;
    }

    synchronized void onRelease(Runnable release) {
        this.releaseHeld = release;
    }

    synchronized Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(
                "fail_next",
                failures.stream()
                        .map(rule -> {
                            Map<String, Object> one = new LinkedHashMap<>();
                            one.put("kind", rule.failure().name().toLowerCase(java.util.Locale.ROOT));
                            one.put("method", rule.method());
                            one.put("path", rule.pathPrefix());
                            return one;
                        })
                        .toList());
        json.put("latency_ms", latency.toMillis());
        json.put("rate_limit_per_second", requestsPerSecond);
        Map<String, Object> webhooks = new LinkedHashMap<>();
        webhooks.put("duplicate", webhookCopies);
        webhooks.put("drop_next", webhooksToDrop);
        webhooks.put("reorder_next", webhooksToHold);
        webhooks.put("reorder", holdOrder.name().toLowerCase(java.util.Locale.ROOT));
        json.put("webhooks", webhooks);
        return json;
    }
}
