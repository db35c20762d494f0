package cn.eexpo.storefront.search;

import cn.eexpo.catalog.CatalogChanged;
import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.ProductsChanged;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The catalog's search as the shop's pages use it: the same searches recur (a popular word, its brands, the header's
 * suggestions as people type), so their answers are kept for {@value #SECONDS} seconds and shared by every session of
 * this instance. A page of results is informative only (the cart and checkout read prices and stock from PostgreSQL;
 * the product page keeps what it read for at most 5 s, {@code ShopProducts}), so a result may be that much behind the
 * index; a change to the catalog on this instance clears them at once. Continuations by cursor are never kept: they belong to one shopper's scrolling. Failures are not kept either.
 * The warehouses the facets name are kept the same way (a search page named each one from PostgreSQL).
 */
@Component
public class ShopSearch {

    static final int SECONDS = 20;
    private static final Duration KEEP = Duration.ofSeconds(SECONDS);

    private final ProductSearch search;
    private final ProductCatalog catalog;
    private final Cache<SearchQuery, SearchResult> results =
            Caffeine.newBuilder().maximumSize(5_000).expireAfterWrite(KEEP).build();
    private final Cache<String, List<String>> suggestions =
            Caffeine.newBuilder().maximumSize(20_000).expireAfterWrite(KEEP).build();

    private final Cache<String, Optional<ProductDetails.Warehouse>> warehouses =
            Caffeine.newBuilder().maximumSize(1_000).expireAfterWrite(KEEP).build();

    ShopSearch(ProductSearch search, ProductCatalog catalog) {
        this.search = search;
        this.catalog = catalog;
    }

    public SearchResult search(SearchQuery query) {
        if (query.cursor() != null) {
            return search.search(query);
        }
        return results.get(query, search::search);
    }

    public List<String> suggest(String prefix, int size) {
        return suggestions.get(size + ":" + prefix, key -> List.copyOf(search.suggest(prefix, size)));
    }

    /** A warehouse by its code, for its name in the shopper's language. */
    public Optional<ProductDetails.Warehouse> warehouse(String code) {
        return warehouses.get(code, catalog::warehouse);
    }

    @EventListener({ProductsChanged.class, CatalogChanged.class})
    void catalogChanged() {
        results.invalidateAll();
        suggestions.invalidateAll();
        warehouses.invalidateAll();
    }
}
