package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;
import java.util.List;

/** The tax of an order: per line and in total, with the rule that applied. */
public record TaxQuote(Money goodsValue, Money freight, Money taxTotal, List<TaxedLine> lines, TaxRule rule) {

    /** Goods, freight and tax: what the buyer pays before any discount. */
    public Money total() {
        return goodsValue.plus(freight).plus(taxTotal);
    }
}
