package cn.eexpo.storefront.product;

import cn.eexpo.catalog.CatalogChanged;
import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.ProductsChanged;
import cn.eexpo.catalog.Sku;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Products as their pages show them: a popular product is opened by many shoppers at once, so what PostgreSQL answered
 * is kept for {@value #SECONDS} seconds and shared by the sessions of this instance. The page is informative: adding
 * to the cart checks the product and its stock in PostgreSQL again, and checkout reserves at the price it reads there.
 * A change to the catalog on this instance, or a product selling out, clears what is kept at once. Products not found
 * are not kept (one may be listed a moment later).
 */
@Component
class ShopProducts {

    static final int SECONDS = 5;

    private final ProductCatalog catalog;
    private final Cache<Sku, ProductDetails> products = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(SECONDS))
            .build();

    ShopProducts(ProductCatalog catalog) {
        this.catalog = catalog;
    }

    Optional<ProductDetails> find(Sku sku) {
        return Optional.ofNullable(products.get(sku, s -> catalog.find(s).orElse(null)));
    }

    @EventListener({ProductsChanged.class, CatalogChanged.class})
    void catalogChanged() {
        products.invalidateAll();
    }
}
