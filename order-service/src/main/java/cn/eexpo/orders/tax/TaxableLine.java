package cn.eexpo.orders.tax;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One line to tax: the unit price in fen, the quantity and the product's rates (fractions: 0.13 for 13 %). */
public record TaxableLine(
        @Nullable String sku,
        Money unitPrice,
        int quantity,
        BigDecimal vatRate,
        BigDecimal consumptionTaxRate,
        BigDecimal tariffRate) {}
