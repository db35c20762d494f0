package cn.eexpo.catalog.search;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A listed product as the search index holds it; always derived from PostgreSQL. The index copies the names, brands,
 * category and country names into one searched field ({@code text}) and the descriptions into another
 * ({@code details}).
 */
record ProductDocument(
        String sku,
        String name,
        String nameEn,
        String description,
        String descriptionEn,
        String brand,
        String brandZh,
        String category,
        List<String> categoryPath,
        String categoryName,
        String origin,
        String originName,
        String tradeMode,
        String warehouse,
        String hsCode,
        long priceFen,
        int stock,
        @Nullable String imageUrl,
        Instant createdAt,
        Instant updatedAt) {}
