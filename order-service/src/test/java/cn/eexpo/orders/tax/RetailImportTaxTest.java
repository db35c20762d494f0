package cn.eexpo.orders.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The retail import tax: the rates of the brief, freight shares, rounding and the per-order limit. */
class RetailImportTaxTest {

    @ParameterizedTest
    @CsvSource({
        // VAT, CT, tax on CNY 100.00, effective rate
        "0.13, 0,    9.10,  0.0910000000",
        "0.09, 0,    6.30,  0.0630000000",
        "0.13, 0.15, 23.06, 0.2305882353"
    })
    void chargesSeventyPercentOfVatAndConsumptionTax(String vat, String ct, String tax, String rate) {
        TaxableLine line = line("100.00", 1, vat, ct, "0.05");

        TaxQuote quote = RetailImportTax.quote(List.of(line), Money.ZERO);

        assertThat(quote.rule()).isEqualTo(TaxRule.RETAIL);
        assertThat(quote.taxTotal()).isEqualTo(yuan(tax));
        assertThat(quote.lines().getFirst().tax()).isEqualTo(yuan(tax));
        assertThat(RetailImportTax.effectiveRate(line, TaxRule.RETAIL)).isEqualByComparingTo(rate);
    }

    @Test
    void sharesTheFreightByValueAndTaxesEachLineOnItsValueWithFreight() {
        List<TaxableLine> lines = List.of(
                line("199.00", 2, "0.13", "0", "0"), // 398.00
                line("89.90", 1, "0.09", "0", "0"),
                line("560.00", 1, "0.13", "0.15", "0"));

        TaxQuote quote = RetailImportTax.quote(lines, yuan("20.00"));

        assertThat(quote.goodsValue()).isEqualTo(yuan("1047.90"));
        assertThat(quote.freight()).isEqualTo(yuan("20.00"));
        // 20.00 × 398.00/1047.90 = 7.596…, × 89.90/1047.90 = 1.715…, × 560.00/1047.90 = 10.688…: floors 7.59, 1.71,
        // 10.68, and the 2 fen left over go to the largest line.
        assertThat(quote.lines())
                .extracting(TaxedLine::value, TaxedLine::freightShare, TaxedLine::tax)
                .containsExactly(
                        tuple(yuan("398.00"), yuan("7.59"), yuan("36.91")), // 36.90869
                        tuple(yuan("89.90"), yuan("1.71"), yuan("5.77")), // 5.77143
                        tuple(yuan("560.00"), yuan("10.70"), yuan("131.60"))); // 131.5967…
        assertThat(quote.taxTotal()).isEqualTo(yuan("174.28"));
        assertThat(quote.total()).isEqualTo(yuan("1242.18"));
        assertThat(quote.rule()).isEqualTo(TaxRule.RETAIL);
    }

    @Test
    void freightSharesAlwaysAddUpToTheFreight() {
        List<Money> values = List.of(yuan("0.01"), yuan("33.33"), yuan("33.33"), yuan("33.34"));
        for (String freight : List.of("0.00", "0.01", "0.03", "9.99", "100.00", "12345.67")) {
            List<Money> shares = RetailImportTax.shareFreight(yuan(freight), values);
            assertThat(shares.stream().mapToLong(Money::fen).sum())
                    .isEqualTo(yuan(freight).fen());
            assertThat(shares).allSatisfy(share -> assertThat(share.fen()).isNotNegative());
        }
        assertThat(RetailImportTax.shareFreight(yuan("0.03"), values))
                .containsExactly(yuan("0.00"), yuan("0.00"), yuan("0.00"), yuan("0.03"));
    }

    @Test
    void roundsEachLineHalfUpAndTotalsTheRoundedLines() {
        // 15.00 × 0.091 = 1.365 exactly: half-up gives 1.37 (half-even would give 1.36).
        TaxQuote one = RetailImportTax.quote(List.of(line("15.00", 1, "0.13", "0", "0")), Money.ZERO);
        assertThat(one.taxTotal()).isEqualTo(yuan("1.37"));

        // Two such lines: 1.37 + 1.37, so that the lines on the receipt add up to its total (2.74, not 2.73).
        TaxQuote two = RetailImportTax.quote(
                List.of(line("15.00", 1, "0.13", "0", "0"), line("15.00", 1, "0.13", "0", "0")), Money.ZERO);
        assertThat(two.lines()).extracting(TaxedLine::tax).containsOnly(yuan("1.37"));
        assertThat(two.taxTotal()).isEqualTo(yuan("2.74"));
    }

