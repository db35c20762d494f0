package cn.eexpo.sandbox.stripe;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Charges and events (read only) and PaymentMethods for wallets. Every method runs under the ledger's lock. */
final class LookupEndpoints {

    private final Ledger ledger;
    private final PaymentIntentEndpoints paymentIntents;

    LookupEndpoints(Ledger ledger, PaymentIntentEndpoints paymentIntents) {
        this.ledger = ledger;
        this.paymentIntents = paymentIntents;
    }

    Map<String, Object> charge(String id, Params params) {
        params.requireKnown(Set.of("expand"));
        ChargeRecord charge = ledger.charges.get(id);
        if (charge == null) {
            throw ApiError.missing("charge", id, "id");
        }
        return ledger.render(charge, params.expand());
    }

    Map<String, Object> charges(Params params) {
        params.requireKnown(
                Set.of("created", "customer", "ending_before", "expand", "limit", "payment_intent", "starting_after"));
        String intent = params.string("payment_intent");
        return ledger.list(
                ledger.charges.values(),
                params,
                "/v1/charges",
                charge -> intent == null || intent.equals(charge.paymentIntent));
    }

    Map<String, Object> event(String id, Params params) {
        params.requireKnown(Set.of("expand"));
        EventRecord event = ledger.events.get(id);
        if (event == null) {
            throw ApiError.missing("event", id, "id");
        }
        return event.toJson();
    }

    Map<String, Object> events(Params params) {
        params.requireKnown(Set.of(
                "created", "delivery_success", "ending_before", "expand", "limit", "starting_after", "type", "types"));
        String type = params.string("type");
        List<String> types = params.strings("types");
        String delivery = params.oneOf("delivery_success", Set.of("true", "false"));
        return ledger.list(
                ledger.events.values(),
                params,
                "/v1/events",
                event -> matches(type, event.type)
                        && (types == null || types.stream().anyMatch(t -> matches(t, event.type)))
                        && (delivery == null || delivery.equals(String.valueOf(event.pendingWebhooks == 0))));
    }

    /** Stripe's event type filter: an exact type or a prefix with a wildcard, {@code payment_intent.*}. */
    private static boolean matches(@Nullable String pattern, String type) {
        if (pattern == null || pattern.isEmpty()) {
            return true;
        }
        if (pattern.endsWith("*")) {
            return type.startsWith(pattern.substring(0, pattern.length() - 1));
        }
        return pattern.equals(type);
    }

    Map<String, Object> createPaymentMethod(Params params) {
        params.requireKnown(Set.of("alipay", "billing_details", "expand", "metadata", "type", "wechat_pay"));
        String type = params.required("type");
        if (type.equals("card")) {
            throw ApiError.invalid(
                    "The Stripe sandbox makes card PaymentMethods from Stripe's test tokens only: pass"
                            + " payment_method=pm_card_visa to the PaymentIntent.",
                    "type");
        }
        return paymentIntents.newWallet(type, "type").toJson();
    }

    Map<String, Object> paymentMethod(String id, Params params) {
        params.requireKnown(Set.of("expand"));
        PaymentMethodRecord method = ledger.paymentMethods.get(id);
        if (method == null) {
            throw ApiError.missing("PaymentMethod", id, "payment_method");
        }
        return method.toJson();
    }
}
