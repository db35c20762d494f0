package cn.eexpo.storefront.ui;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Money as the storefront shows it: yuan with two decimals and the ¥ sign, the same in both languages. */
public final class Prices {

    private Prices() {}

    public static String yuan(BigDecimal amount) {
        return "¥" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String yuan(Money amount) {
        return yuan(amount.yuan());
    }
}
