package cn.eexpo;

import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestBuyers.Buyer;
import cn.eexpo.orders.TestOrders;
import cn.eexpo.sandbox.customs.CustomsSimulator;
import cn.eexpo.sandbox.customs.CustomsSimulatorInitializer;
import cn.eexpo.sandbox.customs.OrderFilings;
import cn.eexpo.sandbox.customs.ReceivedMessage;
import cn.eexpo.sandbox.customs.SentReceipt;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Clearance end to end: the whole marketplace, the Stripe sandbox and the customs simulator over RabbitMQ. A paid
 * order is filed, checked by customs (schema, signature, 三单对碰 with the partner's payment and the carrier's
 * waybill, limits) and released; customs' quota rejection refunds it; an inspection holds it; duplicated and
 * reordered receipts change nothing; 30 s without a transport lose nothing and file nothing twice.
 */
@MarketplaceTest
class CustomsClearanceTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    final CustomsSimulator customs = CustomsSimulatorInitializer.simulator();

    @Autowired
    TestBuyers buyers;

    @Autowired
    TestOrders orders;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void setUp() {
        customs.faults().clear();
        customs.transportUp();
        orders.stock(TestOrders.HNBLC_MILK, TestOrders.HNBLC_FORMULA);
    }

    @AfterEach
    void tearDown() {
        customs.faults().clear();
        customs.transportUp();
    }

    @Test
    void aPaidOrderIsFiledOnceAndReleased() {
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("RELEASED"));
        OrderFilings filed = customs.filings(orderNo);
        assertThat(filed.received("CEB311Message"))
                .singleElement()
                .satisfies(m -> assertThat(m.outcome()).doesNotStartWith("-"));
        assertThat(filed.received("CEB621Message")).hasSize(1);
        assertThat(filed.payment()).as("the partner declared the payment").isNotNull();
        assertThat(filed.payment().amountPaid())
                .isEqualByComparingTo(
                        new BigDecimal(orders.get(buyer, orderNo).get("total").toString()));
        assertThat(filed.listStatus()).isEqualTo("800");

        var view = customs(buyer, orderNo);
        await().atMost(PATIENCE)
                .until(() -> customs(buyer, orderNo).get("state").equals("RELEASED"));
        assertThat(statuses(customs(buyer, orderNo), "CEB622Message")).contains("2", "120", "800");
        assertThat(view.get("invtNo")).isEqualTo(filed.invtNo());
        await().atMost(PATIENCE)
                .alias("the tax bill (CEB816) is recorded")
                .until(() -> statuses(customs(buyer, orderNo), "CEB816Message").size() == 1);
    }

    @Test
    void customsQuotaRejectionRefundsTheOrderAndRestoresTheQuota() {
        var buyer = buyers.withIdentity();
        BigDecimal before = remainingQuota(buyer);
        // Bought elsewhere this year: our quota does not know, customs' does.
        customs.releasedElsewhere(buyer.idNumber(), new BigDecimal("25950.00"));

        String orderNo = paidOrder(buyer);

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("REFUNDED"));
        assertThat(customs.filings(orderNo).listStatus()).isEqualTo("-621018");
        var view = customs(buyer, orderNo);
        assertThat(view.get("state")).isEqualTo("REJECTED");
        assertThat((String) view.get("statusInfo")).contains("-621018");
        assertThat(remainingQuota(buyer)).as("the quota comes back").isEqualByComparingTo(before);
        String refund = orders.paymentIntentOf(orderNo);
        assertThat(SANDBOX.paymentIntent(refund).orElseThrow().amountRefunded()).isPositive();
    }

    @Test
    void anInspectedOrderIsHeldThenReleased() {
        customs.faults().inspectNextLists(1);
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("RELEASED"));
        assertThat(history(orderNo)).containsSubsequence("ACCEPTED", "INSPECTION", "RELEASED");
        assertThat(statuses(customs(buyer, orderNo), "CEB622Message")).contains("500", "800");
    }

    @Test
    void duplicatedAndReorderedReceiptsCountOnceAndNeverMoveAnOrderBack() {
        customs.faults().duplicateNextReceipts(10).reorderNextLists(1);
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);

        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("RELEASED"));
        var sent = customs.filings(orderNo).receipts();
        assertThat(sent).anyMatch(r -> r.delivery() == SentReceipt.Delivery.DUPLICATED);
        await().atMost(PATIENCE)
                .until(() -> statuses(customs(buyer, orderNo), "CEB622Message").size() >= 3);
        var recorded = statuses(customs(buyer, orderNo), "CEB622Message");
        assertThat(recorded).doesNotHaveDuplicates().contains("2", "120", "800");
        assertThat(customs(buyer, orderNo).get("state")).isEqualTo("RELEASED");
        assertThat(history(orderNo)).last().isEqualTo("RELEASED");
    }

    @Test
    void thirtySecondsWithoutTransportLoseNothingAndFileNothingTwice() {
        List<Buyer> paying = new ArrayList<>();
        for (int i = 0; i < 5; i++) paying.add(buyers.withIdentity());
        Instant down = Instant.now();
        customs.transportDown(Duration.ofSeconds(30));

        List<String> orderNos = new ArrayList<>();
        for (Buyer buyer : paying) orderNos.add(paidOrder(buyer));
        await().atMost(PATIENCE)
                .alias("the filings are built and wait for the transport")
                .until(() ->
                        pending(orderNos, false) == orderNos.size() * 2 && pending(orderNos, true) >= orderNos.size());
        assertThat(orderNos)
                .as("nothing reached customs over the transport (the partner declared the payments over HTTP)")
                .allSatisfy(no -> assertThat(
                                customs.filings(no) == null
                                        ? List.<ReceivedMessage>of()
                                        : customs.filings(no).received())
                        .isEmpty());

        await().atMost(Duration.ofSeconds(90))
                .until(() -> orderNos.stream().allMatch(no -> orders.status(no).equals("RELEASED")));
        assertThat(Duration.between(down, Instant.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(30));
        for (String orderNo : orderNos) {
            OrderFilings filed = customs.filings(orderNo);
            assertThat(filed.received("CEB311Message").stream()
                            .map(ReceivedMessage::guid)
                            .distinct())
                    .as("one order declaration for %s", orderNo)
                    .hasSize(1);
            assertThat(filed.received("CEB621Message").stream()
                            .map(ReceivedMessage::guid)
                            .distinct())
                    .as("one list for %s", orderNo)
                    .hasSize(1);
        }
    }

    // ------------------------------------------------------------------ helpers

    private String paidOrder(Buyer buyer) {
        var placed = orders.place(buyer, Map.of(TestOrders.HNBLC_MILK, 1));
        assertThat(placed.getStatusCode().value()).as("%s", placed.getBody()).isEqualTo(201);
        String orderNo = (String) placed.getBody().get("orderNo");
        await().atMost(PATIENCE).until(() -> orders.paymentIntentOf(orderNo) != null);
        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));
        await().atMost(PATIENCE).until(() -> !orders.status(orderNo).equals("PAYMENT_PENDING"));
        return orderNo;
    }

    private Map<String, Object> customs(Buyer buyer, String orderNo) {
        var response = buyer.api()
                .get()
                .uri("/api/v1/orders/{no}/customs", orderNo)
                .retrieve()
                .toEntity(JSON);
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(200);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<String> statuses(Map<String, Object> view, String receiptType) {
        return ((List<Map<String, Object>>) view.get("receipts"))
                .stream()
                        .filter(r -> receiptType.equals(r.get("messageType")))
                        .map(r -> (String) r.get("returnStatus"))
                        .toList();
    }

    private List<String> history(String orderNo) {
        return jdbc.sql("select to_status from order_transition where order_no = :o order by id")
                .param("o", orderNo)
                .query(String.class)
                .list();
    }

    /** Messages of these orders stored and not sent; {@code tried}: only those the transport already refused. */
    private long pending(List<String> orderNos, boolean tried) {
        return jdbc.sql("""
                        select count(*) from customs_message
                         where order_no in (:orders) and state = 'PENDING' and (not :tried or attempts > 0)
                        """)
                .param("orders", orderNos)
                .param("tried", tried)
                .query(Long.class)
                .single();
    }

    private BigDecimal remainingQuota(Buyer buyer) {
        var quota = buyer.api().get().uri("/api/v1/me/quota").retrieve().body(JSON);
        return new BigDecimal(quota.get("remaining").toString());
    }
}
