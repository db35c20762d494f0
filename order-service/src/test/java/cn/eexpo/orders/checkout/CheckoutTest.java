package cn.eexpo.orders.checkout;

import static cn.eexpo.orders.TestOrders.HNBLC_FORMULA;
import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static cn.eexpo.orders.TestOrders.RHEIN_FORMULA;
import static cn.eexpo.orders.TestOrders.RHEIN_FORMULA_2;
import static cn.eexpo.orders.TestOrders.XZCBZ_SNACK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestOrders;
import cn.eexpo.orders.quota.Quotas;
import java.math.BigDecimal;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrdersTest
class CheckoutTest {

    @Autowired
    TestBuyers buyers;

    @Autowired
    TestOrders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Quotas quotas;

    @Autowired
    Checkout checkout;

    @Autowired
    ProductCatalog catalog;

    @BeforeEach
    void stock() {
        orders.stock(HNBLC_FORMULA, HNBLC_MILK, XZCBZ_SNACK, RHEIN_FORMULA, RHEIN_FORMULA_2);
    }

    @Test
    void anOrderIsCommittedWithItsReservationQuotaAndOutboxEvent() {
        var buyer = buyers.withIdentity();
        var response = orders.place(buyer, Map.of(RHEIN_FORMULA, 2, RHEIN_FORMULA_2, 1));

        assertThat(response.getStatusCode().value()).isEqualTo(201);
        var order = response.getBody();
        var orderNo = (String) order.get("orderNo");
        assertThat(orderNo).matches("EX\\d{8}\\d{8}");
        assertThat(order.get("status")).isIn("CREATED", "PAYMENT_PENDING");
        assertThat(new BigDecimal(order.get("goodsValue").toString()))
                .as("2 × 159 + 189")
                .isEqualByComparingTo("507.00");
        assertThat(new BigDecimal(order.get("freight").toString()))
                .as("free from CNY 199")
                .isEqualByComparingTo("0");
        assertThat(((Map<?, ?>) order.get("buyer")).get("idNumber")).asString().contains("**********");
        assertThat(orders.reservation(orderNo)).as("2 + 1 units held").isEqualTo(Map.of("HELD", 3));
        var idHash = jdbc.sql("select buyer_id_hash from customer_order where order_no = :o")
                .param("o", orderNo)
                .query(String.class)
                .single();
        assertThat(quotas.status(idHash, Year.now().getValue()).used().yuan()).isEqualByComparingTo("507.00");
        assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like :o")
                        .param("o", "%" + orderNo + "%")
                        .query(Long.class)
                        .single())
                .as("the OrderPlaced event went into the outbox with the order")
                .isPositive();
    }

    @Test
    void aRetriedRequestReturnsTheSameOrderAndADifferentOneUnderTheSameKeyIsRefused() throws Exception {
        var buyer = buyers.withIdentity();
        var key = UUID.randomUUID().toString();
        var body = TestOrders.request(Map.of(HNBLC_MILK, 1));

        // A double click: the same request twice at the same moment, then once more later.
        var start = new CountDownLatch(1);
        var answers = new ArrayList<Future<ResponseEntity<Map<String, Object>>>>();
        try (var pool = Executors.newFixedThreadPool(2)) {
            for (int i = 0; i < 2; i++) {
                answers.add(pool.submit((Callable<ResponseEntity<Map<String, Object>>>) () -> {
                    start.await();
                    return orders.place(buyer, body, key);
                }));
            }
            start.countDown();
            var first = answers.get(0).get();
            var second = answers.get(1).get();
            assertThat(first.getBody().get("orderNo"))
                    .isEqualTo(second.getBody().get("orderNo"));
            assertThat(first.getStatusCode().value() + second.getStatusCode().value())
                    .isEqualTo(201 + 200);
        }
        var again = orders.place(buyer, body, key);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(orders.ordersOf(buyer.accountId())).isEqualTo(1);

        var different = orders.place(buyer, TestOrders.request(Map.of(HNBLC_MILK, 2)), key);
        assertThat(different.getStatusCode().value()).isEqualTo(422);
        assertThat(different.getBody().get("detail")).asString().contains("Idempotency-Key");
        assertThat(orders.ordersOf(buyer.accountId())).isEqualTo(1);
    }

    @Test
    void twoBuyersRaceForTheLastUnitAndExactlyOneWins() throws Exception {
        orders.setFree(HNBLC_FORMULA, 1);
        var first = buyers.withIdentity();
        var second = buyers.withIdentity();
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(() -> {
                start.await();
                return orders.place(first, Map.of(HNBLC_FORMULA, 1));
            });
            var b = pool.submit(() -> {
                start.await();
                return orders.place(second, Map.of(HNBLC_FORMULA, 1));
            });
            start.countDown();
            var codes = new ArrayList<Integer>();
            codes.add(a.get().getStatusCode().value());
            codes.add(b.get().getStatusCode().value());
            assertThat(codes).containsExactlyInAnyOrder(201, 409);
        }
        assertThat(orders.ordersOf(first.accountId()) + orders.ordersOf(second.accountId()))
                .isEqualTo(1);
    }

    @Test
    void anEstimateForAProductAlreadyReadIsTheSameAsForItsSku() {
        var product = catalog.find(new Sku(HNBLC_FORMULA)).orElseThrow();

        var bySku = checkout.estimate(List.of(new CheckoutRequest.Line(HNBLC_FORMULA, 3)));
        var byProduct = checkout.estimate(product, 3);

        assertThat(byProduct).isEqualTo(bySku);
        assertThat(byProduct.taxTotal().fen()).isPositive();
        assertThatThrownBy(() -> checkout.estimate(product, 0))
                .isInstanceOf(CheckoutRefusedException.class)
                .hasMessageContaining("at least 1");
    }

    @Test
    void aBuyerWithoutIdentityIsAskedForItAndNothingIsWritten() {
        var buyer = buyers.withoutIdentity();
        var response = orders.place(buyer, Map.of(HNBLC_MILK, 1));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("detail")).asString().contains("real-name identity");
        assertThat(orders.ordersOf(buyer.accountId())).isZero();
    }

    @Test
    void goodsOfTwoSellersAreOrderedSeparately() {
        var buyer = buyers.withIdentity();
        var response = orders.place(buyer, Map.of(HNBLC_MILK, 1, HNBLC_FORMULA, 1));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("detail")).asString().contains("seller");
    }

    @Test
    void goodsFromTwoWarehousesAreOrderedSeparately() {
        var buyer = buyers.withIdentity();
        var response = orders.place(buyer, Map.of(HNBLC_MILK, 1, XZCBZ_SNACK, 1));
        assertThat(response.getStatusCode().value()).isEqualTo(422);
        assertThat(response.getBody().get("detail")).asString().contains("separate orders");
    }

    @Test
    void anOrderNeedsAKeyAConsigneeAndKnownProducts() {
        var buyer = buyers.withIdentity();
        var noKey = buyer.api()
                .post()
                .uri("/api/v1/orders")
                .body(TestOrders.request(Map.of(HNBLC_MILK, 1)))
                .retrieve()
                .toEntity(Map.class);
        assertThat(noKey.getStatusCode().value()).isEqualTo(422);

        var unknown = orders.place(buyer, Map.of("EX-NO-99999", 1));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getBody().get("detail")).asString().contains("EX-NO-99999");

        var anonymous = buyers.anonymous()
                .post()
                .uri("/api/v1/orders")
                .header("Idempotency-Key", "k")
                .body(TestOrders.request(Map.of(HNBLC_MILK, 1)))
                .retrieve()
                .toEntity(Map.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(orders.ordersOf(buyer.accountId())).isZero();
    }

    @Test
    void anotherBuyersOrderIsNotFound() {
        var owner = buyers.withIdentity();
        var orderNo =
                (String) orders.place(owner, Map.of(HNBLC_MILK, 1)).getBody().get("orderNo");
        var stranger = buyers.withIdentity();
        var response = stranger.api()
                .get()
                .uri("/api/v1/orders/{no}", orderNo)
                .retrieve()
                .toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(404);
    }
}
