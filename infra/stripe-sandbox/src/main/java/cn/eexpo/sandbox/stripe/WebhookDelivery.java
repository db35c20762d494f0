package cn.eexpo.sandbox.stripe;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One attempt to deliver an event to the webhook endpoint: the HTTP status it got (0 when there was no
 * answer), or that fault injection dropped it.
 */
public record WebhookDelivery(
        String eventId,
        String eventType,
        int attempt,
        int status,
        @Nullable String error,
        boolean dropped,
        Instant at) {

    public boolean succeeded() {
        return status >= 200 && status < 300;
    }
}
