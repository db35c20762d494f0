package cn.eexpo.orders;

import java.time.Instant;

/**
 * An order was paid: the clearance bridge files it with customs. Carries no personal data (the publication registry
 * stores events as JSON); the filing reads the order through {@link Orders}.
 */
public record OrderPaid(String orderNo, String paymentIntentId, Instant paidAt) {}
