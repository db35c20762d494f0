package cn.eexpo.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount in Chinese yuan, held as whole fen. Money never passes through {@code double}: amounts come in as decimal
 * text or {@link BigDecimal} and are rounded half-up to the fen where a rule demands it.
 */
public record Money(long fen) implements Comparable<Money> {

    public static final Money ZERO = new Money(0);
    public static final String CURRENCY = "CNY";

    /** Reads an exact yuan amount such as {@code 368.00}; more than two decimals is refused rather than rounded. */
    public static Money ofYuan(BigDecimal yuan) {
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("an amount in yuan has at most two decimals: " + yuan.toPlainString());
        }
        return new Money(yuan.movePointRight(2).longValueExact());
    }

    public static Money ofYuan(String yuan) {
        return ofYuan(new BigDecimal(yuan.trim()));
    }

    /** Rounds an exact yuan amount half-up to the fen, as customs and the tax rule do. */
    public static Money roundedFromYuan(BigDecimal yuan) {
        return new Money(
                yuan.setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
    }

    public BigDecimal yuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return new Money(Math.subtractExact(fen, other.fen));
    }

    public Money times(long quantity) {
        return new Money(Math.multiplyExact(fen, quantity));
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public String toString() {
        return "¥" + yuan().toPlainString();
    }
}
