package cn.eexpo.orders.order;

import cn.eexpo.orders.OrderStatus;
import org.springframework.stereotype.Service;

/**
 * The buyer gives up an order before customs released it. Unpaid: the payment is cancelled (or, if it went through
 * meanwhile, the order is treated as paid and cancelled as such). Paid: the order is cancelled, which withdraws any
 * customs filing and refunds the buyer through the outbox.
 */
@Service
public class Cancellation {

    private final OrderStore orders;
    private final OrderTransitions transitions;
    private final UnpaidOrders unpaid;

    Cancellation(OrderStore orders, OrderTransitions transitions, UnpaidOrders unpaid) {
        this.orders = orders;
        this.transitions = transitions;
        this.unpaid = unpaid;
    }

    public OrderStatus cancel(String orderNo, String cause) {
        var order = orders.find(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        if (order.status() == OrderStatus.CREATED || order.status() == OrderStatus.PAYMENT_PENDING) {
            unpaid.abandon(orderNo, cause);
            order = orders.find(orderNo).orElseThrow();
        }
        if (order.status() == OrderStatus.CANCELLED) {
            return OrderStatus.CANCELLED;
        }
        var outcome = transitions.move(orderNo, OrderStatus.CANCELLED, cause);
        if (outcome.result() == OrderTransitions.Result.REFUSED) {
            throw new OrderStateException("Order " + orderNo + " is " + outcome.status()
                    + " and can no longer be cancelled; once it is delivered you may return it within 30 days of"
                    + " release.");
        }
        return outcome.status();
    }

    /** Cancels an order that waits for its payment: implemented by the payment leg, which must stop the payment. */
    public interface UnpaidOrders {
        void abandon(String orderNo, String cause);
    }
}
