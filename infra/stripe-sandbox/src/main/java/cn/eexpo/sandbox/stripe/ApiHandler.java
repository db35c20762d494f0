package cn.eexpo.sandbox.stripe;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Stripe's v1 API over HTTP: authentication with a test secret key, fault injection, the rate limit,
 * idempotency keys, then the endpoint under the ledger's lock; answers in Stripe's JSON and headers.
 */
final class ApiHandler {

    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private final Ledger ledger;
    private final PaymentIntentEndpoints paymentIntents;
    private final RefundEndpoints refunds;
    private final LookupEndpoints lookups;
    private final IdempotencyStore idempotency;
    private final Faults faults;
    private final RateLimiter rateLimiter = new RateLimiter();
    private final String apiVersion;
    private final boolean logRequests;

    ApiHandler(
            Ledger ledger,
            PaymentIntentEndpoints paymentIntents,
            RefundEndpoints refunds,
            LookupEndpoints lookups,
            IdempotencyStore idempotency,
            Faults faults,
            String apiVersion,
            boolean logRequests) {
        this.ledger = ledger;
        this.paymentIntents = paymentIntents;
        this.refunds = refunds;
        this.lookups = lookups;
        this.idempotency = idempotency;
        this.faults = faults;
        this.apiVersion = apiVersion;
        this.logRequests = logRequests;
    }

