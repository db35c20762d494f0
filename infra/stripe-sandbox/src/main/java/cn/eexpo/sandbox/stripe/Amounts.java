package cn.eexpo.sandbox.stripe;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Amounts in the smallest currency unit (fen for CNY), shown the way Stripe's messages show them. */
final class Amounts {

    private static final Set<String> ZERO_DECIMAL = Set.of("jpy", "krw", "vnd", "clp", "isk", "twd", "ugx");

    private Amounts() {}

    static String format(String currency, long amount) {
        String symbol = switch (currency) {
            case "cny" -> "¥";
            case "usd" -> "$";
            case "eur" -> "€";
            case "gbp" -> "£";
            case "hkd" -> "HK$";
            default -> currency.toUpperCase(Locale.ROOT) + " ";
        };
        BigDecimal value = ZERO_DECIMAL.contains(currency)
                ? BigDecimal.valueOf(amount)
                : BigDecimal.valueOf(amount).movePointLeft(2);
        return symbol + String.format(Locale.ROOT, "%,." + Math.max(0, value.scale()) + "f", value);
    }
}
