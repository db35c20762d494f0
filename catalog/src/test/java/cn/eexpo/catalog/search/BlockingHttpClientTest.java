package cn.eexpo.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.catalog.CatalogTest;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.json.JsonpMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;

/** The blocking transport against the real node, with a node that cannot be reached beside it. */
@CatalogTest
class BlockingHttpClientTest {

    /** Nothing listens on port 1. */
    private static final URI UNREACHABLE = URI.create("http://127.0.0.1:1");

    @Autowired
    ElasticsearchConnectionDetails connection;

    @Autowired
    JsonpMapper mapper;

    @Test
    void aNodeThatCannotBeReachedIsSkippedAndTheRequestGoesToTheNext() throws Exception {
        try (var es = client(List.of(UNREACHABLE, node()))) {
            for (int i = 0; i < 4; i++) {
                assertThat(es.cluster().health().status()).isNotEqualTo(HealthStatus.Red);
            }
            assertThat(es.indices().exists(e -> e.index("eexpo-no-such-index")).value())
                    .as("HEAD requests, and a 404 that is an answer, not a failure")
                    .isFalse();
        }
    }

    @Test
    void withNoNodeReachableTheRequestFails() throws Exception {
        try (var es = client(List.of(UNREACHABLE))) {
            assertThatThrownBy(() -> es.cluster().health()).isInstanceOf(IOException.class);
        }
    }

    private URI node() {
        var node = connection.getNodes().getFirst();
        return URI.create("http://" + node.hostname() + ":" + node.port());
    }

    private ElasticsearchClient client(List<URI> nodes) {
        var http = new BlockingHttpClient(
                nodes,
                BlockingHttpClient.basic(connection.getUsername(), connection.getPassword()),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                4,
                null);
        return new ElasticsearchClient(new BlockingTransport(http, mapper));
    }
}
