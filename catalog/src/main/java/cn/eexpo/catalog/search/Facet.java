package cn.eexpo.catalog.search;

import cn.eexpo.catalog.SearchQuery;
import java.util.List;

/** The facets a search counts, with the index fields behind them. */
enum Facet {
    CATEGORY("category", "categoryPath", 30),
    BRAND("brand", "brand", 50),
    ORIGIN("origin", "origin", 30),
    TRADE_MODE("tradeMode", "tradeMode", 5),
    WAREHOUSE("warehouse", "warehouse", 20),
    /** Counted by the band of the price ({@link PriceBands}), filtered by the price itself. */
    PRICE("priceBand", "priceFen", PriceBands.COUNT);

    /** The field whose values are counted. */
    final String countField;
    /** The field a chosen value filters on: a category filter also matches its sub-categories. */
    final String filterField;
    /** How many values to return, most frequent first. */
    final int size;

    Facet(String countField, String filterField, int size) {
        this.countField = countField;
        this.filterField = filterField;
        this.size = size;
    }

    String aggregationName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    List<String> chosen(SearchQuery query) {
        return switch (this) {
            case CATEGORY -> query.categories();
            case BRAND -> query.brands();
            case ORIGIN -> query.origins();
            case TRADE_MODE -> query.tradeModes();
            case WAREHOUSE -> query.warehouses();
            case PRICE -> List.of();
        };
    }
}
