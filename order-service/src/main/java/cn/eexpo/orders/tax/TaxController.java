package cn.eexpo.orders.tax;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tax quotes for lines given by SKU (price and rates from the catalog) or spelled out. Amounts in and out are CNY with
 * two decimals, as the catalog shows prices; rates are fractions (0.13 for 13 %).
 */
@RestController
class TaxController {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 9_999;
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000.00");

    private final ProductCatalog catalog;

    TaxController(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    @PostMapping("/api/v1/tax/quote")
    QuoteResponse quote(@RequestBody QuoteRequest request) {
        List<LineRequest> requested = request.lines();
        if (requested == null || requested.isEmpty()) {
            throw new InvalidTaxInputException("lines", "at least one line is required");
        }
        if (requested.size() > MAX_LINES) {
            throw new InvalidTaxInputException("lines", "at most " + MAX_LINES + " lines");
        }
        List<TaxableLine> lines = new ArrayList<>(requested.size());
        for (int i = 0; i < requested.size(); i++) {
            lines.add(line(requested.get(i), "lines[" + i + "]"));
        }
        Money freight = request.freight() == null ? Money.ZERO : amount(request.freight(), "freight", true);
        return QuoteResponse.of(RetailImportTax.quote(lines, freight));
    }

    private TaxableLine line(@Nullable LineRequest line, String at) {
        if (line == null) {
            throw new InvalidTaxInputException(at, "a line is {sku, qty} or {unitPrice, qty, vatRate, ...}");
        }
        int qty = quantity(line.qty(), at + ".qty");
        if (line.sku() != null) {
            if (line.unitPrice() != null
                    || line.vatRate() != null
                    || line.consumptionTaxRate() != null
                    || line.tariffRate() != null) {
                throw new InvalidTaxInputException(
                        at, "give either a sku (priced from the catalog) or unitPrice and rates, not both");
            }
            return fromCatalog(line.sku(), qty, at + ".sku");
        }
        if (line.unitPrice() == null) {
            throw new InvalidTaxInputException(at, "give a sku, or a unitPrice with a vatRate");
        }
        Money unitPrice = amount(line.unitPrice(), at + ".unitPrice", false);
        if (line.vatRate() == null) {
            throw new InvalidTaxInputException(at + ".vatRate", "required with a unitPrice (0.13 for 13 %)");
        }
        return new TaxableLine(
                null,
                unitPrice,
                qty,
                rate(line.vatRate(), at + ".vatRate"),
                rate(orZero(line.consumptionTaxRate()), at + ".consumptionTaxRate"),
                rate(orZero(line.tariffRate()), at + ".tariffRate"));
    }

    private TaxableLine fromCatalog(String sku, int qty, String field) {
        Sku parsed;
        try {
            parsed = Sku.of(sku);
        } catch (IllegalArgumentException e) {
            throw new InvalidTaxInputException(field, "not a SKU: " + e.getMessage());
        }
        ProductDetails product = catalog.find(parsed)
                .orElseThrow(() -> new InvalidTaxInputException(field, "no listed product has the SKU " + parsed));
        return new TaxableLine(
                product.sku(),
                product.priceInFen(),
                qty,
                product.vatRate(),
                product.consumptionTaxRate(),
                product.tariffRate());
    }

    private static int quantity(@Nullable Integer qty, String field) {
        if (qty == null) {
            throw new InvalidTaxInputException(field, "required");
        }
        if (qty < 1 || qty > MAX_QUANTITY) {
            throw new InvalidTaxInputException(field, "a quantity is from 1 to " + MAX_QUANTITY);
        }
        return qty;
    }

    private static Money amount(BigDecimal yuan, String field, boolean zeroAllowed) {
        if (yuan.stripTrailingZeros().scale() > 2) {
            throw new InvalidTaxInputException(field, "an amount in CNY has at most two decimals");
        }
        if (yuan.signum() < 0 || (!zeroAllowed && yuan.signum() == 0)) {
            throw new InvalidTaxInputException(field, zeroAllowed ? "not negative" : "more than 0");
        }
        if (yuan.compareTo(MAX_AMOUNT) > 0) {
            throw new InvalidTaxInputException(field, "at most CNY " + MAX_AMOUNT.toPlainString());
        }
        return Money.ofYuan(yuan);
    }

    private static BigDecimal rate(BigDecimal rate, String field) {
        if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
            throw new InvalidTaxInputException(field, "a rate is a fraction from 0 up to 1, e.g. 0.13 for 13 %");
        }
        if (rate.stripTrailingZeros().scale() > 6) {
            throw new InvalidTaxInputException(field, "a rate has at most 6 decimals");
        }
        return rate;
    }

    private static BigDecimal orZero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    /** A line by {@code sku} and {@code qty}, or spelled out (consumption tax and tariff rates default to 0). */
    record LineRequest(
            @Nullable String sku,
            @Nullable Integer qty,
            @Nullable BigDecimal unitPrice,
            @Nullable BigDecimal vatRate,
            @Nullable BigDecimal consumptionTaxRate,
            @Nullable BigDecimal tariffRate) {}

    /** @param freight CNY, 0 when absent */
    record QuoteRequest(
            @Nullable List<@Nullable LineRequest> lines,
            @Nullable BigDecimal freight) {}

    /**
     * @param effectiveRate the line's tax as a fraction of its dutiable value (value + freight share), 4 decimals
     */
    record LineResponse(
            @Nullable String sku,
            BigDecimal unitPrice,
            int qty,
            BigDecimal value,
            BigDecimal freightShare,
            BigDecimal tax,
            BigDecimal effectiveRate) {}

    record QuoteResponse(
            BigDecimal goodsValue,
            BigDecimal freight,
            BigDecimal dutiableValue,
            BigDecimal taxTotal,
            BigDecimal total,
            List<LineResponse> lines,
            TaxRule rule) {

        static QuoteResponse of(TaxQuote quote) {
            List<LineResponse> lines = quote.lines().stream()
                    .map(taxed -> new LineResponse(
                            taxed.line().sku(),
                            taxed.line().unitPrice().yuan(),
                            taxed.line().quantity(),
                            taxed.value().yuan(),
                            taxed.freightShare().yuan(),
                            taxed.tax().yuan(),
                            RetailImportTax.effectiveRate(taxed.line(), quote.rule())
                                    .setScale(4, RoundingMode.HALF_UP)))
                    .toList();
            return new QuoteResponse(
                    quote.goodsValue().yuan(),
                    quote.freight().yuan(),
                    quote.goodsValue().plus(quote.freight()).yuan(),
                    quote.taxTotal().yuan(),
                    quote.total().yuan(),
                    lines,
                    quote.rule());
        }
    }
}