    void handle(HttpExchange exchange) throws IOException {
        long started = System.nanoTime();
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getRawPath();
        String requestId = "req_" + Ids.random(14);
        var headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json");
        headers.set("Request-Id", requestId);
        String version = exchange.getRequestHeaders().getFirst("Stripe-Version");
        headers.set("Stripe-Version", version == null ? apiVersion : version);
        int status;
        try {
            status = answer(exchange, method, path, requestId);
        } catch (ApiError error) {
            error.headers.forEach(headers::set);
            status = error.status;
            send(exchange, status, Json.write(error.body()));
        }
        if (logRequests) {
            LOG.log(
                    System.Logger.Level.INFO,
                    "{0} {1} -> {2} ({3} ms)",
                    method,
                    path,
                    status,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    private int answer(HttpExchange exchange, String method, String path, String requestId) throws IOException {
        Duration latency = faults.latency();
        if (!latency.isZero()) {
            try {
                Thread.sleep(latency);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        authenticate(exchange.getRequestHeaders().getFirst("Authorization"));
        if (!rateLimiter.tryAcquire(faults.requestsPerSecond())) {
            throw rateLimited();
        }
        Faults.Failure failure = faults.takeFailure(method, path);
        if (failure != null && failure != Faults.Failure.SERVER_ERROR_AFTER_WRITE) {
            throw injected(failure);
        }
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (!body.isEmpty()
                && contentType != null
                && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw ApiError.invalid(
                    "Invalid request: unsupported Content-Type " + contentType
                            + ". If error persists and you need assistance, please contact support@stripe.com.",
                    null);
        }
        Params params = Params.decode(exchange.getRequestURI().getRawQuery(), body);
        String key = method.equals("POST") ? exchange.getRequestHeaders().getFirst("Idempotency-Key") : null;
        if (key != null && key.length() > 255) {
            throw ApiError.invalid(
                    "Invalid Idempotency-Key: it can be at most 255 characters long.", null, "idempotency_key_invalid");
        }
        var responseHeaders = exchange.getResponseHeaders();
        int status;
        String json;
        if (key == null) {
            Result result = execute(method, path, params, new RequestContext(requestId, null));
            status = result.status;
            json = result.json;
        } else {
            responseHeaders.set("Idempotency-Key", key);
            switch (idempotency.claim(key, new IdempotencyStore.Fingerprint(method, path, params.asMap()))) {
                case IdempotencyStore.Refused refused -> throw refused.error();
                case IdempotencyStore.Replay replay -> {
                    responseHeaders.set("Idempotent-Replayed", "true");
                    responseHeaders.set("Original-Request", replay.response().requestId());
                    status = replay.response().status();
                    json = replay.response().body();
                }
                case IdempotencyStore.Fresh fresh -> {
                    Result result;
                    try {
                        result = execute(method, path, params, new RequestContext(requestId, key));
                    } catch (RuntimeException e) {
                        idempotency.release(key);
                        throw e;
                    }
                    if (result.keep) {
                        idempotency.complete(
                                key, new IdempotencyStore.StoredResponse(result.status, result.json, requestId));
                    } else {
                        idempotency.release(key);
                    }
                    status = result.status;
                    json = result.json;
                }
            }
        }
        if (failure == Faults.Failure.SERVER_ERROR_AFTER_WRITE) {
            throw injected(failure);
        }
        send(exchange, status, json);
        return status;
    }

    private record Result(int status, String json, boolean keep) {}

    private Result execute(String method, String path, Params params, RequestContext context) {
        try {
            Map<String, Object> body = ledger.locked(() -> route(method, path, params, context));
            return new Result(200, Json.write(body), true);
        } catch (ApiError error) {
            return new Result(error.status, Json.write(error.body()), error.executed);
        }
    }

    private Map<String, Object> route(String method, String path, Params params, RequestContext context) {
        String[] parts = path.substring("/v1/".length()).split("/", -1);
        String resource = parts[0];
        String id = parts.length > 1 ? parts[1] : null;
        String action = parts.length > 2 ? parts[2] : null;
        if (parts.length > 3 || (id != null && id.isEmpty())) {
            throw ApiError.unrecognizedUrl(method, path);
        }
        boolean get = method.equals("GET");
        boolean post = method.equals("POST");
        if ("search".equals(id)) {
            throw ApiError.invalid(
                    "The Stripe sandbox does not support search; list with created[gte] and created[lte] instead.",
                    null);
        }
        Map<String, Object> result = switch (resource) {
            case "payment_intents" -> {
                if (id == null) {
                    yield post ? paymentIntents.create(params, context) : get ? paymentIntents.list(params) : null;
                }
                if (action == null) {
                    yield get ? paymentIntents.retrieve(id, params) : post ? paymentIntents.update(id, params) : null;
                }
                if (!post) {
                    yield null;
                }
                yield switch (action) {
                    case "confirm" -> paymentIntents.confirm(id, params, context);
                    case "cancel" -> paymentIntents.cancel(id, params, context);
                    default -> null;
                };
            }
            case "refunds" -> {
                if (action != null) {
                    yield null;
                }
                if (id == null) {
                    yield post ? refunds.create(params, context) : get ? refunds.list(params) : null;
                }
                yield get ? refunds.retrieve(id, params) : post ? refunds.update(id, params) : null;
            }
            case "charges" -> {
                if (action != null || !get) {
                    yield null;
                }
                yield id == null ? lookups.charges(params) : lookups.charge(id, params);
            }
            case "events" -> {
                if (action != null || !get) {
                    yield null;
                }
                yield id == null ? lookups.events(params) : lookups.event(id, params);
            }
            case "payment_methods" -> {
                if (action != null) {
                    yield null;
                }
                if (id == null) {
                    yield post ? lookups.createPaymentMethod(params) : null;
                }
                yield get ? lookups.paymentMethod(id, params) : null;
            }
            default -> null;
        };
        if (result == null) {
            throw ApiError.unrecognizedUrl(method, path);
        }
        return result;
    }

    private static void authenticate(@Nullable String authorization) {
        String key = null;
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            key = authorization.substring(7).trim();
        } else if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(
                        Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                key = decoded.contains(":") ? decoded.substring(0, decoded.indexOf(':')) : decoded;
            } catch (IllegalArgumentException e) {
                key = "";
            }
        }
        if (key == null || key.isEmpty()) {
            throw new ApiError(
                    401,
                    "invalid_request_error",
                    null,
                    "You did not provide an API key. You need to provide your API key in the Authorization header,"
                            + " using Bearer auth (e.g. 'Authorization: Bearer YOUR_SECRET_KEY'). See"
                            + " https://stripe.com/docs/api#authentication for details, or we can help at"
                            + " https://support.stripe.com/.",
                    null);
        }
        if (!key.startsWith("sk_test_") || key.length() <= "sk_test_".length()) {
            throw new ApiError(
                    401,
                    "invalid_request_error",
                    "api_key_invalid",
                    "Invalid API Key provided: " + masked(key) + " (the Stripe sandbox takes test-mode secret keys,"
                            + " sk_test_...)",
                    null);
        }
    }

    /** Shows a key as Stripe does: its prefix and last four characters. */
    private static String masked(String key) {
        if (key.length() <= 8) {
            return "*".repeat(key.length());
        }
        int second = key.indexOf('_', key.indexOf('_') + 1);
        int prefix = second < 0 || second > key.length() - 5 ? 0 : second + 1;
        return key.substring(0, prefix) + "*".repeat(key.length() - prefix - 4) + key.substring(key.length() - 4);
    }

    private static ApiError rateLimited() {
        return new ApiError(
                429,
                "invalid_request_error",
                "rate_limit",
                "Too many requests hit the API too quickly. We recommend an exponential backoff of your requests.",
                null);
    }

    private static ApiError injected(Faults.Failure failure) {
        return switch (failure) {
            case RATE_LIMIT -> rateLimited();
            case LOCK_TIMEOUT -> {
                ApiError error = new ApiError(
                        429,
                        "invalid_request_error",
                        "lock_timeout",
                        "This object cannot be accessed right now because another API request or Stripe process is"
                                + " currently accessing it. If you see this error intermittently, retry the request."
                                + " If you see this error frequently and are making multiple concurrent requests to"
                                + " a single object, make your requests serially or at a lower rate. See"
                                + " https://stripe.com/docs/rate-limits for more details.",
                        null);
                error.headers.put("Stripe-Should-Retry", "true");
                yield error;
            }
            case SERVER_ERROR, SERVER_ERROR_AFTER_WRITE ->
                new ApiError(500, "api_error", null, "An unknown error occurred", null);
        };
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    static Map<String, Object> info(String baseUrl, String apiVersion) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("object", "stripe_sandbox");
        info.put("api_base", baseUrl);
        info.put("api_version", apiVersion);
        return info;
    }
}
