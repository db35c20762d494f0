package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.web.client.RestClient;

@CatalogTest
class ProductChangesTest {

    static final Sku GRANGE = Sku.of("EX-WI-00010");

    @Autowired
    ProductAdministration administration;

    @Autowired
    ProductCatalog catalog;

    @Autowired
    ProductSearch search;

    @LocalServerPort
    int port;

    Money originalPrice;

    @BeforeEach
    void rememberPrice() {
        originalPrice = catalog.find(GRANGE).orElseThrow().priceInFen();
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> originalPrice.yuan().equals(priceInSearch()));
    }

    @AfterEach
    void restore() {
        administration.changeStatus(GRANGE, ProductAdministration.Status.LISTED);
        administration.changePrice(GRANGE, originalPrice);
    }

    @Test
    void aNewPriceReachesSearchWithoutARebuild() {
        administration.changePrice(GRANGE, Money.ofYuan("4999.00"));

        await().atMost(Duration.ofSeconds(30)).until(() -> new BigDecimal("4999.00").equals(priceInSearch()));
        assertThat(catalog.find(GRANGE).orElseThrow().price()).isEqualByComparingTo("4999.00");
    }

    @Test
    void aDelistedProductLeavesSearchAndItsPage() {
        administration.changeStatus(GRANGE, ProductAdministration.Status.DELISTED);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> search.search(SearchQuery.text("Penfolds Grange", 0, 20)).items().stream()
                        .noneMatch(item -> item.sku().equals(GRANGE.value())));
        assertThat(catalog.find(GRANGE)).isEmpty();
    }

    @Test
    void aPriceOfZeroOrAnUnknownSkuIsRefused() {
        assertThatThrownBy(() -> administration.changePrice(GRANGE, Money.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a price is above 0");
        assertThatThrownBy(() -> administration.changePrice(Sku.of("NO-SUCH-SKU"), Money.ofYuan("1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("NO-SUCH-SKU");
    }

    @Test
    void theProductPageCarriesTheCustomsFacts() {
        RestClient http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();

        Map<String, Object> page = http.get()
                .uri("/api/v1/catalog/products/EX-IF-00001")
                .retrieve()
                .body(new ParameterizedTypeReference<>() {});
        var missing = http.get()
                .uri("/api/v1/catalog/products/NO-SUCH-SKU")
                .retrieve()
                .toEntity(String.class);

        assertThat(page)
                .containsEntry("hsCode", "1901101000")
                .containsEntry("tradeMode", "1210")
                .containsEntry("currency", "CNY")
                .containsKeys("origin", "warehouse", "netWeightKg", "vatRate", "itemRecordNo", "available");
        assertThat(missing.getStatusCode().value()).isEqualTo(404);
    }

    /** The price search shows, or null while the product is not (yet) in the index. */
    private @Nullable BigDecimal priceInSearch() {
        return search.search(SearchQuery.text("Penfolds Grange", 0, 20)).items().stream()
                .filter(item -> item.sku().equals(GRANGE.value()))
                .findFirst()
                .map(SearchResult.Item::price)
                .orElse(null);
    }
}
