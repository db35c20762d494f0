package cn.eexpo.catalog;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * A product with every fact later steps need: the shop shows it, the tax rule prices it, the customs filing declares
 * it (HS code, origin, units, weights, trade mode, account book).
 *
 * @param available units on hand less reserved units, over all its warehouses
 */
public record ProductDetails(
        String sku,
        Party exhibitor,
        Named category,
        String brand,
        String brandZh,
        String name,
        String nameEn,
        String description,
        String descriptionEn,
        String hsCode,
        Country origin,
        String customsUnit,
        String legalUnit,
        BigDecimal legalQuantity,
        BigDecimal netWeightKg,
        BigDecimal grossWeightKg,
        BigDecimal price,
        String currency,
        BigDecimal vatRate,
        BigDecimal consumptionTaxRate,
        BigDecimal tariffRate,
        String tradeMode,
        Warehouse warehouse,
        @Nullable String itemRecordNo,
        @Nullable String barcode,
        @Nullable String imageUrl,
        int available) {

    public Money priceInFen() {
        return Money.ofYuan(price);
    }

    public record Party(String code, String name, String nameEn, String customsCode) {}

    public record Named(String code, String name, String nameEn) {}

    public record Country(String customsCode, String isoCode, String name, String nameEn) {}

    /** A bonded area (1210: with its account book and in-zone enterprise) or an overseas consolidation point. */
    public record Warehouse(
            String code,
            String kind,
            String name,
            String nameEn,
            String customsCode,
            @Nullable String areaCode,
            @Nullable String areaName,
            @Nullable String emsNo) {}
}
