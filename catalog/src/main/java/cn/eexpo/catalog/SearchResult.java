package cn.eexpo.catalog;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One page of matching products and how many matched in all. */
public record SearchResult(long total, List<Item> items) {

    /** A product as a result list shows it. */
    public record Item(
            String sku,
            String name,
            String nameEn,
            String brand,
            BigDecimal price,
            String currency,
            String origin,
            String tradeMode,
            String warehouse,
            String hsCode,
            @Nullable String imageUrl) {

        public Item(
                String sku,
                String name,
                String nameEn,
                String brand,
                Money price,
                String origin,
                String tradeMode,
                String warehouse,
                String hsCode,
                @Nullable String imageUrl) {
            this(
                    sku,
                    name,
                    nameEn,
                    brand,
                    price.yuan(),
                    Money.CURRENCY,
                    origin,
                    tradeMode,
                    warehouse,
                    hsCode,
                    imageUrl);
        }
    }
}
