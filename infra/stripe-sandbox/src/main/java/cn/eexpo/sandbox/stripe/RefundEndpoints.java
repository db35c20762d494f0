package cn.eexpo.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Refunds of succeeded charges, whole or in parts up to what remains; each succeeds at once and emits
 * {@code refund.created} and {@code charge.refunded}. Every method runs under the ledger's lock.
 */
final class RefundEndpoints {

    private static final Set<String> REASONS = Set.of("duplicate", "fraudulent", "requested_by_customer");

    private final Ledger ledger;

    RefundEndpoints(Ledger ledger) {
        this.ledger = ledger;
    }

    Map<String, Object> create(Params params, RequestContext context) {
        params.requireKnown(Set.of(
                "amount", "charge", "expand", "instructions_email", "metadata", "origin", "payment_intent", "reason"));
        ChargeRecord charge = chargeToRefund(params);
        Long requested = params.integer("amount");
        String reason = params.oneOf("reason", REASONS);
        Map<String, String> metadata = params.metadata();
        long remaining = charge.amount - charge.amountRefunded;
        if (remaining == 0) {
            throw ApiError.invalid(
                    "Charge " + charge.id + " has already been refunded.", "charge", "charge_already_refunded");
        }
        long amount = requested == null ? remaining : requested;
        if (amount < 1) {
            throw ApiError.invalid(
                    "This value must be greater than or equal to 1.", "amount", "parameter_invalid_integer");
        }
        if (amount > remaining) {
            throw ApiError.invalid(
                    "Refund amount (" + Amounts.format(charge.currency, amount)
                            + ") is greater than unrefunded amount on charge ("
                            + Amounts.format(charge.currency, remaining) + ")",
                    "amount",
                    "amount_too_large");
        }
        RefundRecord refund = new RefundRecord(
                Ids.next("re"),
                ledger.nextSequence(),
                ledger.now(),
                amount,
                charge,
                reason,
                metadata == null ? new LinkedHashMap<>() : new LinkedHashMap<>(metadata));
        ledger.refunds.put(refund.id, refund);
        charge.refunds.add(refund.id);
        charge.amountRefunded += amount;
        ledger.emit("refund.created", refund, context);
        ledger.emit("charge.refunded", charge, context);
        return ledger.render(refund, params.expand());
    }

    private ChargeRecord chargeToRefund(Params params) {
        String chargeId = params.string("charge");
        String intentId = params.string("payment_intent");
        boolean hasCharge = chargeId != null && !chargeId.isEmpty();
        boolean hasIntent = intentId != null && !intentId.isEmpty();
        if (!hasCharge && !hasIntent) {
            throw ApiError.invalid(
                    "One of the following params should be provided for this request: payment_intent or charge.",
                    null,
                    "parameter_missing");
        }
        if (hasCharge) {
            ChargeRecord charge = ledger.charges.get(chargeId);
            if (charge == null) {
                throw ApiError.missing("charge", chargeId, "charge");
            }
            if (hasIntent && !charge.paymentIntent.equals(intentId)) {
                throw ApiError.invalid(
                        "The charge " + chargeId + " does not belong to the PaymentIntent " + intentId + ".",
                        "payment_intent");
            }
            if (!charge.succeeded()) {
                throw ApiError.invalid("Charge " + chargeId + " has not succeeded and cannot be refunded.", "charge");
            }
            return charge;
        }
        PaymentIntentRecord intent = ledger.intent(intentId, "payment_intent");
        ChargeRecord charge = intent.latestCharge == null ? null : ledger.charges.get(intent.latestCharge);
        if (!intent.status.equals("succeeded") || charge == null || !charge.succeeded()) {
            throw ApiError.invalid(
                    "This PaymentIntent (" + intent.id + ") does not have a successful charge to refund.",
                    "payment_intent");
        }
        return charge;
    }

    Map<String, Object> retrieve(String id, Params params) {
        params.requireKnown(Set.of("expand"));
        return ledger.render(refund(id), params.expand());
    }

    Map<String, Object> update(String id, Params params) {
        params.requireKnown(Set.of("expand", "metadata"));
        RefundRecord refund = refund(id);
        Map<String, String> metadata = params.metadata();
        if (metadata != null) {
            if (metadata.isEmpty()) {
                refund.metadata.clear();
            }
            metadata.forEach((key, value) -> {
                if (value == null || value.isEmpty()) {
                    refund.metadata.remove(key);
                } else {
                    refund.metadata.put(key, value);
                }
            });
        }
        return ledger.render(refund, params.expand());
    }

    Map<String, Object> list(Params params) {
        params.requireKnown(
                Set.of("charge", "created", "ending_before", "expand", "limit", "payment_intent", "starting_after"));
        String charge = params.string("charge");
        String intent = params.string("payment_intent");
        return ledger.list(
                ledger.refunds.values(),
                params,
                "/v1/refunds",
                refund -> (charge == null || charge.equals(refund.charge))
                        && (intent == null || intent.equals(refund.paymentIntent)));
    }

    private RefundRecord refund(String id) {
        RefundRecord refund = ledger.refunds.get(id);
        if (refund == null) {
            throw ApiError.missing("refund", id, "id");
        }
        return refund;
    }
}
