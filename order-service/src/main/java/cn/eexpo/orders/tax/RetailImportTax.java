package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * The cross-border retail import tax (综合税) of an order, in force since 2019-01-01.
 *
 * <p>Each line's dutiable value P is its value plus its share of the freight (shared in proportion to value, in whole
 * fen, the fen left over going to the line of largest value so that the shares add up to the freight exactly). Within
 * the limits duty is 0 and the tax is 70 % of consumption tax {@code CT = P·c/(1−c)} plus VAT {@code (P + CT)·v}, i.e.
 * {@code 0.7·P·(c+v)/(1−c)}. A single item over the per-order limit pays in full: duty {@code P·t}, then CT and VAT on
 * the value with duty.
 *
 * <p>Rounding: each line's tax is computed exactly (one division, correctly rounded) and rounded half-up to the fen,
 * and the total is the sum of the rounded line taxes. The tax is shown and declared per line (the inventory list
 * carries it per item), and a total that differs from the sum of the lines it sits under by a fen would be wrong on
 * every receipt; the total is still a half-up rounding to the fen, of amounts that are each rounded half-up.
 */
public final class RetailImportTax {

    /** The most one transaction may be worth (goods and freight) and still clear at the retail rate. */
    public static final Money PER_ORDER_LIMIT = Money.ofYuan("5000.00");

    private static final BigDecimal RETAIL_SHARE = new BigDecimal("0.7");

    private RetailImportTax() {}

    /**
     * Prices an order: the freight shared among lines in proportion to value, the tax per line and in total.
     *
     * @throws OrderLimitExceededException for an order of more than one item over the per-order limit
     * @throws InvalidTaxInputException for no lines, a quantity below 1, a price that is not positive, a rate outside
     *     [0, 1) or a negative freight
     */
    public static TaxQuote quote(List<TaxableLine> lines, Money freight) {
        check(lines, freight);
        List<Money> values = lines.stream()
                .map(line -> line.unitPrice().times(line.quantity()))
                .toList();
        Money goods = values.stream().reduce(Money.ZERO, Money::plus);
        Money dutiable = goods.plus(freight);
        TaxRule rule = ruleFor(lines, dutiable);
        List<Money> shares = shareFreight(freight, values);
        List<TaxedLine> taxed = new ArrayList<>(lines.size());
        Money taxTotal = Money.ZERO;
        for (int i = 0; i < lines.size(); i++) {
            TaxableLine line = lines.get(i);
            Money tax = tax(line, values.get(i).plus(shares.get(i)), rule);
            taxed.add(new TaxedLine(line, values.get(i), shares.get(i), tax));
            taxTotal = taxTotal.plus(tax);
        }
        return new TaxQuote(goods, freight, taxTotal, List.copyOf(taxed), rule);
    }

    /**
     * The tax of one line as a fraction of its dutiable value: 0.091 for VAT 13 %, 0.23058… for CT 15 % and VAT 13 %
     * under the retail rule. Rounded to 10 decimals; for display only, the tax itself is computed from the exact rule.
     */
    public static BigDecimal effectiveRate(TaxableLine line, TaxRule rule) {
        return exactTax(BigDecimal.ONE, line, rule, 10);
    }

    private static TaxRule ruleFor(List<TaxableLine> lines, Money dutiable) {
        if (dutiable.compareTo(PER_ORDER_LIMIT) <= 0) {
            return TaxRule.RETAIL;
        }
        if (lines.size() == 1 && lines.getFirst().quantity() == 1) {
            return TaxRule.FULL_RATE_SINGLE_ITEM;
        }
        throw new OrderLimitExceededException(dutiable);
    }

    /** The freight in whole fen per line, in proportion to value; the leftover fen go to the line of largest value. */
    static List<Money> shareFreight(Money freight, List<Money> values) {
        BigInteger total =
                BigInteger.valueOf(values.stream().mapToLong(Money::fen).sum());
        BigInteger toShare = BigInteger.valueOf(freight.fen());
        long[] shares = new long[values.size()];
        long shared = 0;
        int largest = 0;
        for (int i = 0; i < values.size(); i++) {
            long value = values.get(i).fen();
            shares[i] =
                    toShare.multiply(BigInteger.valueOf(value)).divide(total).longValueExact();
            shared += shares[i];
            if (value > values.get(largest).fen()) {
                largest = i;
            }
        }
        shares[largest] += freight.fen() - shared;
        List<Money> result = new ArrayList<>(shares.length);
        for (long share : shares) {
            result.add(new Money(share));
        }
        return result;
    }

    private static Money tax(TaxableLine line, Money dutiableValue, TaxRule rule) {
        return new Money(
                exactTax(dutiableValue.yuan(), line, rule, 2).movePointRight(2).longValueExact());
    }

    /**
     * Retail: {@code 0.7·P·(c+v)/(1−c)}. Full rate: {@code P·t + P·(1+t)·(c+v)/(1−c)}, written over one denominator.
     * Everything but the last division is exact, and that division rounds half-up at {@code scale} exactly.
     */
    private static BigDecimal exactTax(BigDecimal p, TaxableLine line, TaxRule rule, int scale) {
        BigDecimal c = line.consumptionTaxRate();
        BigDecimal v = line.vatRate();
        BigDecimal t = line.tariffRate();
        BigDecimal oneMinusC = BigDecimal.ONE.subtract(c);
        BigDecimal numerator = switch (rule) {
            case RETAIL -> RETAIL_SHARE.multiply(p).multiply(c.add(v));
            case FULL_RATE_SINGLE_ITEM ->
                p.multiply(t)
                        .multiply(oneMinusC)
                        .add(p.multiply(BigDecimal.ONE.add(t)).multiply(c.add(v)));
        };
        return numerator.divide(oneMinusC, scale, RoundingMode.HALF_UP);
    }

    private static void check(List<TaxableLine> lines, Money freight) {
        if (lines.isEmpty()) {
            throw new InvalidTaxInputException("lines", "an order has at least one line");
        }
        if (freight.fen() < 0) {
            throw new InvalidTaxInputException("freight", "the freight is not negative");
        }
        for (int i = 0; i < lines.size(); i++) {
            TaxableLine line = lines.get(i);
            String at = "lines[" + i + "].";
            if (line.quantity() < 1) {
                throw new InvalidTaxInputException(at + "quantity", "the quantity is at least 1");
            }
            if (line.unitPrice().fen() <= 0) {
                throw new InvalidTaxInputException(at + "unitPrice", "the unit price is more than 0");
            }
            rate(line.vatRate(), at + "vatRate");
            rate(line.consumptionTaxRate(), at + "consumptionTaxRate");
            rate(line.tariffRate(), at + "tariffRate");
        }
    }

    private static void rate(BigDecimal rate, String field) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidTaxInputException(
                    field, "a rate is a fraction from 0 up to but not including 1 (0.13 for 13 %)");
        }
    }
}
