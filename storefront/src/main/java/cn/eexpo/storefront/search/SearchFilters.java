package cn.eexpo.storefront.search;

import cn.eexpo.catalog.SearchQuery;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the search page shows, exactly as its URL says it: {@code /search?q=…&category=…&brand=…&origin=…&mode=…
 * &warehouse=…&min=…&max=…&sort=…} (a facet parameter repeated for several values). Reading a URL never fails: a value
 * that makes no sense (a negative price, an unknown sort) is left out and named in {@link Parsed#ignored()}.
 */
record SearchFilters(
        String text,
        List<String> categories,
        List<String> brands,
        List<String> origins,
        List<String> modes,
        List<String> warehouses,
        @Nullable BigDecimal min,
        @Nullable BigDecimal max,
        SearchQuery.Sort sort) {

    static final String CATEGORY = "category";
    static final String BRAND = "brand";
    static final String ORIGIN = "origin";
    static final String MODE = "mode";
    static final String WAREHOUSE = "warehouse";
    static final String MIN = "min";
    static final String MAX = "max";
    static final String SORT = "sort";
    /** The highest price a shopper may type, in CNY: far above anything sold, below anything that could overflow. */
    static final BigDecimal PRICE_LIMIT = new BigDecimal("100000000");

    static final SearchFilters NONE = new SearchFilters(
            "", List.of(), List.of(), List.of(), List.of(), List.of(), null, null, SearchQuery.Sort.RELEVANCE);

    SearchFilters {
        text = text.strip();
        categories = List.copyOf(categories);
        brands = List.copyOf(brands);
        origins = List.copyOf(origins);
        modes = List.copyOf(modes);
        warehouses = List.copyOf(warehouses);
    }

    /** The filters of a URL and the parameters that were ignored because they were not valid. */
    record Parsed(SearchFilters filters, List<String> ignored) {}

    static Parsed parse(QueryParameters parameters) {
        Map<String, List<String>> p = parameters.getParameters();
        List<String> ignored = new ArrayList<>();
        String text = String.join(" ", values(p, SearchView.QUERY));
        BigDecimal min = price(p, MIN, ignored);
        BigDecimal max = price(p, MAX, ignored);
        if (min != null && max != null && min.compareTo(max) > 0) {
            ignored.add(MIN);
            ignored.add(MAX);
            min = null;
            max = null;
        }
        SearchQuery.Sort sort = SearchQuery.Sort.RELEVANCE;
        List<String> sorts = values(p, SORT);
        if (!sorts.isEmpty()) {
            try {
                sort = SearchQuery.Sort.of(sorts.getFirst());
            } catch (IllegalArgumentException e) {
                ignored.add(SORT);
            }
        }
        return new Parsed(
                new SearchFilters(
                        text,
                        values(p, CATEGORY),
                        values(p, BRAND),
                        values(p, ORIGIN),
                        modes(p, ignored),
                        values(p, WAREHOUSE),
                        min,
                        max,
                        sort),
                List.copyOf(ignored));
    }

    /** The URL's parameters: only what is set, in a fixed order, so one search has one URL. */
    QueryParameters toQueryParameters() {
        Map<String, List<String>> p = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            p.put(SearchView.QUERY, List.of(text));
        }
        putAll(p, CATEGORY, categories);
        putAll(p, BRAND, brands);
        putAll(p, ORIGIN, origins);
        putAll(p, MODE, modes);
        putAll(p, WAREHOUSE, warehouses);
        if (min != null) {
            p.put(MIN, List.of(min.stripTrailingZeros().toPlainString()));
        }
        if (max != null) {
            p.put(MAX, List.of(max.stripTrailingZeros().toPlainString()));
        }
        if (sort != SearchQuery.Sort.RELEVANCE) {
            p.put(SORT, List.of(sortParameter(sort)));
        }
        return new QueryParameters(p);
    }

    /** The catalog query of the first page of these results. */
    SearchQuery query(int size) {
        return new SearchQuery(text, categories, brands, origins, modes, warehouses, min, max, sort, 0, size, null);
    }

    boolean hasFilters() {
        return !categories.isEmpty()
                || !brands.isEmpty()
                || !origins.isEmpty()
                || !modes.isEmpty()
                || !warehouses.isEmpty()
                || min != null
                || max != null;
    }

    SearchFilters withText(String newText) {
        return new SearchFilters(newText, categories, brands, origins, modes, warehouses, min, max, sort);
    }

    SearchFilters withoutFilters() {
        return new SearchFilters(text, List.of(), List.of(), List.of(), List.of(), List.of(), null, null, sort);
    }

    SearchFilters with(String facet, List<String> values) {
        return new SearchFilters(
                text,
                facet.equals(CATEGORY) ? values : categories,
                facet.equals(BRAND) ? values : brands,
                facet.equals(ORIGIN) ? values : origins,
                facet.equals(MODE) ? values : modes,
                facet.equals(WAREHOUSE) ? values : warehouses,
                min,
                max,
                sort);
    }

    List<String> chosen(String facet) {
        return switch (facet) {
            case CATEGORY -> categories;
            case BRAND -> brands;
            case ORIGIN -> origins;
            case MODE -> modes;
            case WAREHOUSE -> warehouses;
            default -> throw new IllegalArgumentException(facet);
        };
    }

    SearchFilters withPrices(@Nullable BigDecimal newMin, @Nullable BigDecimal newMax) {
        return new SearchFilters(text, categories, brands, origins, modes, warehouses, newMin, newMax, sort);
    }

    SearchFilters withSort(SearchQuery.Sort newSort) {
        return new SearchFilters(text, categories, brands, origins, modes, warehouses, min, max, newSort);
    }

    /** The URL spelling of a sort, as {@link SearchQuery.Sort#of} reads it. */
    static String sortParameter(SearchQuery.Sort sort) {
        return switch (sort) {
            case RELEVANCE -> "relevance";
            case PRICE_ASC -> "priceAsc";
            case PRICE_DESC -> "priceDesc";
            case NEWEST -> "newest";
        };
    }

    private static List<String> values(Map<String, List<String>> p, String name) {
        return p.getOrDefault(name, List.of()).stream()
                .map(String::strip)
                .filter(v -> !v.isEmpty())
                .distinct()
                .toList();
    }

    private static List<String> modes(Map<String, List<String>> p, List<String> ignored) {
        List<String> modes = values(p, MODE);
        List<String> valid =
                modes.stream().filter(m -> m.equals("1210") || m.equals("9610")).toList();
        if (valid.size() < modes.size()) {
            ignored.add(MODE);
        }
        return valid;
    }

    private static @Nullable BigDecimal price(Map<String, List<String>> p, String name, List<String> ignored) {
        List<String> given = values(p, name);
        if (given.isEmpty()) {
            return null;
        }
        try {
            BigDecimal price = new BigDecimal(given.getFirst());
            if (price.signum() < 0 || price.compareTo(PRICE_LIMIT) > 0 || price.scale() > 2) {
                ignored.add(name);
                return null;
            }
            return price;
        } catch (NumberFormatException e) {
            ignored.add(name);
            return null;
        }
    }

    private static void putAll(Map<String, List<String>> p, String name, List<String> values) {
        if (!values.isEmpty()) {
            p.put(name, values);
        }
    }
}
