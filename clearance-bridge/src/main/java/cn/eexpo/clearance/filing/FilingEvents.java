package cn.eexpo.clearance.filing;

import cn.eexpo.orders.OrderCancelled;
import cn.eexpo.orders.OrderPaid;
import cn.eexpo.orders.OrderReturned;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What the orders module tells the filing: paid (file it), cancelled before release (withdraw the list, CEB623),
 * returned (ask for the tax back, CEB625). A paid order is registered for filing in the very transaction that makes it
 * PAID: the filing's row is the outbox entry, committed with the payment or not at all, and the workers take it from
 * there. Cancellations and returns stay in the publication registry until handled here. None is lost to a crash;
 * handling one twice changes nothing.
 */
@Component
class FilingEvents {

    private static final Logger log = LoggerFactory.getLogger(FilingEvents.class);

    private final FilingStore store;
    private final FilingWorker worker;

    FilingEvents(FilingStore store, FilingWorker worker) {
        this.store = store;
        this.worker = worker;
    }

    // In the publisher's transaction (not an @ApplicationModuleListener): one insert instead of a publication record,
    // its status and completion updates and a transaction of its own, each a commit, for every paid order.
    @EventListener
    void on(OrderPaid event) {
        if (store.register(event.orderNo())) {
            worker.wakeAfterCommit();
        }
    }

    @ApplicationModuleListener
    void on(OrderCancelled event) {
        var filing = store.lock(event.orderNo()).orElse(null);
        if (filing == null) {
            return; // never registered: the build step sees the order is no longer paid
        }
        if (!store.anySent(filing.id(), "CEB621Message")) {
            // Nothing reached customs' list yet: drop what waits, nothing to withdraw.
            store.supersedeUnsent(filing.id());
            store.state(filing.id(), FilingState.CANCELLED, null, "order cancelled before its list was sent");
            return;
        }
        if (!worker.queueCancellation(filing, "订单取消: " + event.cause())) {
            store.requestCancel(filing.id(), true);
            log.info("Order {}: cancellation waits for customs' list number", event.orderNo());
        }
    }

    @ApplicationModuleListener
    void on(OrderReturned event) {
        var filing = store.lock(event.orderNo()).orElse(null);
        if (filing == null) {
            log.warn("Order {} returned but never filed: no refund request to customs", event.orderNo());
            return;
        }
        if (!worker.queueRefund(filing, "消费者退货")) {
            store.requestReturn(filing.id(), true);
        }
    }
}
