package cn.eexpo.orders;

import cn.eexpo.orders.TestBuyers.Buyer;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Places orders through the REST API and looks at what they did. */
@Component
public class TestOrders {

    public static final String HNBLC_FORMULA = "EX-DP-00010"; // CNY 119, VAT 13 %
    public static final String HNBLC_MILK = "EX-NU-00010"; // CNY 79, VAT 9 %
    public static final String HNBLC_COSMETIC = "EX-MU-00016"; // CNY 520, VAT 13 %, consumption tax 15 %
    public static final String XZCBZ_SNACK = "EX-SN-00012"; // another bonded warehouse
    public static final String RHEIN_FORMULA = "EX-IF-00040"; // CNY 159, rhein-main, HNBLC
    public static final String RHEIN_FORMULA_2 = "EX-IF-00023"; // CNY 189, rhein-main, HNBLC

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private final JdbcClient jdbc;

    TestOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public static Map<String, Object> request(Map<String, Integer> skuQuantities) {
        return Map.of(
                "lines",
                skuQuantities.entrySet().stream()
                        .map(e -> Map.of("sku", e.getKey(), "quantity", e.getValue()))
                        .toList(),
                "consignee",
                Map.of(
                        "name", "张伟",
                        "phone", "13800138000",
                        "province", "河南省",
                        "city", "郑州市",
                        "district", "金水区",
                        "address", "花园路 1 号"),
                "paymentMethod",
                "card");
    }

    public ResponseEntity<Map<String, Object>> place(Buyer buyer, Map<String, Integer> lines) {
        return place(buyer, request(lines), UUID.randomUUID().toString());
    }

    public ResponseEntity<Map<String, Object>> place(Buyer buyer, Map<String, Object> body, String key) {
        return buyer.api()
                .post()
                .uri("/api/v1/orders")
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    public Map<String, Object> get(Buyer buyer, String orderNo) {
        return buyer.api().get().uri("/api/v1/orders/{no}", orderNo).retrieve().body(JSON);
    }

    public String status(String orderNo) {
        return jdbc.sql("select status from customer_order where order_no = :o")
                .param("o", orderNo)
                .query(String.class)
                .single();
    }

    public String paymentIntentOf(String orderNo) {
        return jdbc.sql("select payment_intent_id from customer_order where order_no = :o")
                .param("o", orderNo)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Makes sure these products can be sold, without disturbing the units other orders hold. */
    public void stock(String... skus) {
        jdbc.sql("update stock set on_hand = reserved + 50 where sku in (:skus)")
                .param("skus", List.of(skus))
                .update();
    }

    public void setFree(String sku, int free) {
        jdbc.sql("update stock set on_hand = reserved + :free where sku = :sku")
                .param("free", free)
                .param("sku", sku)
                .update();
    }

    /**
     * The units one order holds or held, by the state of its reservation lines (HELD, RELEASED, CONSUMED). Tests check an
     * order's own lines: the stock counters are shared with other tests' orders, whose webhooks may still be arriving.
     */
    public Map<String, Integer> reservation(String orderNo) {
        var units = new TreeMap<String, Integer>();
        jdbc.sql("select state, sum(quantity)::int from stock_reservation where reference = :o group by state")
                .param("o", orderNo)
                .query((rs, i) -> units.put(rs.getString(1), rs.getInt(2)))
                .list();
        return units;
    }

    public long ordersOf(long accountId) {
        return jdbc.sql("select count(*) from customer_order where account_id = :a")
                .param("a", accountId)
                .query(Long.class)
                .single();
    }
}
