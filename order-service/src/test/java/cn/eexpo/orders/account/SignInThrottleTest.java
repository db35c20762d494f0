package cn.eexpo.orders.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.orders.Buyers;
import cn.eexpo.orders.OrdersTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** Failed sign-ins counted in Redis: HTTP Basic on the API locked with a 429 after five failures for one address. */
@OrdersTest
class SignInThrottleTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    StringRedisTemplate redis;

    @Autowired
    SignInThrottle throttle;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOne() {
        String email = Buyers.newBuyer(port).email();
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(me(email, "Wrong-password-" + attempt).getStatusCode().value())
                    .as("attempt %d", attempt)
                    .isEqualTo(401);
        }

        ResponseEntity<Map<String, Object>> locked = me(email, Buyers.PASSWORD);

        assertThat(locked.getStatusCode().value()).isEqualTo(429);
        assertThat(locked.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        long retryAfter = Long.parseLong(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
        assertThat(retryAfter).isBetween(1L, Duration.ofMinutes(15).toSeconds());
        assertThat(locked.getBody())
                .containsEntry("status", 429)
                .containsEntry("title", "Too many sign-in attempts")
                .containsEntry("instance", "/api/v1/me");
        assertThat(locked.getBody().toString()).doesNotContain(Buyers.PASSWORD).doesNotContain(email);
        // Whatever the case or spaces of the address: it is one account.
        assertThat(me(" " + email.toUpperCase() + " ", Buyers.PASSWORD)
                        .getStatusCode()
                        .value())
                .isEqualTo(429);
        // The count lives in Redis, under a hash of the address, with the window as its expiry.
        String key = SignInThrottle.emailKey(email);
        assertThat(key).doesNotContain(email).doesNotContain("@");
        assertThat(redis.opsForValue().get(key)).isEqualTo("5");
        assertThat(redis.getExpire(key)).isBetween(1L, Duration.ofMinutes(15).toSeconds());

        // Once the window is over (here: the key expires), the right password signs in again.
        redis.delete(key);
        assertThat(me(email, Buyers.PASSWORD).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void aSuccessfulSignInForgetsTheFailures() {
        String email = Buyers.newBuyer(port).email();
        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(me(email, "Wrong-password-" + attempt).getStatusCode().value())
                    .isEqualTo(401);
        }

        assertThat(me(email, Buyers.PASSWORD).getStatusCode().value()).isEqualTo(200);
        assertThat(redis.hasKey(SignInThrottle.emailKey(email))).isFalse();

        for (int attempt = 1; attempt <= 4; attempt++) {
            assertThat(me(email, "Wrong-password-" + attempt).getStatusCode().value())
                    .isEqualTo(401);
        }
        assertThat(me(email, Buyers.PASSWORD).getStatusCode().value()).isEqualTo(200);
    }

    @Test
    void unknownAddressesAreCountedLikeKnownOnes() {
        String nobody = "nobody-" + UUID.randomUUID() + "@example.com";
        for (int attempt = 1; attempt <= 5; attempt++) {
            assertThat(me(nobody, Buyers.PASSWORD).getStatusCode().value()).isEqualTo(401);
        }

        assertThat(me(nobody, Buyers.PASSWORD).getStatusCode().value()).isEqualTo(429);
    }

    @Test
    void oneClientTryingManyAddressesIsLockedAtItsOwnLimit() {
        var strict = new SignInThrottle(redis, new SignInThrottleProperties(5, 3, Duration.ofMinutes(15)));
        String client = "198.51.100." + UUID.randomUUID(); // a client of its own in the shared Redis
        String other = "203.0.113." + UUID.randomUUID();
        for (int attempt = 1; attempt <= 3; attempt++) {
            assertThat(strict.lockedFor("guess-" + attempt + "@example.com", client))
                    .isEmpty();
            strict.failed("guess-" + attempt + "@example.com", client);
        }

        String fresh = "fresh-" + UUID.randomUUID() + "@example.com";
        assertThat(strict.lockedFor(fresh, client))
                .hasValueSatisfying(wait -> assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofMinutes(15)));
        assertThat(strict.lockedFor(fresh, other)).isEmpty();
        redis.delete(SignInThrottle.addressKey(client));
    }

    @Test
    void masksAddressesForTheLog() {
        assertThat(SignInThrottle.mask("mei.lin@example.com")).isEqualTo("m***@example.com");
        assertThat(SignInThrottle.mask("not-an-address")).isEqualTo("***");
    }

    /**
     * {@code GET /api/v1/me} with HTTP Basic, through the JDK's client: Apache's (the default) would honour the 429's
     * {@code Retry-After} by waiting and retrying.
     */
    private ResponseEntity<Map<String, Object>> me(String email, String password) {
        return RestClient.builder()
                .requestFactory(new JdkClientHttpRequestFactory())
                .baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth(email, password, StandardCharsets.UTF_8))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build()
                .get()
                .uri("/api/v1/me")
                .retrieve()
                .toEntity(JSON);
    }
}
