/**
 * A local, stateful stand-in for the part of Stripe's API the marketplace uses: PaymentIntents, charges,
 * refunds, events and signed webhooks, with idempotency keys and fault injection. {@link
 * cn.eexpo.sandbox.stripe.StripeSandbox} is the entry point for tests, {@link
 * cn.eexpo.sandbox.stripe.StripeSandboxMain} for the standalone server.
 */
@NullMarked
package cn.eexpo.sandbox.stripe;

import org.jspecify.annotations.NullMarked;
