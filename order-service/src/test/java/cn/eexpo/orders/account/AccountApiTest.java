package cn.eexpo.orders.account;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.orders.Buyers;
import cn.eexpo.orders.OrdersTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sign-up, HTTP Basic sign-in and the signed-in account, through the REST API against PostgreSQL. */
@OrdersTest
class AccountApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signsUpWithALowercaseAddressAndAHashedPasswordThenSignsIn() {
        String local = "Mei.Lin-" + UUID.randomUUID();
        ResponseEntity<Map<String, Object>> created = signUp(
                Map.of("email", "  " + local + "@Example.COM ", "password", "Zhengzhou2026", "displayName", "林梅"));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/me");
        String email = (local + "@example.com").toLowerCase();
        assertThat(created.getBody()).containsEntry("email", email).containsEntry("displayName", "林梅");
        String hash = jdbc.sql("select password_hash from account where email = :email")
                .param("email", email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("{bcrypt}$2").doesNotContain("Zhengzhou2026");

        Map<String, Object> me = Buyers.signedIn(port, email.toUpperCase(), "Zhengzhou2026")
                .get()
                .uri("/api/v1/me")
                .retrieve()
                .body(JSON);
        assertThat(me).containsEntry("identity", null);
        assertThat(me.get("account"))
                .isEqualTo(Map.of("id", created.getBody().get("id"), "email", email, "displayName", "林梅"));
    }

    @Test
    void aTakenAddressIsAConflictWhateverItsCase() {
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        assertThat(signUp(Map.of("email", email, "password", "Zhengzhou2026", "displayName", "A"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);

        ResponseEntity<Map<String, Object>> again =
                signUp(Map.of("email", email.toUpperCase(), "password", "Other-password-1", "displayName", "B"));

        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(again.getBody()).containsEntry("field", "email");
    }

    /** An e-mail of {@code @} stands for a fresh address of its own. */
    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "''             | Secret-2026-x  | Lin | email       | required",
                "not-an-address | Secret-2026-x  | Lin | email       | not an e-mail address",
                "@              | Ab1-short      | Lin | password    | at least 10 characters",
                "@              | Short-1        | Lin | password    | at least 10 characters",
                "@              | alllowercase   | Lin | password    | at least two kinds",
                "@              | 1234567890123  | Lin | password    | at least two kinds",
                "@              | 密码密码密码密码密码密码密码密码密码密码密码密码密码1 | Lin | password | at most 72 bytes",
                "@              | Secret-2026-x  | ' ' | displayName | required"
            })
    void refusesABadSignUpNamingTheField(String email, String password, String name, String field, String reason) {
        String address = email.equals("@") ? "refused-" + UUID.randomUUID() + "@example.com" : email;

        ResponseEntity<Map<String, Object>> refused =
                signUp(Map.of("email", address, "password", password, "displayName", name));

        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getBody()).containsEntry("field", field);
        assertThat((String) refused.getBody().get("detail"))
                .startsWith(field + ": ")
                .contains(reason);
        assertThat(refused.getBody().toString()).doesNotContain(password);
    }

    @Test
    void theAccountNeedsTheRightPassword() {
        String email = Buyers.newBuyer(port).email();

        ResponseEntity<Map<String, Object>> anonymous =
                Buyers.anonymous(port).get().uri("/api/v1/me").retrieve().toEntity(JSON);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE))
                .startsWith("Basic realm=");
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getBody())
                .containsEntry("status", 401)
                .containsEntry("instance", "/api/v1/me")
                .containsKey("detail");
        assertThat(Buyers.signedIn(port, email, "Wrong-password-1")
                        .get()
                        .uri("/api/v1/me")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(Buyers.signedIn(port, "nobody-" + UUID.randomUUID() + "@example.com", Buyers.PASSWORD)
                        .get()
                        .uri("/api/v1/me")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        ResponseEntity<Map<String, Object>> response = Buyers.anonymous(port)
                .post()
                .uri("/api/v1/accounts")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"a@example.com\", \"password\": Secret-2026-x}")
                .retrieve()
                .toEntity(JSON);

        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody().get("detail")).isEqualTo("The request body is missing or is not valid JSON.");
    }

    private ResponseEntity<Map<String, Object>> signUp(Map<String, String> body) {
        return Buyers.anonymous(port)
                .post()
                .uri("/api/v1/accounts")
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }
}
