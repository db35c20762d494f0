package cn.eexpo.sandbox.stripe;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The sandbox's own endpoints (not Stripe's), JSON in and out:
 *
 * <ul>
 *   <li>{@code GET|POST|DELETE /_sandbox/faults}: show, add to, or clear the injected faults;
 *   <li>{@code POST /_sandbox/reset}: forget every object, event, idempotency key and fault;
 *   <li>{@code GET|POST /_sandbox/webhook}: the webhook endpoint URL ({@code {"url": ...}}) and deliveries.
 * </ul>
 */
final class ControlHandler {

    private final StripeSandbox sandbox;

    ControlHandler(StripeSandbox sandbox) {
        this.sandbox = sandbox;
    }

    void handle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        try {
            Object result = switch (method + " " + path) {
                case "GET /_sandbox/faults" -> sandbox.faults().toJson();
                case "POST /_sandbox/faults" -> {
                    apply(Json.read(body(exchange)));
                    yield sandbox.faults().toJson();
                }
                case "DELETE /_sandbox/faults" -> sandbox.faults().clear().toJson();
                case "POST /_sandbox/reset" -> {
                    sandbox.reset();
                    yield Map.of("reset", true);
                }
                case "GET /_sandbox/webhook" -> webhook();
                case "POST /_sandbox/webhook" -> {
                    Object url = Json.read(body(exchange)).get("url");
                    sandbox.setWebhookUrl(url == null ? null : url.toString());
                    yield webhook();
                }
                default -> throw ApiError.unrecognizedUrl(method, path);
            };
            ApiHandler.send(exchange, 200, Json.write(result));
        } catch (ApiError error) {
            ApiHandler.send(exchange, error.status, Json.write(error.body()));
        } catch (IllegalArgumentException | ClassCastException e) {
            ApiHandler.send(
                    exchange,
                    400,
                    Json.write(ApiError.invalid(String.valueOf(e.getMessage()), null)
                            .body()));
        }
    }

    private Map<String, Object> webhook() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", sandbox.webhookUrl());
        json.put(
                "deliveries",
                sandbox.webhookDeliveries().stream()
                        .map(d -> {
                            Map<String, Object> one = new LinkedHashMap<>();
                            one.put("event", d.eventId());
                            one.put("type", d.eventType());
                            one.put("attempt", d.attempt());
                            one.put("status", d.status());
                            one.put("error", d.error());
                            one.put("dropped", d.dropped());
                            one.put("at", d.at().toString());
                            return one;
                        })
                        .toList());
        return json;
    }

    /**
     * {@code {"fail_next": {"count": 2, "kind": "server_error_after_write", "match": "POST /v1/payment_intents"},
     * "latency_ms": 200, "rate_limit_per_second": 100, "webhooks": {"duplicate": 1, "drop_next": 1,
     * "reorder_next": 3, "reorder": "reverse", "release_held": true}}}; every part is optional.
     */
    private void apply(Map<String, Object> json) {
        Faults faults = sandbox.faults();
        Object failNext = json.get("fail_next");
        for (Object rule : failNext instanceof List<?> list ? list : failNext == null ? List.of() : List.of(failNext)) {
            Map<?, ?> map = (Map<?, ?>) rule;
            Faults.Failure kind =
                    Faults.Failure.valueOf(String.valueOf(map.get("kind") == null ? "server_error" : map.get("kind"))
                            .toUpperCase(Locale.ROOT));
            Object match = map.get("match");
            faults.failNext(number(map.get("count"), 1), kind, match == null ? null : match.toString());
        }
        if (json.containsKey("latency_ms")) {
            faults.latency(Duration.ofMillis(number(json.get("latency_ms"), 0)));
        }
        if (json.containsKey("rate_limit_per_second")) {
            faults.rateLimit(number(json.get("rate_limit_per_second"), 0));
        }
        if (json.get("webhooks") instanceof Map<?, ?> webhooks) {
            if (webhooks.containsKey("duplicate")) {
                faults.duplicateWebhooks(number(webhooks.get("duplicate"), 0));
            }
            if (webhooks.containsKey("drop_next")) {
                faults.dropWebhooks(number(webhooks.get("drop_next"), 0));
            }
            if (webhooks.containsKey("reorder_next")) {
                Object order = webhooks.get("reorder");
                faults.reorderWebhooks(
                        number(webhooks.get("reorder_next"), 0),
                        Faults.WebhookOrder.valueOf(
                                (order == null ? "reverse" : order.toString()).toUpperCase(Locale.ROOT)));
            }
            if (Boolean.TRUE.equals(webhooks.get("release_held"))) {
                faults.releaseHeldWebhooks();
            }
        }
    }

    private static int number(Object value, int otherwise) {
        if (value == null) {
            return otherwise;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        return Integer.parseInt(value.toString());
    }

    private static String body(HttpExchange exchange) throws IOException {
        return new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    }
}
