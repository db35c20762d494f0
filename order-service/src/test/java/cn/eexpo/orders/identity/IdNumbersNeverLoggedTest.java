package cn.eexpo.orders.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.orders.Buyers;
import cn.eexpo.orders.Buyers.Buyer;
import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.account.Accounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

/**
 * ID numbers never reach a log line: registering valid and invalid ones through the service and the REST API, with
 * errors of every kind, at INFO for everything and DEBUG for this application's own code.
 */
@OrdersTest
@ExtendWith(OutputCaptureExtension.class)
class IdNumbersNeverLoggedTest {

    @LocalServerPort
    int port;

    @Autowired
    Identities identities;

    @Autowired
    Accounts accounts;

    @Autowired
    LoggingSystem logging;

    final List<String> used = new ArrayList<>();

    @BeforeEach
    void verbose() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        logging.setLogLevel("cn.eexpo", LogLevel.DEBUG);
    }

    @AfterEach
    void quiet() {
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.WARN);
        logging.setLogLevel("cn.eexpo", LogLevel.INFO);
    }

    @Test
    void noIdNumberAppearsInTheLogs(CapturedOutput output) {
        Buyer buyer = Buyers.newBuyer(port);
        RestClient http = buyer.http();
        long accountId = accounts.byEmail(buyer.email()).orElseThrow().id();

        String valid = use(TestIdNumbers.random());
        String lowercase = use(TestIdNumbers.random().replace('X', 'x'));
        String wrongCheckDigit = use(TestIdNumbers.withWrongCheckDigit(TestIdNumbers.random()));
        String badDate = use("41010519900230" + "1234");
        String future = use(TestIdNumbers.random().substring(0, 6) + "20991231" + "1234");

        // The service, valid and not.
        identities.register(accountId, "张三", valid, "13800138000");
        assertThatThrownBy(() -> identities.register(accountId, "张三", wrongCheckDigit, "13800138000"))
                .isInstanceOf(InvalidIdentityException.class);
        assertThatThrownBy(() -> identities.register(accountId, "张", valid, "13800138000"))
                .isInstanceOf(InvalidIdentityException.class);

        // The REST API: accepted, refused, malformed, of the wrong type, unauthenticated, checked.
        assertThat(put(http, json("张三", IdentityApiTest.spaced(lowercase), "13800138000")))
                .isEqualTo(200);
        for (String refused : List.of(wrongCheckDigit, badDate, future)) {
            assertThat(put(http, json("李四", refused, "13800138000"))).isEqualTo(400);
        }
        assertThat(put(http, json("李四", valid, "not a phone"))).isEqualTo(400);
        assertThat(put(http, "{\"name\": \"李四\", \"idNumber\": " + badDate + ", \"phone\": \"13800138000\"}"))
                .isEqualTo(400);
        assertThat(put(http, "{\"name\": \"李四\", \"idNumber\": " + badDate.substring(0, 17) + "}"))
                .isEqualTo(400);
        assertThat(put(http, "{\"name\": \"李四\", \"idNumber\": {\"n\": \"" + valid + "\"}}"))
                .isEqualTo(400);
        assertThat(put(http, "{\"name\": [\"" + valid + "\"], \"idNumber\": \"" + valid + "\"}"))
                .isEqualTo(400);
        assertThat(put(http, "{\"name\": \"李四\", \"idNumber\": \"" + valid + "\""))
                .isEqualTo(400);
        assertThat(put(Buyers.anonymous(port), json("李四", valid, "13800138000")))
                .isEqualTo(401);
        assertThat(put(Buyers.signedIn(port, valid + "@example.com", valid), json("李四", valid, "13800138000")))
                .isEqualTo(401);
        for (String idNumber : List.of(valid, wrongCheckDigit, badDate)) {
            Buyers.anonymous(port)
                    .post()
                    .uri("/api/v1/identity/validate")
                    .body(Map.of("name", "王五", "idNumber", idNumber))
                    .retrieve()
                    .toBodilessEntity();
        }
        Buyers.anonymous(port)
                .post()
                .uri("/api/v1/identity/validate")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"王五\", \"idNumber\": " + valid + "}")
                .retrieve()
                .toBodilessEntity();
        http.get().uri("/api/v1/me").retrieve().toBodilessEntity();

        assertThat(output.getAll()).as("the flow ran and was logged").contains("Real-name identity registered");
        String everything = output.getAll().toUpperCase(Locale.ROOT);
        String squeezed = everything.replaceAll("\\s", "");
        for (String idNumber : used) {
            String upper = idNumber.toUpperCase(Locale.ROOT);
            assertThat(everything).doesNotContain(upper).doesNotContain(upper.substring(0, 17));
            assertThat(squeezed).doesNotContain(upper.substring(0, 17));
        }
    }

    private String use(String idNumber) {
        used.add(idNumber);
        return idNumber;
    }

    private static String json(String name, String idNumber, String phone) {
        return "{\"name\": \"" + name + "\", \"idNumber\": \"" + idNumber + "\", \"phone\": \"" + phone + "\"}";
    }

    private static int put(RestClient http, String body) {
        return http.put()
                .uri("/api/v1/me/identity")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }
}
