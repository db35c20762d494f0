package cn.eexpo.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error answered in Stripe's format: {@code {"error": {"type", "code", "message", "param", ...}}} with
 * Stripe's HTTP status. Errors raised before the endpoint changed anything (bad parameters, unknown
 * objects) are not kept for idempotent replay, as with Stripe; errors of an executed request (a declined
 * card) are.
 */
final class ApiError extends RuntimeException {

    final int status;
    final String type;
    final @Nullable String code;
    final @Nullable String param;
    final Map<String, Object> extra = new LinkedHashMap<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    boolean executed;

    ApiError(int status, String type, @Nullable String code, String message, @Nullable String param) {
        super(message, null, false, false);
        this.status = status;
        this.type = type;
        this.code = code;
        this.param = param;
    }

    static ApiError invalid(String message, @Nullable String param, @Nullable String code) {
        return new ApiError(400, "invalid_request_error", code, message, param);
    }

    static ApiError invalid(String message, @Nullable String param) {
        return invalid(message, param, null);
    }

    static ApiError missing(String objectName, String id, String param) {
        return new ApiError(
                404, "invalid_request_error", "resource_missing", "No such " + objectName + ": '" + id + "'", param);
    }

    static ApiError unexpectedState(String message, Map<String, Object> paymentIntent) {
        ApiError error = invalid(message, null, "payment_intent_unexpected_state");
        error.extra.put("payment_intent", paymentIntent);
        return error;
    }

    static ApiError unrecognizedUrl(String method, String path) {
        return new ApiError(
                404,
                "invalid_request_error",
                null,
                "Unrecognized request URL (" + method + ": " + path
                        + "). Please see https://stripe.com/docs or we can help at https://support.stripe.com/.",
                null);
    }

    ApiError with(String field, @Nullable Object value) {
        extra.put(field, value);
        return this;
    }

    ApiError executed() {
        this.executed = true;
        return this;
    }

    Map<String, Object> body() {
        Map<String, Object> error = new LinkedHashMap<>();
        error.putAll(extra);
        if (code != null) {
            error.put("code", code);
            error.put("doc_url", "https://stripe.com/docs/error-codes/" + code.replace('_', '-'));
        }
        error.put("message", getMessage());
        if (param != null) {
            error.put("param", param);
        }
        error.put("type", type);
        return Map.of("error", error);
    }
}
