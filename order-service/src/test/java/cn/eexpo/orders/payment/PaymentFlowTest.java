package cn.eexpo.orders.payment;

import static cn.eexpo.orders.TestOrders.HNBLC_FORMULA;
import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestOrders;
import cn.eexpo.orders.order.OrderTransitions;
import cn.eexpo.orders.quota.Quotas;
import cn.eexpo.orders.returns.Returns;
import cn.eexpo.sandbox.stripe.Faults;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Year;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

@OrdersTest
class PaymentFlowTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    TestBuyers buyers;

    @Autowired
    TestOrders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Quotas quotas;

    @Autowired
    OrderTransitions transitions;

    @Autowired
    Returns returns;

    @Autowired
    PaymentHousekeeping housekeeping;

    @BeforeEach
    void stock() {
        orders.stock(HNBLC_FORMULA, HNBLC_MILK);
        SANDBOX.faults().clear();
    }

    @AfterEach
    void clearFaults() {
        SANDBOX.faults().clear();
        SANDBOX.faults().releaseHeldWebhooks();
    }

    @Test
    void aPaymentCompletedInTheSandboxMakesTheOrderPaid() {
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_FORMULA, 1));
        var intent = orders.paymentIntentOf(orderNo);
        assertThat(SANDBOX.paymentIntent(intent).orElseThrow().amount())
                .as("CNY 119 + 10 freight + 9.1 %% tax on 129 = 11.74")
                .isEqualTo(14074);

        SANDBOX.completePayment(intent);

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
        var order = orders.get(buyer, orderNo);
        assertThat(order.get("paidAt")).isNotNull();
        assertThat(order.get("history").toString()).contains("PAYMENT_PENDING", "PAID");
        assertThat(jdbc.sql("select count(*) from stock_reservation where reference = :o and expires_at is null")
                        .param("o", orderNo)
                        .query(Long.class)
                        .single())
                .as("a paid order keeps its stock until customs releases it")
                .isEqualTo(1);
    }

    @Test
    void aDeclinedPaymentCancelsTheOrderAndGivesStockAndQuotaBack() {
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_MILK, 3));
        assertThat(orders.reservation(orderNo)).isEqualTo(Map.of("HELD", 3));

        SANDBOX.declinePayment(orders.paymentIntentOf(orderNo));

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("CANCELLED"));
        assertThat(orders.reservation(orderNo)).isEqualTo(Map.of("RELEASED", 3));
        assertThat(quotaUsed(orderNo)).isZero();
        assertThat(SANDBOX.paymentIntent(orders.paymentIntentOf(orderNo))
                        .orElseThrow()
                        .status())
                .as("the declined intent is cancelled so that it can never succeed later")
                .isEqualTo("canceled");
    }

    @Test
    void forgedAndTamperedWebhooksAreRefused() throws Exception {
        var payload = "{\"id\":\"evt_forged\",\"object\":\"event\",\"type\":\"payment_intent.succeeded\"}";
        long now = System.currentTimeMillis() / 1000;

        assertThat(postWebhook(payload, "t=" + now + ",v1=" + sign("whsec_wrong", now, payload)))
                .isEqualTo(400);
        assertThat(postWebhook(payload, null)).isEqualTo(400);
        assertThat(postWebhook(
                        payload.replace("forged", "tampered"),
                        "t=" + now + ",v1=" + sign(SANDBOX.webhookSecret(), now, payload)))
                .isEqualTo(400);
        long old = now - 3600;
        assertThat(postWebhook(payload, "t=" + old + ",v1=" + sign(SANDBOX.webhookSecret(), old, payload)))
                .as("a correctly signed event replayed an hour later")
                .isEqualTo(400);
    }

    @Test
    void duplicateAndReorderedWebhooksLeaveOnePaidOrder() {
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_MILK, 1));
        SANDBOX.faults().duplicateWebhooks(2).reorderWebhooks(2, Faults.WebhookOrder.REVERSE);

        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
        assertThat(jdbc.sql("select count(*) from order_transition where order_no = :o and to_status = 'PAID'")
                        .param("o", orderNo)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void stripeAnswering429ThenSucceedingCreatesOnePaymentAndOneCharge() {
        SANDBOX.faults().failNext(2, Faults.Failure.RATE_LIMIT, "/v1/payment_intents");
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_MILK, 1));

        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
        var intents = SANDBOX.paymentIntents().stream()
                .filter(pi -> orderNo.equals(pi.metadata().get("order_no")))
                .toList();
        assertThat(intents).hasSize(1);
        assertThat(intents.getFirst().successfulCharges()).isEqualTo(1);
    }

    @Test
    void aServerErrorAfterTheWriteIsRetriedUnderTheSameKeyWithoutASecondPayment() {
        SANDBOX.faults().failNext(1, Faults.Failure.SERVER_ERROR_AFTER_WRITE, "/v1/payment_intents");
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_MILK, 1));
        assertThat(SANDBOX.paymentIntents().stream()
                        .filter(pi -> orderNo.equals(pi.metadata().get("order_no")))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void reconciliationCatchesAPaymentWhoseWebhooksWereLost() {
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_MILK, 1));
        SANDBOX.faults().dropWebhooks(100);
        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));
        assertThat(orders.status(orderNo)).isEqualTo("PAYMENT_PENDING");

        housekeeping.reconcile();

        assertThat(orders.status(orderNo)).isEqualTo("PAID");
    }

    @Test
    void aCustomsRejectionRefundsTheBuyerAndRestoresTheQuota() {
        var buyer = buyers.withIdentity();
        var orderNo = paidOrder(buyer, Map.of(HNBLC_FORMULA, 1));
        assertThat(quotaUsed(orderNo)).isPositive();

        transitions.move(orderNo, OrderStatus.DECLARED, "receipt 2");
        transitions.move(orderNo, OrderStatus.REJECTED, "-621005 buyer over the annual limit");

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("REFUNDED"));
        var intent = SANDBOX.paymentIntent(orders.paymentIntentOf(orderNo)).orElseThrow();
        assertThat(intent.amountRefunded()).isEqualTo(intent.amount());
        assertThat(quotaUsed(orderNo)).isZero();
    }

    @Test
    void aReturnWithinThirtyDaysOfReleaseRefundsTaxIncludedAndRestoresTheQuota() {
        var buyer = buyers.withIdentity();
        var orderNo = paidOrder(buyer, Map.of(HNBLC_FORMULA, 1));
        transitions.move(orderNo, OrderStatus.RELEASED, "receipt 800");

        var requested = buyer.api()
                .post()
                .uri("/api/v1/orders/{no}/return", orderNo)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reason", "wrong size"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(requested.getStatusCode().value()).isEqualTo(200);
        assertThat(orders.status(orderNo)).isEqualTo("RETURN_REQUESTED");

        var byBuyer = buyer.api()
                .post()
                .uri("/api/v1/operations/returns/{no}/received", orderNo)
                .retrieve()
                .toBodilessEntity();
        assertThat(byBuyer.getStatusCode().value())
                .as("only an operator confirms goods back")
                .isEqualTo(403);
        var operator = buyers.withoutIdentity();
        jdbc.sql("update account set operator = true where id = :id")
                .param("id", operator.accountId())
                .update();
        var byOperator = operator.api()
                .post()
                .uri("/api/v1/operations/returns/{no}/received", orderNo)
                .retrieve()
                .toBodilessEntity();
        assertThat(byOperator.getStatusCode().value()).isEqualTo(200);

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("REFUNDED"));
        var intent = SANDBOX.paymentIntent(orders.paymentIntentOf(orderNo)).orElseThrow();
        assertThat(intent.amountRefunded()).isEqualTo(intent.amount());
        assertThat(quotaUsed(orderNo)).isZero();
    }

    @Test
    void anOrderLeftUnpaidIsCancelledWhenItsReservationExpires() {
        var buyer = buyers.withIdentity();
        var orderNo = placeAndAwaitIntent(buyer, Map.of(HNBLC_MILK, 2));
        jdbc.sql("update stock_reservation set expires_at = now() - interval '1 minute' where reference = :o")
                .param("o", orderNo)
                .update();

        housekeeping.expireUnpaid();

        assertThat(orders.status(orderNo)).isEqualTo("CANCELLED");
        assertThat(orders.reservation(orderNo)).isEqualTo(Map.of("RELEASED", 2));
        assertThat(SANDBOX.paymentIntent(orders.paymentIntentOf(orderNo))
                        .orElseThrow()
                        .status())
                .isEqualTo("canceled");
    }

    @Test
    void aBuyerCancelsAPaidOrderBeforeReleaseAndIsRefunded() {
        var buyer = buyers.withIdentity();
        var orderNo = paidOrder(buyer, Map.of(HNBLC_MILK, 1));
        var response = buyer.api()
                .post()
                .uri("/api/v1/orders/{no}/cancel", orderNo)
                .retrieve()
                .toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("REFUNDED"));
    }

    private String placeAndAwaitIntent(TestBuyers.Buyer buyer, Map<String, Integer> lines) {
        var response = orders.place(buyer, lines);
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(201);
        var orderNo = (String) response.getBody().get("orderNo");
        await().atMost(PATIENCE)
                .until(() -> orders.paymentIntentOf(orderNo) != null
                        && orders.status(orderNo).equals("PAYMENT_PENDING"));
        return orderNo;
    }

    private String paidOrder(TestBuyers.Buyer buyer, Map<String, Integer> lines) {
        var orderNo = placeAndAwaitIntent(buyer, lines);
        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));
        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
        return orderNo;
    }

    private long quotaUsed(String orderNo) {
        var hash = jdbc.sql("select buyer_id_hash from customer_order where order_no = :o")
                .param("o", orderNo)
                .query(String.class)
                .single();
        return quotas.status(hash, Year.now().getValue()).used().fen();
    }

    private int postWebhook(String payload, String signature) {
        var request = buyers.anonymous()
                .post()
                .uri("/api/v1/payments/stripe/webhook")
                .contentType(MediaType.APPLICATION_JSON)
                .body(payload);
        if (signature != null) {
            request = request.header("Stripe-Signature", signature);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static String sign(String secret, long timestamp, String payload) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        var digest = mac.doFinal((timestamp + "." + payload).getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest);
    }
}
