package cn.eexpo.catalog;

import java.time.Instant;
import java.util.List;

/**
 * Units held for an order in the warehouse it ships from. Every method joins the caller's transaction, so an order and
 * its reservation commit or roll back together. A reservation is held (counted in {@code stock.reserved}), then either
 * released (the units are free again) or consumed (the goods left the warehouse: on hand and reserved both drop).
 */
public interface StockReservations {

    /**
     * Holds the units of every line or none. Two buyers racing for the last unit: exactly one gets it.
     *
     * @param expiresAt when an unpaid reservation may be released; {@code null} holds it until released or consumed
     * @throws OutOfStockException naming the first line that cannot be held
     */
    void reserve(String reference, List<StockLine> lines, Instant expiresAt);

    /** Keeps a reservation until it is released or consumed (the order was paid). */
    void keep(String reference);

    /** Frees the units of a held reservation; a reservation already released or consumed is left as it is. */
    void release(String reference);

    /**
     * The goods left the warehouse; a reservation not held is left as it is. Takes effect as the transaction commits,
     * together with the transaction's other consumptions.
     */
    void consume(String reference);

    /** References of held reservations that expired before {@code now}, oldest first. */
    List<String> expired(Instant now, int limit);
}
