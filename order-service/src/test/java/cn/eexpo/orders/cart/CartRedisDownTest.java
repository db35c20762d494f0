package cn.eexpo.orders.cart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.OrdersTestApplication;
import cn.eexpo.sandbox.stripe.StripeSandboxInitializer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/** Redis unreachable (nothing listens on its port): the application starts, and the cart API says it is unavailable. */
@SpringBootTest(
        classes = OrdersTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.data.redis.port=9", "spring.data.redis.connect-timeout=500ms"})
@ContextConfiguration(initializers = StripeSandboxInitializer.class)
class CartRedisDownTest {

    @LocalServerPort
    int port;

    @Autowired
    Carts carts;

    @Test
    void theCartApiAnswers503WithAClearMessage() {
        // The JDK client: Apache HttpClient (Spring's default when present) would wait out Retry-After and ask again.
        RestClient http = RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        String cookie = CartController.COOKIE + "=" + CartOwner.newAnonymous().id();

        for (int attempt = 0; attempt < 2; attempt++) {
            var read = http.get()
                    .uri("/api/v1/cart")
                    .header(HttpHeaders.COOKIE, cookie)
                    .retrieve()
                    .toEntity(JsonNode.class);
            assertThat(read.getStatusCode().value()).isEqualTo(503);
            assertThat(read.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(read.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
            assertThat(read.getBody().get("title").asString()).isEqualTo("Cart unavailable");
            assertThat(read.getBody().get("detail").asString())
                    .isEqualTo("The cart is temporarily unavailable; please try again in a moment.");
        }

        var write = http.post()
                .uri("/api/v1/cart/lines")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("sku", "EX-IF-00001"))
                .retrieve()
                .toEntity(JsonNode.class);
        assertThat(write.getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void everyCartOperationFailsFastWithCartUnavailable() {
        CartOwner owner = CartOwner.newAnonymous();

        assertThatThrownBy(() -> carts.get(owner)).isInstanceOf(CartUnavailableException.class);
        assertThatThrownBy(() -> carts.add(owner, new Sku("EX-IF-00001"), 1))
                .isInstanceOf(CartUnavailableException.class);
        assertThatThrownBy(() -> carts.clear(owner)).isInstanceOf(CartUnavailableException.class);
    }
}
