package cn.eexpo.catalog;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a shopper asked for. {@code text} may be empty: then every listed product matches. Each facet filter is a list
 * of accepted values (OR within a facet, AND across facets). Prices are CNY. Pages are numbered from 0; past
 * {@link #MAX_WINDOW} hits a page is reached with the {@code cursor} of the previous page instead, except by relevance:
 * those results end at {@link #MAX_WINDOW}.
 */
public record SearchQuery(
        @Nullable String text,
        List<String> categories,
        List<String> brands,
        List<String> origins,
        List<String> tradeModes,
        List<String> warehouses,
        @Nullable BigDecimal priceMin,
        @Nullable BigDecimal priceMax,
        Sort sort,
        int page,
        int size,
        @Nullable String cursor) {

    public static final int MAX_SIZE = 100;
    /** How deep {@code page}/{@code size} paging may reach; Elasticsearch's {@code index.max_result_window}. */
    public static final int MAX_WINDOW = 10_000;

    public enum Sort {
        RELEVANCE,
        PRICE_ASC,
        PRICE_DESC,
        NEWEST;

        /** Reads {@code relevance}, {@code priceAsc}, {@code priceDesc} or {@code newest}. */
        public static Sort of(@Nullable String value) {
            if (value == null || value.isBlank()) {
                return RELEVANCE;
            }
            return switch (value.strip()) {
                case "relevance" -> RELEVANCE;
                case "priceAsc" -> PRICE_ASC;
                case "priceDesc" -> PRICE_DESC;
                case "newest" -> NEWEST;
                default ->
                    throw new IllegalArgumentException(
                            "sort is one of relevance, priceAsc, priceDesc, newest; not " + value);
            };
        }
    }

    public SearchQuery {
        text = text == null || text.isBlank() ? null : text.strip();
        categories = clean(categories);
        brands = clean(brands);
        origins = clean(origins);
        tradeModes = clean(tradeModes);
        warehouses = clean(warehouses);
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size is between 1 and " + MAX_SIZE);
        }
        if (priceMin != null && priceMin.signum() < 0 || priceMax != null && priceMax.signum() < 0) {
            throw new IllegalArgumentException("prices are not negative");
        }
        if (priceMin != null && priceMax != null && priceMin.compareTo(priceMax) > 0) {
            throw new IllegalArgumentException("priceMin is above priceMax");
        }
        cursor = cursor == null || cursor.isBlank() ? null : cursor;
        if (cursor == null && (long) (page + 1) * size > MAX_WINDOW) {
            throw new IllegalArgumentException(
                    sort == Sort.RELEVANCE
                            ? "results by relevance end at the first " + MAX_WINDOW
                                    + "; sort by price or newest to page further"
                            : "page and size reach past the first " + MAX_WINDOW
                                    + " results; continue from the previous page's nextCursor instead");
        }
    }

    /** A plain text search, first page, by relevance. */
    public static SearchQuery text(@Nullable String text, int page, int size) {
        return new SearchQuery(
                text,
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                null,
                null,
                Sort.RELEVANCE,
                page,
                size,
                null);
    }

    /** The same search, continued after the page that handed out {@code nextCursor}. */
    public SearchQuery withCursor(String nextCursor) {
        return new SearchQuery(
                text,
                categories,
                brands,
                origins,
                tradeModes,
                warehouses,
                priceMin,
                priceMax,
                sort,
                0,
                size,
                nextCursor);
    }

    private static List<String> clean(@Nullable List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(String::strip)
                        .filter(v -> !v.isEmpty())
                        .distinct()
                        .toList();
    }
}
