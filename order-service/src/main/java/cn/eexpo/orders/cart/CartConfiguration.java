package cn.eexpo.orders.cart;

import cn.eexpo.catalog.ProductCatalog;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.resource.ClientResources;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.data.redis.autoconfigure.DataRedisConnectionDetails;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The cart store's own Lettuce client on the {@code spring.data.redis.*} server (standalone Redis: the merge script
 * touches two carts, which a Redis Cluster would need in one slot), sharing Spring's Netty event loops. Its own client
 * so that it can reject commands while disconnected (a 503 at once rather than a queue) and time out in
 * {@code spring.data.redis.timeout} (default 2 s).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CartProperties.class)
class CartConfiguration {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

    @Bean(destroyMethod = "close")
    RedisCartStore redisCartStore(
            CartProperties properties,
            DataRedisConnectionDetails connection,
            DataRedisProperties redis,
            ClientResources resources) {
        Duration timeout = redis.getTimeout() == null ? DEFAULT_TIMEOUT : redis.getTimeout();
        Duration connectTimeout = redis.getConnectTimeout() == null ? DEFAULT_TIMEOUT : redis.getConnectTimeout();
        DataRedisConnectionDetails.Standalone server = connection.getStandalone();
        RedisURI.Builder uri = RedisURI.builder()
                .withHost(server.getHost())
                .withPort(server.getPort())
                .withDatabase(server.getDatabase())
                .withTimeout(timeout)
                .withSsl(connection.getSslBundle() != null || redis.getSsl().isEnabled());
        if (connection.getPassword() != null) {
            if (connection.getUsername() != null) {
                uri.withAuthentication(
                        connection.getUsername(), connection.getPassword().toCharArray());
            } else {
                uri.withPassword(connection.getPassword().toCharArray());
            }
        }
        RedisClient client = RedisClient.create(resources, uri.build());
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(
                        SocketOptions.builder().connectTimeout(connectTimeout).build())
                .timeoutOptions(TimeoutOptions.enabled(timeout))
                .build());
        return new RedisCartStore(client, properties, timeout);
    }

    @Bean
    RedisCarts carts(RedisCartStore store, ProductCatalog catalog) {
        return new RedisCarts(store, catalog);
    }
}
