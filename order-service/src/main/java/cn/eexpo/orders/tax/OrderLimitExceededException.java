package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;

/** An order of more than one item whose dutiable value is over CNY 5,000: the buyer has to split it. */
public class OrderLimitExceededException extends RuntimeException {

    private final Money dutiableValue;

    public OrderLimitExceededException(Money dutiableValue) {
        super("An order of several items may not exceed CNY 5,000 (this one is CNY " + dutiableValue.yuan()
                + "); split it into several orders.");
        this.dutiableValue = dutiableValue;
    }

    /** Goods and freight of the order that was too large. */
    public Money dutiableValue() {
        return dutiableValue;
    }

    /** By how much the order is over the limit. */
    public Money excess() {
        return new Money(dutiableValue.fen() - RetailImportTax.PER_ORDER_LIMIT.fen());
    }
}
