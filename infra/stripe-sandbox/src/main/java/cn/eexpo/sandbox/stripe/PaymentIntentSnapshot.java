package cn.eexpo.sandbox.stripe;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What the sandbox holds for one PaymentIntent, for tests' assertions. */
public record PaymentIntentSnapshot(
        String id,
        String status,
        long amount,
        long amountReceived,
        String currency,
        Map<String, String> metadata,
        List<String> paymentMethodTypes,
        @Nullable String returnUrl,
        @Nullable String lastPaymentErrorCode,
        List<Charge> charges,
        List<Refund> refunds,
        Instant created) {

    /** A charge: {@code succeeded}, or {@code failed} for a declined card. */
    public record Charge(String id, String status, long amount, long amountRefunded, String paymentMethodType) {}

    public record Refund(
            String id,
            String chargeId,
            long amount,
            @Nullable String reason) {}

    /** How many times the buyer was charged: the succeeded charges. */
    public long successfulCharges() {
        return charges.stream()
                .filter(charge -> charge.status().equals("succeeded"))
                .count();
    }

    public long amountRefunded() {
        return refunds.stream().mapToLong(Refund::amount).sum();
    }
}
