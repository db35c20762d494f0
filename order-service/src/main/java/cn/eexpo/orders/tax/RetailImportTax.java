package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;
import java.util.List;

/** The cross-border retail import tax (综合税) of an order. To be built by the orders issue (identity, tax, quota). */
public final class RetailImportTax {

    private RetailImportTax() {}

    /**
     * Prices an order: the freight shared among lines in proportion to value, the tax per line and in total.
     *
     * @throws OrderLimitExceededException for an order of more than one item over the per-order limit
     */
    public static TaxQuote quote(List<TaxableLine> lines, Money freight) {
        throw new UnsupportedOperationException("not built yet");
    }
}
