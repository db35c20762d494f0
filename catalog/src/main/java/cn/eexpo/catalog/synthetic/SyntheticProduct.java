package cn.eexpo.catalog.synthetic;

import java.math.BigDecimal;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** One generated product with its stock, column for column as {@code product} and {@code stock} hold it. */
record SyntheticProduct(
        String sku,
        String exhibitor,
        String category,
        String brand,
        String brandZh,
        String nameZh,
        String nameEn,
        String descriptionZh,
        String descriptionEn,
        String hsCode,
        String origin,
        String customsUnit,
        String legalUnit,
        BigDecimal legalQty,
        BigDecimal netWeightKg,
        BigDecimal grossWeightKg,
        long priceFen,
        BigDecimal vatRate,
        BigDecimal consumptionTaxRate,
        BigDecimal tariffRate,
        String tradeMode,
        String warehouse,
        @Nullable String itemRecordNo,
        String barcode,
        String imageUrl,
        String status,
        Instant createdAt,
        Instant updatedAt,
        int onHand,
        int reserved) {}
