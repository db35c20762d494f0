package cn.eexpo.catalog;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One page of matching products, how many matched in all, the facet counts (disjunctive: each facet counts as if its
 * own filter were not set) and, where more results follow, the cursor that continues after this page.
 */
public record SearchResult(
        long total,
        List<Item> items,
        Facets facets,
        @Nullable String nextCursor) {

    /** A product as a result list shows it; {@code highlight} is the name with matches wrapped in {@code <em>}. */
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
            @Nullable String imageUrl,
            @Nullable String highlight) {

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
                @Nullable String imageUrl,
                @Nullable String highlight) {
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
                    imageUrl,
                    highlight);
        }
    }

    public record Facets(
            List<FacetValue> category,
            List<FacetValue> brand,
            List<FacetValue> origin,
            List<FacetValue> tradeMode,
            List<FacetValue> warehouse,
            List<PriceRange> price) {

        public static final Facets NONE = new Facets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public record FacetValue(String value, long count) {}

    /** A price bucket in CNY: {@code from} inclusive, {@code to} exclusive; either may be open (null). */
    public record PriceRange(
            @Nullable BigDecimal from, @Nullable BigDecimal to, long count) {}
}
