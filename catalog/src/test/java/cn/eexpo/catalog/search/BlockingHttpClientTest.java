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
        var http = http(List.of(UNREACHABLE, node()));
        try (var es = new ElasticsearchClient(new BlockingTransport(http, mapper))) {
            // The first request's turn falls on the unreachable node: it fails there and is answered by the next.
            assertThat(es.cluster().health().status()).isNotEqualTo(HealthStatus.Red);
            for (int i = 0; i < 4; i++) {
                assertThat(http.order(null))
                        .as("the unreachable node is tried last, whoever's turn it is")
                        .containsExactly(1, 0);
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
        return new ElasticsearchClient(new BlockingTransport(http(nodes), mapper));
    }

    private BlockingHttpClient http(List<URI> nodes) {
        return new BlockingHttpClient(
                nodes,
                BlockingHttpClient.basic(connection.getUsername(), connection.getPassword()),
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                4,
                null);
    }
}
