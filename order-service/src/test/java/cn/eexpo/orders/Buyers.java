package cn.eexpo.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.RestClient;

/** HTTP clients for the orders API under test, anonymous or signed in as a freshly opened account. */
public final class Buyers {

    public static final String PASSWORD = "Correct-Horse-9";

    private Buyers() {}

    /** A client that hands back every status instead of throwing on 4xx and 5xx. */
    public static RestClient anonymous(int port) {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    public static RestClient signedIn(int port, String email, String password) {
        String credentials =
                Base64.getEncoder().encodeToString((email + ":" + password).getBytes(StandardCharsets.UTF_8));
        return anonymous(port)
                .mutate()
                .defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + credentials)
                .build();
    }

    /** A freshly opened account and a client signed in to it. */
    public record Buyer(String email, RestClient http) {}

    /** Opens an account with a unique e-mail address. */
    public static Buyer newBuyer(int port) {
        String email = "buyer-" + UUID.randomUUID() + "@example.com";
        int status = anonymous(port)
                .post()
                .uri("/api/v1/accounts")
                .body(Map.of("email", email, "password", PASSWORD, "displayName", "Test buyer"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
        assertThat(status).isEqualTo(201);
        return new Buyer(email, signedIn(port, email, PASSWORD));
    }
}
