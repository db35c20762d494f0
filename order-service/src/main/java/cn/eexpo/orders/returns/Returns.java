package cn.eexpo.orders.returns;

import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.order.OrderStateException;
import cn.eexpo.orders.order.OrderStore;
import cn.eexpo.orders.order.OrderTransitions;
import cn.eexpo.orders.order.UnknownOrderException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Returns of released goods: requested by the buyer within 30 days of customs release; completed when the goods are
 * back in the bonded area, which must happen within 45 days of release. Completing one restores the buyer's quota and
 * refunds the order, tax included (through the outbox).
 */
@Service
public class Returns {

    static final Duration REQUEST_WINDOW = Duration.ofDays(30);
    static final Duration RETURN_WINDOW = Duration.ofDays(45);
    private static final Set<OrderStatus> RETURNABLE =
            EnumSet.of(OrderStatus.RELEASED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);

    private final OrderStore orders;
    private final OrderTransitions transitions;
    private final Clock clock;

    Returns(OrderStore orders, OrderTransitions transitions, Clock clock) {
        this.orders = orders;
        this.transitions = transitions;
        this.clock = clock;
    }

    /** The last moment a return of goods released at {@code releasedAt} may be requested. */
    public static Instant requestDeadline(Instant releasedAt) {
        return releasedAt.plus(REQUEST_WINDOW);
    }

    /** Whether a return of goods released at {@code releasedAt} may still be requested now. */
    public boolean withinWindow(Instant releasedAt) {
        return !requestDeadline(releasedAt).isBefore(clock.instant());
    }

    public OrderStatus request(String orderNo, @Nullable String reason) {
        var order = orders.find(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        if (order.status() == OrderStatus.RETURN_REQUESTED) {
            return order.status();
        }
        if (!RETURNABLE.contains(order.status()) || order.releasedAt() == null) {
            throw new OrderStateException(
                    "Order " + orderNo + " is " + order.status() + ": only goods released by customs can be returned.");
        }
        if (order.releasedAt().plus(REQUEST_WINDOW).isBefore(clock.instant())) {
            throw new OrderStateException("Order " + orderNo + " was released more than 30 days ago; the return window"
                    + " for cross-border goods has closed.");
        }
        var cause = reason == null || reason.isBlank() ? "return requested" : "return requested: " + reason.strip();
        return transitions.move(orderNo, OrderStatus.RETURN_REQUESTED, cause).status();
    }

    /** The goods are back in the bonded area. */
    public OrderStatus received(String orderNo) {
        var order = orders.find(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        if (order.status() != OrderStatus.RETURN_REQUESTED) {
            if (order.status() == OrderStatus.RETURNED || order.status() == OrderStatus.REFUNDED) {
                return order.status();
            }
            throw new OrderStateException("Order " + orderNo + " is " + order.status() + ", no return was requested.");
        }
        if (order.releasedAt() != null && order.releasedAt().plus(RETURN_WINDOW).isBefore(clock.instant())) {
            throw new OrderStateException("Order " + orderNo + " was released more than 45 days ago: customs no longer"
                    + " takes the goods back into the bonded area.");
        }
        return transitions
                .move(orderNo, OrderStatus.RETURNED, "goods back in the bonded area")
                .status();
    }
}
