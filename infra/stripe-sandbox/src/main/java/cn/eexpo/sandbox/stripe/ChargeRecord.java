package cn.eexpo.sandbox.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A charge: made when a PaymentIntent is paid (succeeded) or a card is declined (failed). */
final class ChargeRecord implements StoredObject {

    final String id;
    final long sequence;
    final long created;
    final long amount;
    final String currency;
    final String paymentIntent;
    final PaymentMethodRecord paymentMethod;
    final String status;
    final @Nullable String failureCode;
    final @Nullable String failureMessage;
    final @Nullable String declineCode;
    final @Nullable String description;
    final Map<String, String> metadata;
    long amountRefunded;
    final List<String> refunds = new ArrayList<>();

    ChargeRecord(
            String id,
            long sequence,
            long created,
            PaymentIntentRecord intent,
            PaymentMethodRecord paymentMethod,
            TestPaymentMethods.Behaviour behaviour) {
        this.id = id;
        this.sequence = sequence;
        this.created = created;
        this.amount = intent.amount;
        this.currency = intent.currency;
        this.paymentIntent = intent.id;
        this.paymentMethod = paymentMethod;
        boolean declined = behaviour.outcome() == TestPaymentMethods.Outcome.DECLINE;
        this.status = declined ? "failed" : "succeeded";
        this.failureCode = declined ? behaviour.code() : null;
        this.failureMessage = declined ? behaviour.message() : null;
        this.declineCode = declined ? behaviour.declineCode() : null;
        this.description = intent.description;
        this.metadata = new LinkedHashMap<>(intent.metadata);
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

    boolean succeeded() {
        return status.equals("succeeded");
    }

    @Override
    public Map<String, Object> toJson() {
        boolean paid = succeeded();
        Map<String, Object> outcome = new LinkedHashMap<>();
        outcome.put("advice_code", null);
        outcome.put("network_advice_code", null);
        outcome.put("network_decline_code", null);
        outcome.put("network_status", paid ? "approved_by_network" : "declined_by_network");
        outcome.put("reason", paid ? null : declineCode);
        outcome.put("risk_level", "normal");
        outcome.put("risk_score", 20);
        outcome.put(
                "seller_message",
                paid ? "Payment complete." : "The bank did not return any further details with this decline.");
        outcome.put("type", paid ? "authorized" : "issuer_declined");

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "charge");
        json.put("amount", amount);
        json.put("amount_captured", paid ? amount : 0);
        json.put("amount_refunded", amountRefunded);
        json.put("application", null);
        json.put("application_fee", null);
        json.put("application_fee_amount", null);
        json.put("balance_transaction", null);
        json.put("billing_details", paymentMethod.toJson().get("billing_details"));
        json.put("calculated_statement_descriptor", "EEXPO");
        json.put("captured", paid);
        json.put("created", created);
        json.put("currency", currency);
        json.put("customer", null);
        json.put("description", description);
        json.put("disputed", false);
        json.put("failure_balance_transaction", null);
        json.put("failure_code", failureCode);
        json.put("failure_message", failureMessage);
        json.put("fraud_details", Map.of());
        json.put("livemode", false);
        json.put("metadata", new LinkedHashMap<>(metadata));
        json.put("on_behalf_of", null);
        json.put("outcome", outcome);
        json.put("paid", paid);
        json.put("payment_intent", paymentIntent);
        json.put("payment_method", paymentMethod.id);
        json.put("payment_method_details", paymentMethod.chargeDetails());
        json.put("receipt_email", null);
        json.put("receipt_number", null);
        json.put("receipt_url", null);
        json.put("refunded", paid && amountRefunded == amount);
        json.put("review", null);
        json.put("shipping", null);
        json.put("source_transfer", null);
        json.put("statement_descriptor", null);
        json.put("statement_descriptor_suffix", null);
        json.put("status", status);
        json.put("transfer_data", null);
        json.put("transfer_group", null);
        return json;
    }
}
