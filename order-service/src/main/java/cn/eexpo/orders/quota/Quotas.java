package cn.eexpo.orders.quota;

import cn.eexpo.common.Money;
import java.time.Instant;

/**
 * The CNY 26,000 a year per buyer ID number. An order counts from checkout (pending, paid, released) until it is
 * rejected by customs, cancelled or returned.
 */
public interface Quotas {

    QuotaStatus status(String idNumberHash, int year);

    /**
     * Counts an order toward its buyer's year, in the caller's transaction, serialised per buyer so that two
     * concurrent orders cannot both squeeze under the limit. Refuses with {@link QuotaExceededException}.
     */
    void consume(String idNumberHash, String orderNo, Money amount, Instant orderedAt);

    /** Gives an order's amount back; doing it twice gives it back once. */
    void restore(String orderNo, String cause);
}
