package cn.eexpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

@MarketplaceTest
class MarketplaceOnRealServicesTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Value("${eexpo.search.index}")
    String searchAlias;

    RestClient http;

    @BeforeEach
    void client() {
        http = LocalHttp.on(port);
    }

    @Test
    void healthIsUpWithDatabaseRedisElasticsearchAndRabbitMq() {
        Map<String, Object> health =
                http.get().uri("/actuator/health").retrieve().body(JSON);

        assertThat(health).containsEntry("status", "UP");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) health.get("components");
        for (String component : List.of("db", "redis", "elasticsearch", "rabbit")) {
            assertThat(components.get(component)).as(component).containsEntry("status", "UP");
        }
    }

    @Test
    void demoCatalogIsLoadedIntoPostgresqlOnFirstStart() {
        long products = jdbc.sql("select count(*) from product where status = 'LISTED'")
                .query(Long.class)
                .single();
        List<String> topCategories = jdbc.sql(
                        "select distinct c.parent_code from product p join category c on c.code = p.category_code")
                .query(String.class)
                .list();
        long exhibitors =
                jdbc.sql("select count(*) from exhibitor").query(Long.class).single();
        long offList = jdbc.sql("select count(*) from product p where not exists"
                        + " (select 1 from positive_list_entry e where e.hs_code = p.hs_code)")
                .query(Long.class)
                .single();

        assertThat(products).isGreaterThanOrEqualTo(300);
        assertThat(topCategories)
                .containsExactlyInAnyOrder(
                        "maternal-infant", "beauty", "health", "drinks", "food", "home", "personal-care");
        assertThat(exhibitors).isEqualTo(3);
        assertThat(offList)
                .as("products whose HS code is not on the positive list")
                .isZero();
    }

    @Test
    void chineseSearchForInfantFormulaIsAnsweredByElasticsearch() throws IOException {
        SearchPage page = awaitHits("奶粉");

        assertThat(page.items()).first().satisfies(first -> {
            assertThat(first.name()).contains("奶粉");
            assertThat(first.hsCode()).isEqualTo("1901101000");
        });
        long indexed = elasticsearch.count(c -> c.index(searchAlias)).count();
        long listed = jdbc.sql("select count(*) from product where status = 'LISTED'")
                .query(Long.class)
                .single();
        assertThat(indexed).as("documents behind the search alias").isEqualTo(listed);
    }

    @Test
    void englishAndMisspelledSearchesFindTheSameGoods() {
        assertThat(awaitHits("infant formula").items())
                .first()
                .satisfies(first -> assertThat(first.hsCode()).isEqualTo("1901101000"));
        assertThat(awaitHits("Aptamill").items())
                .first()
                .satisfies(first -> assertThat(first.nameEn()).contains("Aptamil"));
    }

    @Test
    void searchRefusesAPageSizeOverOneHundredWithAReason() {
        var response = http.get()
                .uri("/api/v1/catalog/search?q=wine&size=500")
                .retrieve()
                .toEntity(String.class);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).contains("size is between 1 and 100");
    }

    @Test
    void homePageAndOpenApiDocumentAreServed() {
        assertThat(LocalHttp.statusOf(http, "/")).isEqualTo(200);
        String openApi = http.get().uri("/v3/api-docs").retrieve().body(String.class);
        assertThat(openApi).contains("/api/v1/catalog/search");
    }

    /** Waits through 503 "the index is being built" answers, as a client would, until the search finds something. */
    private SearchPage awaitHits(String q) {
        return await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(
                        () -> http.get()
                                .uri(b -> b.path("/api/v1/catalog/search")
                                        .queryParam("q", q)
                                        .build())
                                .exchange((request, response) ->
                                        response.getStatusCode().is2xxSuccessful()
                                                ? response.bodyTo(SearchPage.class)
                                                : null),
                        page -> page != null && page.total() > 0);
    }

    record SearchPage(long total, List<Hit> items) {}

    record Hit(String sku, String name, String nameEn, String hsCode) {}

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
}
