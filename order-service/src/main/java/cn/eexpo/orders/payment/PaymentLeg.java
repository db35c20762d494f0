package cn.eexpo.orders.payment;

import cn.eexpo.orders.OrderPlaced;
import cn.eexpo.orders.RefundRequested;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

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

    // Not an @ApplicationModuleListener: that would hold a transaction, and so a pooled connection, for the whole call,
    // including the wait for a slot of Stripe's request rate; a queue of orders waiting for their PaymentIntent then
    // holds every connection and throttles checkout to the payment rate. Payments opens short transactions itself.
    @Async
    @TransactionalEventListener
    void on(OrderPlaced event) {
        payments.prepare(event.orderNo(), true);
    }

    @Async
    @TransactionalEventListener
    void on(RefundRequested event) {
        payments.refund(event.orderNo(), event.cause());
    }
}
