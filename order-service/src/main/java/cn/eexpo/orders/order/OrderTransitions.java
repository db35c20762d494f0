package cn.eexpo.orders.order;

import cn.eexpo.catalog.StockReservations;
import cn.eexpo.orders.OrderCancelled;
import cn.eexpo.orders.OrderPaid;
import cn.eexpo.orders.OrderReturned;
import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.RefundRequested;
import cn.eexpo.orders.quota.Quotas;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order state machine. Every move locks the order row, checks that the move is allowed, records it with its time
 * and cause, and applies its consequences in the same transaction: stock kept, consumed or released, quota given back,
 * events for payments and customs published through the outbox.
 */
@Service
public class OrderTransitions {

    private static final Logger log = LoggerFactory.getLogger(OrderTransitions.class);

    /** States in which customs may have the order: a cancellation must withdraw the filing. */
    private static final Set<OrderStatus> FILED =
            EnumSet.of(OrderStatus.PAID, OrderStatus.DECLARED, OrderStatus.ACCEPTED);

    private final OrderStore orders;
    private final StockReservations reservations;
    private final Quotas quotas;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrderTransitions(
            OrderStore orders,
            StockReservations reservations,
            Quotas quotas,
            ApplicationEventPublisher events,
            Clock clock) {
        this.orders = orders;
        this.reservations = reservations;
        this.quotas = quotas;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Moves the order to {@code to}, or does nothing if it is already there.
     *
     * @return what happened: moved, already there, or refused (with the state it is in)
     * @throws UnknownOrderException if there is no such order
     */
    @Transactional
    public Outcome move(String orderNo, OrderStatus to, String cause) {
        var order = orders.lock(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        var from = order.status();
        if (from == to) {
            return new Outcome(Result.ALREADY, from);
        }
        if (!from.canMoveTo(to)) {
            log.info("Order {}: {} -> {} refused ({})", orderNo, from, to, cause);
            return new Outcome(Result.REFUSED, from);
        }
        var now = clock.instant();
        orders.moveStatus(orderNo, from, to, now, cause);
        log.info("Order {}: {} -> {} ({})", orderNo, from, to, cause);
        switch (to) {
            case PAID -> {
                reservations.keep(orderNo);
                events.publishEvent(new OrderPaid(orderNo, order.paymentIntentId(), now));
            }
            case RELEASED -> reservations.consume(orderNo);
            case CANCELLED -> {
                reservations.release(orderNo);
                quotas.restore(orderNo, "cancelled: " + cause);
                if (FILED.contains(from)) {
                    events.publishEvent(new OrderCancelled(orderNo, from, cause));
                }
                if (from.isPaid()) {
                    events.publishEvent(new RefundRequested(orderNo, "cancelled: " + cause));
                }
            }
            case REJECTED -> {
                reservations.release(orderNo);
                quotas.restore(orderNo, "rejected by customs: " + cause);
                events.publishEvent(new RefundRequested(orderNo, "rejected by customs: " + cause));
            }
            case RETURNED -> {
                quotas.restore(orderNo, "returned: " + cause);
                events.publishEvent(new OrderReturned(orderNo, cause));
                events.publishEvent(new RefundRequested(orderNo, "returned: " + cause));
            }
            default -> {}
        }
        return new Outcome(Result.MOVED, to);
    }

    public enum Result {
        MOVED,
        ALREADY,
        REFUSED
    }

    public record Outcome(Result result, OrderStatus status) {}
}
