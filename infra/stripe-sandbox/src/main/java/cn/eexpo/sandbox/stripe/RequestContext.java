package cn.eexpo.sandbox.stripe;

import org.jspecify.annotations.Nullable;

/** The API request behind a change, named in the events it causes ({@code request.id}, {@code idempotency_key}). */
record RequestContext(@Nullable String requestId, @Nullable String idempotencyKey) {

    /** A change made by the buyer on the payment page, not through the API. */
    static final RequestContext PAYMENT_PAGE = new RequestContext(null, null);
}