    @Test
    void anOrderOf4999_99PaysTheRetailRate() {
        TaxQuote quote = RetailImportTax.quote(
                List.of(line("2499.99", 1, "0.13", "0", "0.1"), line("2490.00", 1, "0.13", "0", "0.1")), yuan("10.00"));

        assertThat(quote.rule()).isEqualTo(TaxRule.RETAIL);
        assertThat(quote.goodsValue().plus(quote.freight())).isEqualTo(yuan("4999.99"));
        assertThat(quote.taxTotal()).isEqualTo(yuan("455.00")); // 0.091 × 4999.99 = 454.999…, no duty
    }

    @Test
    void anOrderOfExactly5000WithSeveralItemsStillPasses() {
        TaxQuote quote = RetailImportTax.quote(List.of(line("2500.00", 2, "0.13", "0", "0")), Money.ZERO);

        assertThat(quote.rule()).isEqualTo(TaxRule.RETAIL);
    }

    @Test
    void refusesAnOrderOfSeveralItemsOver5000() {
        assertThatThrownBy(() -> RetailImportTax.quote(
                        List.of(line("2500.00", 1, "0.13", "0", "0"), line("2500.01", 1, "0.13", "0", "0")),
                        Money.ZERO))
                .isInstanceOf(OrderLimitExceededException.class)
                .hasMessageContaining("5000.01");
        assertThatThrownBy(() -> RetailImportTax.quote(List.of(line("2500.01", 2, "0.13", "0", "0")), Money.ZERO))
                .isInstanceOf(OrderLimitExceededException.class);
        assertThatThrownBy(() -> RetailImportTax.quote(List.of(line("2495.00", 2, "0.13", "0", "0")), yuan("10.01")))
                .as("the freight counts toward the limit")
                .isInstanceOf(OrderLimitExceededException.class);
    }

    @Test
    void aSingleItemOver5000PaysDutyVatAndConsumptionTaxInFull() {
        TaxQuote plain = RetailImportTax.quote(List.of(line("6000.00", 1, "0.13", "0", "0")), Money.ZERO);
        assertThat(plain.rule()).isEqualTo(TaxRule.FULL_RATE_SINGLE_ITEM);
        assertThat(plain.taxTotal()).isEqualTo(yuan("780.00"));

        // duty 6000 × 0.05 = 300; CT = 6300 × 0.15/0.85 = 1111.76…; VAT = (6300 + CT) × 0.13 = 963.52…
        TaxableLine bag = line("6000.00", 1, "0.13", "0.15", "0.05");
        TaxQuote full = RetailImportTax.quote(List.of(bag), Money.ZERO);
        assertThat(full.taxTotal()).isEqualTo(yuan("2375.29"));
        assertThat(RetailImportTax.effectiveRate(bag, TaxRule.FULL_RATE_SINGLE_ITEM))
                .isEqualByComparingTo("0.3958823529");
    }

    @Test
    void refusesLinesThatCannotBePriced() {
        assertThatThrownBy(() -> RetailImportTax.quote(List.of(), Money.ZERO))
                .isInstanceOfSatisfying(
                        InvalidTaxInputException.class,
                        e -> assertThat(e.field()).isEqualTo("lines"));
        assertThatThrownBy(() -> RetailImportTax.quote(List.of(line("1.00", 0, "0.13", "0", "0")), Money.ZERO))
                .isInstanceOfSatisfying(
                        InvalidTaxInputException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].quantity"));
        assertThatThrownBy(() -> RetailImportTax.quote(List.of(line("1.00", 1, "0.13", "1", "0")), Money.ZERO))
                .isInstanceOfSatisfying(
                        InvalidTaxInputException.class,
                        e -> assertThat(e.field()).isEqualTo("lines[0].consumptionTaxRate"));
        assertThatThrownBy(() -> RetailImportTax.quote(List.of(line("1.00", 1, "0.13", "0", "0")), yuan("-0.01")))
                .isInstanceOfSatisfying(
                        InvalidTaxInputException.class,
                        e -> assertThat(e.field()).isEqualTo("freight"));
    }

    static TaxableLine line(String unitPrice, int quantity, String vat, String ct, String tariff) {
        return new TaxableLine(
                null, yuan(unitPrice), quantity, new BigDecimal(vat), new BigDecimal(ct), new BigDecimal(tariff));
    }

    static Money yuan(String amount) {
        return Money.ofYuan(amount);
    }
}
