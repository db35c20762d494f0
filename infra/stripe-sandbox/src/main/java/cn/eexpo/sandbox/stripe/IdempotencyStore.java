package cn.eexpo.sandbox.stripe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stripe's idempotency keys: the first request with a key runs and its result is kept for the key's lifetime
 * (24 hours); the same key with the same method, path and parameters replays that result; with anything else
 * it is refused; while the first is still running a second one is told to retry (409). At most {@link
 * #CAPACITY} keys are kept (the oldest finished ones go first), so that a long load test does not exhaust
 * memory.
 */
final class IdempotencyStore {

    record Fingerprint(String method, String path, Map<String, Object> params) {}

    record StoredResponse(int status, String body, String requestId) {}

    sealed interface Claim {}

    record Fresh() implements Claim {}

    record Replay(StoredResponse response) implements Claim {}

    record Refused(ApiError error) implements Claim {}

    private static final class Entry {
        final Fingerprint fingerprint;
        final Instant created;
        StoredResponse response;

        Entry(Fingerprint fingerprint, Instant created) {
            this.fingerprint = fingerprint;
            this.created = created;
        }
    }

    static final int CAPACITY = 200_000;

    private final Map<String, Entry> entries = new LinkedHashMap<>();
    private final Clock clock;
    private final Duration ttl;
    private Instant lastPurge;

    IdempotencyStore(Clock clock, Duration ttl) {
        this.clock = clock;
        this.ttl = ttl;
        this.lastPurge = clock.instant();
    }

    synchronized Claim claim(String key, Fingerprint fingerprint) {
        Instant now = clock.instant();
        if (now.isAfter(lastPurge.plusSeconds(60))) {
            entries.values().removeIf(entry -> expired(entry, now));
            lastPurge = now;
        }
        Entry entry = entries.get(key);
        if (entry == null || expired(entry, now)) {
            entries.remove(key);
            entries.put(key, new Entry(fingerprint, now));
            evictBeyondCapacity();
            return new Fresh();
        }
        if (!entry.fingerprint.equals(fingerprint)) {
            return new Refused(new ApiError(
                    400,
                    "idempotency_error",
                    null,
                    "Keys for idempotent requests can only be used with the same parameters they were first used"
                            + " with. Try using a key other than '" + key + "' if you meant to execute a different"
                            + " request.",
                    null));
        }
        if (entry.response == null) {
            ApiError inUse = new ApiError(
                    409,
                    "idempotency_error",
                    "idempotency_key_in_use",
                    "There is currently another in-progress request using this Idempotent Key (that probably means"
                            + " you submitted twice, and the other request is still going through): " + key
                            + ". Please try again later.",
                    null);
            return new Refused(inUse);
        }
        return new Replay(entry.response);
    }

    private void evictBeyondCapacity() {
        Iterator<Entry> oldest = entries.values().iterator();
        while (entries.size() > CAPACITY && oldest.hasNext()) {
            if (oldest.next().response != null) {
                oldest.remove();
            }
        }
    }

    synchronized void complete(String key, StoredResponse response) {
        Entry entry = entries.get(key);
        if (entry != null) {
            entry.response = response;
        }
    }

    /** The request did not run (bad parameters, unknown object): nothing is kept, the key is free again. */
    synchronized void release(String key) {
        Entry entry = entries.get(key);
        if (entry != null && entry.response == null) {
            entries.remove(key);
        }
    }

    synchronized void clear() {
        entries.clear();
    }

    private boolean expired(Entry entry, Instant now) {
        return entry.response != null && now.isAfter(entry.created.plus(ttl));
    }
}
