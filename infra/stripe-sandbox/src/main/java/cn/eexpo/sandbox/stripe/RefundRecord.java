package cn.eexpo.sandbox.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A refund of (part of) a succeeded charge; it succeeds at once, as card refunds do in test mode. */
final class RefundRecord implements StoredObject {

    final String id;
    final long sequence;
    final long created;
    final long amount;
    final String currency;
    final String charge;
    final String paymentIntent;
    final @Nullable String reason;
    Map<String, String> metadata;

    RefundRecord(
            String id,
            long sequence,
            long created,
            long amount,
            ChargeRecord charge,
            @Nullable String reason,
            Map<String, String> metadata) {
        this.id = id;
        this.sequence = sequence;
        this.created = created;
        this.amount = amount;
        this.currency = charge.currency;
        this.charge = charge.id;
        this.paymentIntent = charge.paymentIntent;
        this.reason = reason;
        this.metadata = metadata;
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
        json.put("object", "refund");
        json.put("amount", amount);
        json.put("balance_transaction", null);
        json.put("charge", charge);
        json.put("created", created);
        json.put("currency", currency);
        json.put("destination_details", null);
        json.put("metadata", new LinkedHashMap<>(metadata));
        json.put("payment_intent", paymentIntent);
        json.put("reason", reason);
        json.put("receipt_number", null);
        json.put("source_transfer_reversal", null);
        json.put("status", "succeeded");
        json.put("transfer_reversal", null);
        return json;
    }
}
