package cn.eexpo.clearance.payment;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the payment company declares of one payment (CEB411 PaymentHead): customs matches it with the order —
 * amountPaid must equal the order's acturalPaid, the payer must be the buyer (三单对碰).
 *
 * @param payerIdNumber the payer's resident ID number: never logged ({@link #toString} masks it)
 */
public record PaymentRecord(
        String orderNo,
        String ebpCode,
        String payCode,
        String payTransactionId,
        String payerName,
        String payerIdNumber,
        BigDecimal amountPaid,
        String currency,
        Instant paidAt) {

    @Override
    public String toString() {
        return "PaymentRecord[" + orderNo + " " + payTransactionId + " " + amountPaid + " " + currency + "]";
    }
}
