package cn.eexpo.orders;

import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.identity.TestIdNumbers;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** Fresh buyers for each test (a new ID number each, so that no test eats another's annual quota). */
@Component
public class TestBuyers {

    private final Accounts accounts;
    private final Identities identities;
    private final Environment environment;

    TestBuyers(Accounts accounts, Identities identities, Environment environment) {
        this.accounts = accounts;
        this.identities = identities;
        this.environment = environment;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + environment.getRequiredProperty("local.server.port");
    }

    public record Buyer(long accountId, String email, String password, String idNumber, RestClient api) {}

    /** A buyer with an account and a registered real-name identity. */
    public Buyer withIdentity() {
        var buyer = withoutIdentity();
        identities.register(buyer.accountId(), "张伟", buyer.idNumber(), "13800138000");
        return buyer;
    }

    public Buyer withoutIdentity() {
        var random = ThreadLocalRandom.current();
        var email = "buyer-" + Long.toString(random.nextLong() & Long.MAX_VALUE, 36) + "@example.cn";
        var password = "Correct-Horse-" + random.nextInt(1_000_000);
        var account = accounts.signUp(email, password, "Test Buyer");
        var api = RestClient.builder()
                .baseUrl(baseUrl())
                .defaultHeaders(h -> h.setBasicAuth(email, password))
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
        return new Buyer(account.id(), email, password, idNumber(), api);
    }

    public RestClient anonymous() {
        return RestClient.builder()
                .baseUrl(baseUrl())
                .defaultHeader(HttpHeaders.ACCEPT, "application/json")
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /**
     * A buyer made the way an API client makes one, over HTTP against the application at {@code baseUrl} (which may
     * be another process): an account ({@code POST /api/v1/accounts}) and a real-name identity
     * ({@code PUT /api/v1/me/identity}). The returned client signs in with HTTP Basic and never throws for a status.
     */
    public static Buyer overHttp(String baseUrl, String emailPrefix) {
        var email = emailPrefix + "-" + UUID.randomUUID().toString().substring(0, 12) + "@example.cn";
        var password = "Correct-Horse-Battery-9";
        var signUp = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultStatusHandler(s -> true, (q, r) -> {})
                .build()
                .post()
                .uri("/api/v1/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email, "password", password, "displayName", "Test Buyer"))
                .retrieve()
                .toEntity(Map.class);
        if (signUp.getStatusCode().value() != 201) {
            throw new IllegalStateException("signing up " + email + " answered " + signUp.getStatusCode());
        }
        var api = RestClient.builder()
                .baseUrl(baseUrl)
                .defaultHeaders(h -> h.setBasicAuth(email, password))
                .defaultStatusHandler(s -> true, (q, r) -> {})
                .build();
        var idNumber = idNumber();
        var identity = api.put()
                .uri("/api/v1/me/identity")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "张伟", "idNumber", idNumber, "phone", "13800138000"))
                .retrieve()
                .toBodilessEntity();
        if (!identity.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(
                    "registering the identity of " + email + " answered " + identity.getStatusCode());
        }
        var id = ((Number) signUp.getBody().get("id")).longValue();
        return new Buyer(id, email, password, idNumber, api);
    }

    /** A random ID number with a valid birth date and GB 11643 check digit. */
    public static String idNumber() {
        return TestIdNumbers.random();
    }
}
