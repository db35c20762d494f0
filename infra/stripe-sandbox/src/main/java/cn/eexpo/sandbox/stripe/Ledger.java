package cn.eexpo.sandbox.stripe;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Everything the sandbox holds, in memory: PaymentIntents, PaymentMethods, charges, refunds and events. One
 * lock guards it all; a request holds it for microseconds, and taking it in order is what keeps events in
 * the order of the changes they record.
 */
final class Ledger {

    private static final Map<String, Set<String>> EXPANDABLE = Map.of(
            "payment_intent", Set.of("latest_charge", "payment_method", "customer"),
            "charge", Set.of("payment_intent", "balance_transaction", "customer"),
            "refund", Set.of("charge", "payment_intent", "balance_transaction"));

    private final ReentrantLock lock = new ReentrantLock();
    private final Clock clock;
    private final String apiVersion;
    private final Consumer<EventRecord> publisher;
    private final Supplier<Boolean> webhookEndpointSet;

    final Map<String, PaymentIntentRecord> intents = new HashMap<>();
    final Map<String, PaymentMethodRecord> paymentMethods = new HashMap<>();
    final Map<String, ChargeRecord> charges = new HashMap<>();
    final Map<String, RefundRecord> refunds = new HashMap<>();
    final Map<String, EventRecord> events = new LinkedHashMap<>();
    private long sequence;

