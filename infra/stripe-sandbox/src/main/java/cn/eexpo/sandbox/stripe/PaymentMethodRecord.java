package cn.eexpo.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;

/** A PaymentMethod, made from one of Stripe's test tokens ({@code pm_card_visa}) or for a wallet type. */
final class PaymentMethodRecord implements StoredObject {

    final String id;
    final long sequence;
    final long created;
    final String type;
    final TestPaymentMethods.Behaviour behaviour;
    final TestPaymentMethods.Card card;

    PaymentMethodRecord(
            String id,
            long sequence,
            long created,
            String type,
            TestPaymentMethods.Behaviour behaviour,
            TestPaymentMethods.Card card) {
        this.id = id;
        this.sequence = sequence;
        this.created = created;
        this.type = type;
        this.behaviour = behaviour;
        this.card = card;
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

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "payment_method");
        json.put("allow_redisplay", "unspecified");
        Map<String, Object> address = new LinkedHashMap<>();
        for (String field : new String[] {"city", "country", "line1", "line2", "postal_code", "state"}) {
            address.put(field, null);
        }
        Map<String, Object> billing = new LinkedHashMap<>();
        billing.put("address", address);
        billing.put("email", null);
        billing.put("name", null);
        billing.put("phone", null);
        json.put("billing_details", billing);
        if (type.equals("card")) {
            json.put("card", cardJson());
        }
        json.put("created", created);
        json.put("customer", null);
        json.put("livemode", false);
        json.put("metadata", Map.of());
        json.put("type", type);
        if (!type.equals("card")) {
            json.put(type, Map.of());
        }
        return json;
    }

    Map<String, Object> cardJson() {
        Map<String, Object> checks = new LinkedHashMap<>();
        checks.put("address_line1_check", null);
        checks.put("address_postal_code_check", null);
        checks.put("cvc_check", "pass");
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("brand", card.brand());
        json.put("checks", checks);
        json.put("country", card.country());
        json.put("display_brand", card.brand());
        json.put("exp_month", 12);
        json.put("exp_year", 2034);
        json.put("fingerprint", card.fingerprint());
        json.put("funding", card.funding());
        json.put("last4", card.last4());
        json.put("networks", Map.of("available", java.util.List.of(card.brand())));
        return json;
    }

    /** {@code payment_method_details} of a charge made with this method. */
    Map<String, Object> chargeDetails() {
        Map<String, Object> details = new LinkedHashMap<>();
        if (type.equals("card")) {
            details.put("card", cardJson());
        } else {
            details.put(type, Map.of());
        }
        details.put("type", type);
        return details;
    }
}
