package cn.eexpo.orders.payment;

import cn.eexpo.orders.OrderPlaced;
import cn.eexpo.orders.RefundRequested;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The payment leg, driven by the outbox: a placed order gets its PaymentIntent, a refund request its Refund. Each event
 * stays in the publication registry until its call to Stripe succeeded, and is resubmitted after a failure or a crash
 * ({@link PaymentHousekeeping}); the calls are idempotent, so a resubmission never charges or refunds twice.
 */
@Component
class PaymentLeg {

    private final Payments payments;

    PaymentLeg(Payments payments) {
        this.payments = payments;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        payments.prepare(event.orderNo(), true);
    }

    @ApplicationModuleListener
    void on(RefundRequested event) {
        payments.refund(event.orderNo(), event.cause());
    }
}
