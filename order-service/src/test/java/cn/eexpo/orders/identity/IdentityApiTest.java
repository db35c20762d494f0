package cn.eexpo.orders.identity;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.orders.Buyers;
import cn.eexpo.orders.Buyers.Buyer;
import cn.eexpo.orders.OrdersTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** A buyer registers a real-name identity; it is stored sealed, hashed and masked, and shown masked. */
@OrdersTest
class IdentityApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Identities identities;

    @Test
    void registersAnIdentityAndShowsItMasked() {
        Buyer buyer = Buyers.newBuyer(port);
        String idNumber = TestIdNumbers.random();

        ResponseEntity<Map<String, Object>> registered = register(buyer.http(), "张三", spaced(idNumber), "13800138000");

        assertThat(registered.getStatusCode().value()).isEqualTo(200);
        String masked = idNumber.substring(0, 4) + "**********" + idNumber.substring(14);
        assertThat(registered.getBody()).isEqualTo(Map.of("name", "张三", "idNumber", masked, "phone", "138****8000"));
        Map<String, Object> me = buyer.http().get().uri("/api/v1/me").retrieve().body(JSON);
        assertThat(me.get("identity")).isEqualTo(registered.getBody());

        Map<String, Object> row =
                jdbc.sql("""
                        select b.* from buyer_identity b join account a on a.id = b.account_id where a.email = :email
                        """).param("email", buyer.email()).query().singleRow();
        assertThat(row.values())
                .noneSatisfy(value -> assertThat(String.valueOf(value)).contains(idNumber));
        assertThat((String) row.get("id_number_hash")).matches("[0-9a-f]{64}");
        assertThat(row.get("id_number_masked")).isEqualTo(masked);
        assertThat(identities.unseal((String) row.get("id_number_sealed"))).isEqualTo(idNumber);
        BuyerIdentity identity = identities.of((Long) row.get("account_id")).orElseThrow();
        assertThat(identity.phone()).isEqualTo("13800138000");
        assertThat(identity.toString()).doesNotContain(idNumber).contains(masked);
    }

    @Test
    void replacesTheIdentityAndKeepsItWhenTheNewOneIsRefused() {
        Buyer buyer = Buyers.newBuyer(port);
        String first = TestIdNumbers.random();
        String second = TestIdNumbers.random();
        register(buyer.http(), "张三", first, "13800138000");

        assertThat(register(buyer.http(), "李四", second.toLowerCase(), "+86 139 1234 5678")
                        .getBody())
                .containsEntry("name", "李四")
                .containsEntry("phone", "139****5678");

        ResponseEntity<Map<String, Object>> refused =
                register(buyer.http(), "王五", TestIdNumbers.withWrongCheckDigit(first), "13800138000");
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody())
                .containsEntry("field", "idNumber")
                .containsEntry("title", "Identity not accepted");
        assertThat((String) refused.getBody().get("detail")).contains("check digit");
        assertThat(refused.getBody().toString()).doesNotContain(first.substring(0, 17));

        Map<String, Object> me = buyer.http().get().uri("/api/v1/me").retrieve().body(JSON);
        assertThat(me.get("identity"))
                .isInstanceOfSatisfying(
                        Map.class, identity -> assertThat(identity).containsEntry("name", "李四"));
    }

    @Test
    void refusesABadNameOrPhoneNamingTheField() {
        Buyer buyer = Buyers.newBuyer(port);

        assertThat(register(buyer.http(), "张", TestIdNumbers.random(), "13800138000")
                        .getBody())
                .containsEntry("field", "name");
        assertThat(register(buyer.http(), "张三", TestIdNumbers.random(), "12345").getBody())
                .containsEntry("field", "phone");
        assertThat(register(buyer.http(), "张三", "", "13800138000").getBody()).containsEntry("field", "idNumber");
    }

    @Test
    void registeringNeedsASignedInAccount() {
        ResponseEntity<Map<String, Object>> response =
                register(Buyers.anonymous(port), "张三", TestIdNumbers.random(), "13800138000");

        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void validatesANameAndIdNumberWithoutStoringAnything() {
        long before = jdbc.sql("select count(*) from buyer_identity")
                .query(Long.class)
                .single();
        String valid = TestIdNumbers.random();

        assertThat(validate(Map.of("name", "买买提·艾力", "idNumber", valid)))
                .containsEntry("valid", true)
                .containsEntry("reason", null);
        assertThat(validate(Map.of("name", "张三", "idNumber", TestIdNumbers.withWrongCheckDigit(valid))))
                .containsEntry("valid", false)
                .containsEntry("field", "idNumber")
                .hasEntrySatisfying(
                        "reason", reason -> assertThat((String) reason).contains("check digit"));
        assertThat(validate(Map.of("name", "张三", "idNumber", "410105199002301234")))
                .containsEntry("valid", false)
                .hasEntrySatisfying(
                        "reason", reason -> assertThat((String) reason).contains("not a real date"));
        assertThat(validate(Map.of("name", "1", "idNumber", valid)))
                .containsEntry("valid", false)
                .containsEntry("field", "name");
        assertThat(validate(Map.of())).containsEntry("valid", false);

        assertThat(jdbc.sql("select count(*) from buyer_identity")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    private Map<String, Object> validate(Map<String, String> body) {
        ResponseEntity<Map<String, Object>> response = Buyers.anonymous(port)
                .post()
                .uri("/api/v1/identity/validate")
                .body(body)
                .retrieve()
                .toEntity(JSON);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        return response.getBody();
    }

    static ResponseEntity<Map<String, Object>> register(RestClient http, String name, String idNumber, String phone) {
        return http.put()
                .uri("/api/v1/me/identity")
                .body(Map.of("name", name, "idNumber", idNumber, "phone", phone))
                .retrieve()
                .toEntity(JSON);
    }

    /** {@code 410105 19900307 123X}, as some people type it. */
    static String spaced(String idNumber) {
        return idNumber.substring(0, 6) + " " + idNumber.substring(6, 14) + " " + idNumber.substring(14);
    }
}
