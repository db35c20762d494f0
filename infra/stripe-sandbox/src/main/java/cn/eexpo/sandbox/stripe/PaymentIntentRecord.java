package cn.eexpo.sandbox.stripe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A PaymentIntent and the charges made for it. Guarded by the ledger's lock. */
final class PaymentIntentRecord implements StoredObject {

    final String id;
    final long sequence;
    final long created;
    final String clientSecret;
    long amount;
    String currency;

    @Nullable
    String description;

    Map<String, String> metadata = new LinkedHashMap<>();
    List<String> paymentMethodTypes;
    boolean automaticPaymentMethods;
    Map<String, Object> paymentMethodOptions = new LinkedHashMap<>();
    String status;

    @Nullable
    String paymentMethod;

    @Nullable
    String returnUrl;

    @Nullable
    String receiptEmail;

    @Nullable
    Object shipping;

    @Nullable
    String statementDescriptor;

    @Nullable
    String statementDescriptorSuffix;

    @Nullable
    String setupFutureUsage;

    @Nullable
    String latestCharge;

    @Nullable
    Map<String, Object> lastPaymentError;

    @Nullable
    Map<String, Object> nextAction;

    @Nullable
    String cancellationReason;

    @Nullable
    Long canceledAt;

    long amountReceived;
    final List<String> charges = new ArrayList<>();

    PaymentIntentRecord(String id, long sequence, long created, long amount, String currency, List<String> types) {
        this.id = id;
        this.sequence = sequence;
        this.created = created;
        this.clientSecret = id + "_secret_" + Ids.random(25);
        this.amount = amount;
        this.currency = currency;
        this.paymentMethodTypes = types;
        this.status = "requires_payment_method";
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

    boolean awaitsPayment() {
        return status.equals("requires_payment_method")
                || status.equals("requires_confirmation")
                || status.equals("requires_action");
    }

    @Override
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "payment_intent");
        json.put("amount", amount);
        json.put("amount_capturable", 0);
        json.put("amount_details", Map.of("tip", Map.of()));
        json.put("amount_received", amountReceived);
        json.put("application", null);
        json.put("application_fee_amount", null);
        json.put(
                "automatic_payment_methods",
                automaticPaymentMethods ? Map.of("allow_redirects", "always", "enabled", true) : null);
        json.put("canceled_at", canceledAt);
        json.put("cancellation_reason", cancellationReason);
        json.put("capture_method", "automatic_async");
        json.put("client_secret", clientSecret);
        json.put("confirmation_method", "automatic");
        json.put("created", created);
        json.put("currency", currency);
        json.put("customer", null);
        json.put("description", description);
        json.put("last_payment_error", lastPaymentError);
        json.put("latest_charge", latestCharge);
        json.put("livemode", false);
        json.put("metadata", new LinkedHashMap<>(metadata));
        json.put("next_action", nextAction);
        json.put("on_behalf_of", null);
        json.put("payment_method", paymentMethod);
        json.put("payment_method_configuration_details", null);
        json.put("payment_method_options", paymentMethodOptionsJson());
        json.put("payment_method_types", List.copyOf(paymentMethodTypes));
        json.put("processing", null);
        json.put("receipt_email", receiptEmail);
        json.put("review", null);
        json.put("setup_future_usage", setupFutureUsage);
        json.put("shipping", shipping);
        json.put("source", null);
        json.put("statement_descriptor", statementDescriptor);
        json.put("statement_descriptor_suffix", statementDescriptorSuffix);
        json.put("status", status);
        json.put("transfer_data", null);
        json.put("transfer_group", null);
        return json;
    }

    private Map<String, Object> paymentMethodOptionsJson() {
        Map<String, Object> options = new LinkedHashMap<>();
        for (String type : paymentMethodTypes) {
            Object given = paymentMethodOptions.get(type);
            if (given != null) {
                options.put(type, given);
            } else if (type.equals("card")) {
                Map<String, Object> card = new LinkedHashMap<>();
                card.put("installments", null);
                card.put("mandate_options", null);
                card.put("network", null);
                card.put("request_three_d_secure", "automatic");
                options.put(type, card);
            } else {
                options.put(type, Map.of());
            }
        }
        return options;
    }
}
