package cn.eexpo.orders.quota;

import cn.eexpo.common.Money;

/** The order would take the buyer past the annual limit. */
public class QuotaExceededException extends RuntimeException {

    private final Money remaining;

    public QuotaExceededException(Money remaining, Money requested) {
        super("This order (CNY " + requested.yuan() + ") would exceed the buyer's annual cross-border limit of CNY"
                + " 26,000; CNY " + remaining.yuan() + " remains this year.");
        this.remaining = remaining;
    }

    public Money remaining() {
        return remaining;
    }
}
