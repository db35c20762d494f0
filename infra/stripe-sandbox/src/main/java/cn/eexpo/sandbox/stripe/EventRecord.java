package cn.eexpo.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An event: the type and a snapshot of the object at the moment of the change. */
final class EventRecord implements StoredObject {

    final String id;
    final long sequence;
    final long created;
    final String type;
    final String apiVersion;
    final Map<String, Object> object;
    final @Nullable String requestId;
    final @Nullable String idempotencyKey;
    volatile int pendingWebhooks;

    EventRecord(
            String id,
            long sequence,
            long created,
            String type,
            String apiVersion,
            Map<String, Object> object,
            @Nullable String requestId,
            @Nullable String idempotencyKey,
            int pendingWebhooks) {
        this.id = id;
        this.sequence = sequence;
        this.created = created;
        this.type = type;
        this.apiVersion = apiVersion;
        this.object = object;
        this.requestId = requestId;
        this.idempotencyKey = idempotencyKey;
        this.pendingWebhooks = pendingWebhooks;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public long sequence() {
        return sequence;
    }

    @Override
    public long created() {
        return created;
    }

    String objectId() {
        return (String) object.get("id");
    }

    @Override
    public Map<String, Object> toJson() {
        return toJson(pendingWebhooks);
    }

    Map<String, Object> toJson(int pending) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("id", requestId);
        request.put("idempotency_key", idempotencyKey);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "event");
        json.put("api_version", apiVersion);
        json.put("created", created);
        json.put("data", Map.of("object", object));
        json.put("livemode", false);
        json.put("pending_webhooks", pending);
        json.put("request", request);
        json.put("type", type);
        return json;
    }
}
