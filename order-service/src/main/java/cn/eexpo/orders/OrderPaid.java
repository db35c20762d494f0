package cn.eexpo.orders;

import java.time.Instant;

/**
 * An order was paid: the clearance bridge files it with customs. Published inside the transaction that makes the order
 * PAID; a listener that must not be lost writes what it needs in that transaction (the clearance bridge registers the
 * filing there), others may use the publication registry. Carries no personal data (the registry stores events as
 * JSON); the filing reads the order through {@link Orders}.
 */
public record OrderPaid(String orderNo, String paymentIntentId, Instant paidAt) {}
