package cn.eexpo;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.sandbox.stripe.StripeSandboxInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;

/** Elasticsearch unreachable (nothing listens on its port): the marketplace still starts and says what is down. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.elasticsearch.uris=http://127.0.0.1:9", "spring.elasticsearch.connection-timeout=500ms"})
@ContextConfiguration(initializers = StripeSandboxInitializer.class)
class ElasticsearchDownTest {

    @LocalServerPort
    int port;

    private RestClient http() {
        return LocalHttp.on(port);
    }

    @Test
    void healthNamesElasticsearchAsTheComponentThatIsDown() {
        var response = http().get().uri("/actuator/health").retrieve().toEntity(JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        @SuppressWarnings("unchecked")
        var components = (Map<String, Map<String, Object>>) response.getBody().get("components");
        assertThat(components.get("elasticsearch")).containsEntry("status", "DOWN");
        assertThat(components.get("db")).containsEntry("status", "UP");
        assertThat(components.get("redis")).containsEntry("status", "UP");
        assertThat(components.get("rabbit")).containsEntry("status", "UP");
    }

    @Test
    void searchAnswers503WithAClearMessageAndTheHomePageStillLoads() {
        var search = http().get().uri("/api/v1/catalog/search?q=奶粉").retrieve().toEntity(JSON);

        assertThat(search.getStatusCode().value()).isEqualTo(503);
        assertThat(search.getBody()).containsEntry("detail", "Search is temporarily unavailable.");
        assertThat(LocalHttp.statusOf(http(), "/")).isEqualTo(200);
    }

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
}
