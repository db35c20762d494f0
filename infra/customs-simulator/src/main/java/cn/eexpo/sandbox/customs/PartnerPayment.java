package cn.eexpo.sandbox.customs;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A payment record the payment partner declared to customs (the facts of a CEB411), as received on {@code POST
 * /partner/payments}. {@link #toString()} masks the payer's ID number.
 */
public record PartnerPayment(
        String orderNo,
        String ebpCode,
        String payCode,
        String payTransactionId,
        String payerName,
        String payerIdNumber,
        BigDecimal amountPaid,
        String currency,
        Instant paidAt) {

    /** First 3 and last 2 characters, the rest masked: {@code 410*************3X}. */
    public static String mask(String idNumber) {
        if (idNumber.length() <= 5) return "*".repeat(idNumber.length());
        return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 5) + idNumber.substring(idNumber.length() - 2);
    }

    @Override
    public String toString() {
        return "PartnerPayment[" + ebpCode + "/" + orderNo + " " + payCode + " " + payTransactionId + " payer "
                + mask(payerIdNumber) + " " + amountPaid.toPlainString() + " " + currency + " at " + paidAt + "]";
    }
}
