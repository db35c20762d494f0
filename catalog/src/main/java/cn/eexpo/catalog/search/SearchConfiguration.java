package cn.eexpo.catalog.search;

import co.elastic.clients.json.JsonpMapper;
import co.elastic.clients.transport.ElasticsearchTransport;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpHeaders;
import org.apache.hc.core5.http.message.BasicHeader;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchConnectionDetails;
import org.springframework.boot.elasticsearch.autoconfigure.ElasticsearchProperties;
import org.springframework.boot.elasticsearch.autoconfigure.Rest5ClientBuilderCustomizer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(SearchProperties.class)
class SearchConfiguration {

    /** Connections to Elasticsearch for searches and index administration (bulk loading has its own client). */
    private static final int MAX_CONNECTIONS = 50;

    /** The Elasticsearch client's transport: blocking requests on the caller's thread ({@link BlockingHttpClient}). */
    @Bean
    ElasticsearchTransport elasticsearchTransport(
            ElasticsearchConnectionDetails connection, ElasticsearchProperties properties, JsonpMapper mapper) {
        String prefix = connection.getPathPrefix() == null ? "" : connection.getPathPrefix();
        List<URI> nodes = connection.getNodes().stream()
                .map(node -> URI.create(node.protocol().name().toLowerCase(Locale.ROOT) + "://" + node.hostname() + ":"
                        + node.port() + prefix))
                .toList();
        String authorization = connection.getApiKey() != null
                ? "ApiKey " + connection.getApiKey()
                : BlockingHttpClient.basic(connection.getUsername(), connection.getPassword());
        SslBundle ssl = connection.getSslBundle();
        return new BlockingTransport(
                new BlockingHttpClient(
                        nodes,
                        authorization,
                        properties.getConnectionTimeout(),
                        properties.getSocketTimeout(),
                        MAX_CONNECTIONS,
                        ssl == null ? null : ssl.createSslContext()),
                mapper);
    }

    /**
     * Sends the user name and password with every request of Spring Boot's own Elasticsearch client, which the bulk
     * loading of a rebuild and the health check use (searches go through {@link #elasticsearchTransport}, which does
     * the same). Spring Boot gives them to the HTTP client
     * as credentials to answer a challenge with, so every request went out twice: first without them, answered 401,
     * then again with them (4,634 requests reached the node for 2,310 searches), which doubled the round trips of
     * every search and sent every bulk body twice. With an API key Spring Boot already sends its header up front.
     */
    @Bean
    Rest5ClientBuilderCustomizer credentialsUpFront(ElasticsearchConnectionDetails connection) {
        return builder -> {
            String basic = BlockingHttpClient.basic(connection.getUsername(), connection.getPassword());
            if (basic != null && connection.getApiKey() == null) {
                builder.setDefaultHeaders(new Header[] {new BasicHeader(HttpHeaders.AUTHORIZATION, basic)});
            }
        };
    }
}
