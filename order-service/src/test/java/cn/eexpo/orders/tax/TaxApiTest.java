package cn.eexpo.orders.tax;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.common.Money;
import cn.eexpo.orders.Buyers;
import cn.eexpo.orders.OrdersTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code POST /api/v1/tax/quote}: lines by SKU from the demo catalog or spelled out; exact decimals in and out. */
@OrdersTest
class TaxApiTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void quotesSpelledOutLinesWithFreightAsTwoDecimalAmounts() {
        String body = """
                {"lines": [
                   {"unitPrice": "199.00", "qty": 2, "vatRate": 0.13},
                   {"unitPrice": 89.9, "qty": 1, "vatRate": "0.09", "consumptionTaxRate": 0},
                   {"unitPrice": 560, "qty": 1, "vatRate": 0.13, "consumptionTaxRate": 0.15, "tariffRate": 0.05}],
                 "freight": "20.00"}
                """;

        ResponseEntity<String> raw = post(body, String.class);

        assertThat(raw.getStatusCode().value()).isEqualTo(200);
        assertThat(raw.getBody())
                .contains("\"goodsValue\":1047.90", "\"freight\":20.00", "\"taxTotal\":174.28", "\"total\":1242.18")
                .contains("\"rule\":\"RETAIL\"");
        // sku, unitPrice, qty, value, freightShare, tax, effectiveRate
        assertThat(raw.getBody())
                .contains("\"qty\":2,\"value\":398.00,\"freightShare\":7.59,\"tax\":36.91,\"effectiveRate\":0.0910")
                .contains("\"unitPrice\":89.90,\"qty\":1,\"value\":89.90,\"freightShare\":1.71,\"tax\":5.77,"
                        + "\"effectiveRate\":0.0630")
                .contains("\"freightShare\":10.70,\"tax\":131.60,\"effectiveRate\":0.2306");
    }

    @Test
    void pricesLinesBySkuFromTheCatalog() {
        Map<String, Object> product = jdbc.sql("""
                        select sku, price_fen, vat_rate, consumption_tax_rate, tariff_rate
                          from product where status = 'LISTED' and price_fen < 100000 order by sku limit 1
                        """).query().singleRow();
        String sku = (String) product.get("sku");
        TaxableLine line = new TaxableLine(
                sku,
                new Money((Long) product.get("price_fen")),
                2,
                (BigDecimal) product.get("vat_rate"),
                (BigDecimal) product.get("consumption_tax_rate"),
                (BigDecimal) product.get("tariff_rate"));
        TaxQuote expected = RetailImportTax.quote(List.of(line), Money.ofYuan("12.00"));

        Map<String, Object> quote = post(
                        "{\"lines\": [{\"sku\": \"" + sku.toLowerCase() + "\", \"qty\": 2}], \"freight\": 12}", JSON)
                .getBody();

        assertThat(new BigDecimal(quote.get("taxTotal").toString()))
                .isEqualByComparingTo(expected.taxTotal().yuan());
        assertThat(new BigDecimal(quote.get("total").toString()))
                .isEqualByComparingTo(expected.total().yuan());
        Map<?, ?> quoted = (Map<?, ?>) ((List<?>) quote.get("lines")).getFirst();
        assertThat(quoted.get("sku")).isEqualTo(sku);
        assertThat(new BigDecimal(quoted.get("unitPrice").toString()))
                .isEqualByComparingTo(line.unitPrice().yuan());
    }

    @Test
    void aSingleItemOver5000IsQuotedAtTheFullRateAndSeveralAreRefused() {
        String single = post(
                        "{\"lines\": [{\"unitPrice\": \"6000.00\", \"qty\": 1, \"vatRate\": 0.13}], \"freight\": 0}",
                        String.class)
                .getBody();
        assertThat(single).contains("\"taxTotal\":780.00", "\"rule\":\"FULL_RATE_SINGLE_ITEM\"");

        ResponseEntity<Map<String, Object>> several = post(
                "{\"lines\": [{\"unitPrice\": \"2500.00\", \"qty\": 1, \"vatRate\": 0.13},"
                        + " {\"unitPrice\": \"2500.01\", \"qty\": 1, \"vatRate\": 0.13}]}",
                JSON);
        assertThat(several.getStatusCode().value()).isEqualTo(422);
        assertThat(several.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) several.getBody().get("detail")).contains("5000.01", "split");
    }

    @Test
    void badInputIsABadRequestNamingTheField() {
        assertBadRequest("{\"lines\": [{\"sku\": \"NO-SUCH-SKU-42\", \"qty\": 1}]}", "lines[0].sku", "NO-SUCH-SKU-42");
        assertBadRequest("{\"lines\": [{\"sku\": \"bad sku!\", \"qty\": 1}]}", "lines[0].sku", "not a SKU");
        assertBadRequest("{\"lines\": []}", "lines", "at least one line");
        assertBadRequest("{}", "lines", "at least one line");
        assertBadRequest(
                "{\"lines\": [{\"unitPrice\": \"1.00\", \"qty\": 1, \"vatRate\": 0.13}, {\"unitPrice\": \"abc\","
                        + " \"qty\": 1, \"vatRate\": 0.13}]}",
                "lines[1].unitPrice",
                "not a valid value");
        assertBadRequest(
                "{\"lines\": [{\"unitPrice\": \"12.345\", \"qty\": 1, \"vatRate\": 0.13}]}",
                "lines[0].unitPrice",
                "at most two decimals");
        assertBadRequest(
                "{\"lines\": [{\"unitPrice\": \"12.00\", \"qty\": 0, \"vatRate\": 0.13}]}", "lines[0].qty", "from 1");
        assertBadRequest("{\"lines\": [{\"unitPrice\": \"12.00\", \"qty\": 1}]}", "lines[0].vatRate", "required");
        assertBadRequest(
                "{\"lines\": [{\"unitPrice\": \"12.00\", \"qty\": 1, \"vatRate\": 1.3}]}",
                "lines[0].vatRate",
                "a rate is a fraction");
        assertBadRequest(
                "{\"lines\": [{\"sku\": \"X1\", \"unitPrice\": \"12.00\", \"qty\": 1, \"vatRate\": 0.13}]}",
                "lines[0]",
                "not both");
        assertBadRequest(
                "{\"lines\": [{\"unitPrice\": \"12.00\", \"qty\": 1, \"vatRate\": 0.13}], \"freight\": -1}",
                "freight",
                "not negative");
        assertBadRequest(
                "{\"lines\": [{\"unitPrice\": \"12.00\", \"qty\": \"two\", \"vatRate\": 0.13}]}",
                "lines[0].qty",
                "not a valid value");
    }

    private void assertBadRequest(String body, String field, String reason) {
        ResponseEntity<Map<String, Object>> response = post(body, JSON);
        assertThat(response.getStatusCode().value()).as(body).isEqualTo(400);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).as(body).containsEntry("field", field);
        assertThat((String) response.getBody().get("detail"))
                .as(body)
                .startsWith(field)
                .contains(reason);
    }

    private <T> ResponseEntity<T> post(String body, Class<T> type) {
        return Buyers.anonymous(port)
                .post()
                .uri("/api/v1/tax/quote")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(type);
    }

    private ResponseEntity<Map<String, Object>> post(
            String body, ParameterizedTypeReference<Map<String, Object>> type) {
        return Buyers.anonymous(port)
                .post()
                .uri("/api/v1/tax/quote")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(type);
    }
}
