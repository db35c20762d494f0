package cn.eexpo.storefront.product;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.ProductsChanged;
import cn.eexpo.catalog.Sku;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
class ShopProductsTest {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ShopProducts shared;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    JdbcClient jdbc;

    final AtomicInteger reads = new AtomicInteger();
    Sku listed;

    @BeforeEach
    void aListedProduct() {
        listed = new Sku(jdbc.sql("select sku from product where status = 'LISTED' order by sku limit 1")
                .query(String.class)
                .single());
    }

    @Test
    void aProductIsReadOnceAndSharedUntilTheCatalogChanges() {
        ShopProducts products = new ShopProducts(counting());

        ProductDetails first = products.find(listed).orElseThrow();
        assertThat(products.find(listed)).containsSame(first);
        assertThat(reads).as("read from PostgreSQL once").hasValue(1);

        products.catalogChanged();

        assertThat(products.find(listed)).contains(first);
        assertThat(reads).as("read again after the catalog changed").hasValue(2);
    }

    @Test
    void aProductNotFoundIsNotKept() {
        ShopProducts products = new ShopProducts(counting());
        Sku unknown = new Sku("NO-SUCH-SKU-1");

        assertThat(products.find(unknown)).isEmpty();
        assertThat(products.find(unknown)).isEmpty();
        assertThat(reads).hasValue(2);
    }

    @Test
    void theApplicationsProductsAreClearedByTheCatalogsEvents() {
        ProductDetails kept = shared.find(listed).orElseThrow();
        assertThat(shared.find(listed)).containsSame(kept);

        events.publishEvent(new ProductsChanged(List.of(listed.value())));

        assertThat(shared.find(listed).orElseThrow()).isNotSameAs(kept).isEqualTo(kept);
    }

    /** The application's catalog, counting the reads. */
    private ProductCatalog counting() {
        return new ProductCatalog() {
            @Override
            public Optional<ProductDetails> find(Sku sku) {
                reads.incrementAndGet();
                return catalog.find(sku);
            }

            @Override
            public Optional<ProductDetails.Warehouse> warehouse(String code) {
                return catalog.warehouse(code);
            }
        };
    }
}