    Ledger(Clock clock, String apiVersion, Consumer<EventRecord> publisher, Supplier<Boolean> webhookEndpointSet) {
        this.clock = clock;
        this.apiVersion = apiVersion;
        this.publisher = publisher;
        this.webhookEndpointSet = webhookEndpointSet;
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    void clear() {
        locked(() -> {
            intents.clear();
            paymentMethods.clear();
            charges.clear();
            refunds.clear();
            events.clear();
            return null;
        });
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    long nextSequence() {
        return ++sequence;
    }

    /** Records an event with a snapshot of the object as it is now, and hands it to the webhook sender. */
    void emit(String type, StoredObject object, RequestContext context) {
        EventRecord event = new EventRecord(
                Ids.next("evt"),
                nextSequence(),
                now(),
                type,
                apiVersion,
                object.toJson(),
                context.requestId(),
                context.idempotencyKey(),
                webhookEndpointSet.get() ? 1 : 0);
        events.put(event.id, event);
        publisher.accept(event);
    }

    PaymentIntentRecord intent(String id, String param) {
        PaymentIntentRecord intent = intents.get(id);
        if (intent == null) {
            throw ApiError.missing("payment_intent", id, param);
        }
        return intent;
    }

    @Nullable
    StoredObject find(String id) {
        int underscore = id.indexOf('_');
        String prefix = underscore < 0 ? "" : id.substring(0, underscore);
        return switch (prefix) {
            case "pi" -> intents.get(id);
            case "ch", "py" -> charges.get(id);
            case "re" -> refunds.get(id);
            case "pm" -> paymentMethods.get(id);
            case "evt" -> events.get(id);
            default -> null;
        };
    }

    /** Renders an object with the fields named by {@code expand[]} replaced by the objects they name. */
    Map<String, Object> render(StoredObject object, List<String> expand) {
        Map<String, Object> json = object.toJson();
        for (String path : expand) {
            expandPath(json, path, path);
        }
        return json;
    }

    @SuppressWarnings("unchecked")
    private void expandPath(Map<String, Object> json, String path, String fullPath) {
        int dot = path.indexOf('.');
        String field = dot < 0 ? path : path.substring(0, dot);
        Set<String> expandable = EXPANDABLE.getOrDefault((String) json.get("object"), Set.of());
        if (!expandable.contains(field)) {
            throw ApiError.invalid("This property cannot be expanded (" + fullPath + ").", "expand");
        }
        Object value = json.get(field);
        if (value instanceof String id) {
            StoredObject target = find(id);
            if (target == null) {
                throw ApiError.invalid("This property cannot be expanded (" + fullPath + ").", "expand");
            }
            value = target.toJson();
            json.put(field, value);
        }
        if (dot >= 0 && value instanceof Map<?, ?> nested) {
            expandPath((Map<String, Object>) nested, path.substring(dot + 1), fullPath);
        }
    }

    /**
     * A page of a list, newest first, as Stripe pages it: {@code limit} (1 to 100, default 10), {@code
     * starting_after} / {@code ending_before} an object's id, {@code created} a timestamp or a range.
     */
    <T extends StoredObject> Map<String, Object> list(
            Collection<T> all, Params params, String url, Predicate<T> filter) {
        Long limitParam = params.integer("limit");
        long limit = limitParam == null ? 10 : limitParam;
        if (limit < 1 || limit > 100) {
            throw ApiError.invalid("Invalid limit: must be between 1 and 100", "limit", "parameter_invalid_integer");
        }
        Predicate<StoredObject> created = createdFilter(params);
        List<T> matching = new ArrayList<>(all.stream()
                .filter(filter)
                .filter(created)
                .sorted(Comparator.comparingLong(StoredObject::sequence).reversed())
                .toList());
        String startingAfter = params.string("starting_after");
        String endingBefore = params.string("ending_before");
        List<T> page;
        boolean hasMore;
        if (startingAfter != null && !startingAfter.isEmpty()) {
            long cursor = cursor(startingAfter, "starting_after");
            List<T> after = matching.stream().filter(o -> o.sequence() < cursor).toList();
            page = after.subList(0, (int) Math.min(limit, after.size()));
            hasMore = after.size() > limit;
        } else if (endingBefore != null && !endingBefore.isEmpty()) {
            long cursor = cursor(endingBefore, "ending_before");
            List<T> before =
                    matching.stream().filter(o -> o.sequence() > cursor).toList();
            page = before.subList((int) Math.max(0, before.size() - limit), before.size());
            hasMore = before.size() > limit;
        } else {
            page = matching.subList(0, (int) Math.min(limit, matching.size()));
            hasMore = matching.size() > limit;
        }
        List<String> expand = new ArrayList<>();
        for (String path : params.expand()) {
            if (!path.startsWith("data.")) {
                throw ApiError.invalid(
                        "This property cannot be expanded (" + path + "). You may want to try expanding 'data." + path
                                + "' instead.",
                        "expand");
            }
            expand.add(path.substring("data.".length()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("object", "list");
        json.put("data", page.stream().map(o -> render(o, expand)).toList());
        json.put("has_more", hasMore);
        json.put("url", url);
        return json;
    }

    private long cursor(String id, String param) {
        StoredObject object = find(id);
        if (object == null) {
            throw ApiError.invalid("No such object: '" + id + "'", param, "resource_missing");
        }
        return object.sequence();
    }

    private static Predicate<StoredObject> createdFilter(Params params) {
        if (!params.has("created")) {
            return o -> true;
        }
        Map<String, Object> range = params.asMap().get("created") instanceof Map<?, ?> ? params.map("created") : null;
        if (range == null) {
            Long exact = params.integer("created");
            return exact == null ? o -> true : o -> o.created() == exact;
        }
        Predicate<StoredObject> predicate = o -> true;
        for (Map.Entry<String, Object> bound : range.entrySet()) {
            String param = "created[" + bound.getKey() + "]";
            String text = Params.stringValue(bound.getValue(), param);
            long value;
            try {
                value = Long.parseLong(text == null ? "" : text);
            } catch (NumberFormatException e) {
                throw ApiError.invalid("Invalid integer: " + text, param, "parameter_invalid_integer");
            }
            Predicate<StoredObject> one = switch (bound.getKey()) {
                case "gt" -> o -> o.created() > value;
                case "gte" -> o -> o.created() >= value;
                case "lt" -> o -> o.created() < value;
                case "lte" -> o -> o.created() <= value;
                default -> throw ApiError.invalid("Received unknown parameter: " + param, param, "parameter_unknown");
            };
            predicate = predicate.and(one);
        }
        return predicate;
    }
}
