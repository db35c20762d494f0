package cn.eexpo.orders.checkout;

import cn.eexpo.common.Money;

/**
 * The marketplace's freight: domestic delivery from a bonded warehouse is CNY 10, free from CNY 199 of goods; a
 * direct-purchase parcel flown in from abroad is CNY 30.
 */
final class Freight {

    static final Money BONDED = Money.ofYuan("10.00");
    static final Money BONDED_FREE_FROM = Money.ofYuan("199.00");
    static final Money DIRECT = Money.ofYuan("30.00");

    private Freight() {}

    static Money of(String tradeMode, Money goodsValue) {
        if ("9610".equals(tradeMode)) {
            return DIRECT;
        }
        return goodsValue.compareTo(BONDED_FREE_FROM) >= 0 ? Money.ZERO : BONDED;
    }
}
