package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;

/** An order of more than one item whose dutiable value is over CNY 5,000: the buyer has to split it. */
public class OrderLimitExceededException extends RuntimeException {

    public OrderLimitExceededException(Money dutiableValue) {
        super("An order of several items may not exceed CNY 5,000 (this one is CNY " + dutiableValue.yuan()
                + "); split it into several orders.");
    }
}
