package cn.eexpo.orders;

import java.util.Optional;

/** What other modules may ask of orders: the customs filing reads them, customs receipts move them. */
public interface Orders {

    /** A paid order's facts for its customs filing, or empty if there is no such order. */
    Optional<OrderForFiling> forFiling(String orderNo);

    /**
     * Applies what customs said: DECLARED, ACCEPTED, RELEASED, REJECTED, INSPECTION or DETAINED. A status the order has
     * already passed is ignored (receipts may come late or twice), so this is safe to repeat.
     *
     * @return the order's status afterwards, and whether this call moved it there
     */
    CustomsMove customsStatus(String orderNo, OrderStatus status, String cause);

    /** Where a customs status left the order: its status, and whether it moved (false: passed, or refused). */
    record CustomsMove(OrderStatus status, boolean moved) {}

    Optional<OrderStatus> status(String orderNo);

    /** Whether the signed-in account may see this order: the buyer who placed it, or an operator. */
    boolean visibleToCurrentUser(String orderNo);
}
