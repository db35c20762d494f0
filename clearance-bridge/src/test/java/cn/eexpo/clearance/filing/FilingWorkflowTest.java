package cn.eexpo.clearance.filing;

import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.clearance.ClearanceTest;
import cn.eexpo.clearance.CustomsTestInitializer;
import cn.eexpo.clearance.TestReceipts;
import cn.eexpo.clearance.Xmllint;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.signing.IndependentVerifier;
import cn.eexpo.orders.Orders;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestBuyers.Buyer;
import cn.eexpo.orders.TestOrders;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * The filing workflow against the real database and RabbitMQ, the test playing customs on the queues: a paid order is
 * filed once with messages that validate and verify; receipts (REST and AMQP) move the order forward only, once each;
 * what matches no filing is quarantined; a rejection refunds; a cancelled order's list is withdrawn.
 */
@ClearanceTest
class FilingWorkflowTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    static final CachingConnectionFactory RABBIT = new CachingConnectionFactory("127.0.0.1", 5672);
    static final RabbitTemplate CUSTOMS = new RabbitTemplate(RABBIT);
    /** What customs received, by order number (messages of all tests arrive on one queue). */
    static final Map<String, List<DxpMessage>> RECEIVED = new ConcurrentHashMap<>();

    @Autowired
    TestBuyers buyers;

    @Autowired
    TestOrders orders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReceiptIntake intake;

    @Autowired
    FilingStore store;

    @Autowired
    Orders ordersApi;

    @Autowired
    FilingWorker worker;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Clock clock;

    Buyer operator;

    @BeforeEach
    void setUp() {
        orders.stock(TestOrders.HNBLC_MILK, TestOrders.HNBLC_FORMULA);
        operator = buyers.withoutIdentity();
        jdbc.sql("update account set operator = true where id = :id")
                .param("id", operator.accountId())
                .update();
    }

    @AfterAll
    static void deleteQueues() {
        var admin = new RabbitAdmin(RABBIT);
        admin.deleteQueue(CustomsTestInitializer.OUTBOUND);
        admin.deleteQueue(CustomsTestInitializer.RECEIPTS);
        RABBIT.destroy();
    }

    @Test
    void aPaidOrderIsFiledOnceWithMessagesThatValidateAndVerify() throws Exception {
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);

        List<DxpMessage> sent = received(orderNo, 2);
        assertThat(sent).extracting(DxpMessage::msgType).containsExactly("CEB311Message", "CEB621Message");
        for (DxpMessage message : sent) {
            Xmllint.assertValid(DxpEnvelope.write(message), "dxp-terminal-202205.xsd");
            Xmllint.assertValid(message.data(), "ceb-import-202205.xsd");
            assertThat(IndependentVerifier.verifySm2(message.data()).valid()).isTrue();
            assertThat(new String(message.data(), StandardCharsets.UTF_8))
                    .contains(orderNo)
                    .contains(buyer.idNumber());
            // The operator reads exactly what customs received.
            byte[] stored = operator.api()
                    .get()
                    .uri("/api/v1/customs/messages/{guid}", message.copMsgId())
                    .retrieve()
                    .body(byte[].class);
            assertThat(stored).isEqualTo(message.data());
        }
        var filing = customs(buyer, orderNo);
        assertThat(filing.get("state")).isEqualTo("SENT");
        assertThat((List<?>) filing.get("messages")).hasSize(2);
        assertThat(jdbc.sql("select count(*) from customs_message where order_no = :o")
                        .param("o", orderNo)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void receiptsMoveTheOrderForwardOnlyAndCountOnce() {
        var filed = filed();

        var declared = TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "2", "新增申报成功");
        assertThat(post(declared)).containsEntry("applied", 1);
        assertThat(orders.status(filed.orderNo())).isEqualTo("DECLARED");
        assertThat(post(declared)).as("the same receipt again").containsEntry("duplicates", 1);

        // Over AMQP, as customs sends them: released, then (late) accepted.
        CUSTOMS.send(
                CustomsTestInitializer.RECEIPTS,
                new Message(TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "800", "放行")));
        await().atMost(PATIENCE).until(() -> orders.status(filed.orderNo()).equals("RELEASED"));
        assertThat(post(TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "120", "海关入库")))
                .containsEntry("applied", 1);
        assertThat(orders.status(filed.orderNo()))
                .as("a late 120 does not undo the release")
                .isEqualTo("RELEASED");

        var filing = customs(filed.buyer(), filed.orderNo());
        assertThat(filing.get("state")).isEqualTo("RELEASED");
        assertThat(filing.get("invtNo")).isEqualTo(filed.invtNo());
        assertThat((List<?>) filing.get("receipts")).hasSize(3);
        var list = (Map<?, ?>) ((List<?>) filing.get("messages")).get(1);
        assertThat((List<?>) list.get("receipts")).hasSize(3);

        assertThat(buyers.withIdentity()
                        .api()
                        .get()
                        .uri("/api/v1/orders/{no}/customs", filed.orderNo())
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .as("another buyer's order does not exist for him")
                .isEqualTo(404);
    }

    @Test
    void aTaxBillReadBeforeTheListNumberWaitsForItAndIsThenRecordedOnce() {
        var filed = filed();

        // Customs sends the bill right after the release; a parallel consumer may read it first.
        var bill = TestReceipts.ceb816(TestReceipts.guid(), filed.invtNo(), "9.10");
        assertThat(post(bill)).containsEntry("quarantined", 1);
        assertThat(waitingFor(filed.invtNo())).isEqualTo(1);

        assertThat(post(TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "800", "放行")))
                .containsEntry("applied", 1);

        assertThat(waitingFor(filed.invtNo()))
                .as("the bill left the quarantine")
                .isZero();
        var receipts = (List<?>) customs(filed.buyer(), filed.orderNo()).get("receipts");
        assertThat(receipts.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("messageType"))))
                .containsExactlyInAnyOrder("CEB622Message", "CEB816Message");
        assertThat(post(bill)).as("the same bill again").containsEntry("duplicates", 1);
    }

    @Test
    void receiptsDeliveredTogetherAreAppliedInOneGoEachOnce() {
        var first = buyers.withIdentity();
        var second = buyers.withIdentity();
        String one = paidOrder(first);
        String two = paidOrder(second);
        received(one, 2);
        received(two, 2);
        String copNo = FilingAssembler.copNo(one);
        String invtNo = listNumber(copNo);
        var declared = TestReceipts.ceb312(TestReceipts.guid(), two, "2", "新增申报成功");
        long quarantinedBefore = quarantined();

        var results = intake.acceptAll(
                List.of(
                        // the list receipt that gives the number, and a tax bill for it right behind
                        TestReceipts.ceb622(TestReceipts.guid(), copNo, invtNo, "800", "放行"),
                        TestReceipts.ceb816(TestReceipts.guid(), invtNo, "9.10"),
                        // the same receipt twice in one delivery
                        declared,
                        declared,
                        "<not a receipt/>".getBytes(StandardCharsets.UTF_8)),
                "test");

        assertThat(results)
                .containsExactly(
                        new ReceiptIntake.Result(1, 0, 0),
                        new ReceiptIntake.Result(1, 0, 0),
                        new ReceiptIntake.Result(1, 0, 0),
                        new ReceiptIntake.Result(0, 1, 0),
                        new ReceiptIntake.Result(0, 0, 1));
        assertThat(orders.status(one)).isEqualTo("RELEASED");
        assertThat(orders.status(two)).isEqualTo("DECLARED");
        assertThat(waitingFor(invtNo)).as("the bill found its list at once").isZero();
        assertThat(quarantined()).as("only the unreadable one").isEqualTo(quarantinedBefore + 1);
        var receipts = (List<?>) customs(first, one).get("receipts");
        assertThat(receipts.stream().map(r -> String.valueOf(((Map<?, ?>) r).get("messageType"))))
                .containsExactlyInAnyOrder("CEB622Message", "CEB816Message");
        assertThat((List<?>) customs(second, two).get("receipts")).hasSize(1);

        assertThat(intake.acceptAll(List.of(declared, declared), "test"))
                .as("delivered again")
                .containsExactly(new ReceiptIntake.Result(0, 1, 0), new ReceiptIntake.Result(0, 1, 0));
    }

    @Test
    void receiptsWhoseBatchFailsAreTakenOneByOne() {
        String one = paidOrder(buyers.withIdentity());
        String two = paidOrder(buyers.withIdentity());
        received(one, 2);
        received(two, 2);
        // The batch's transaction fails once (as a deadlock with another instance would); the single ones do not.
        var failingOnce = new TransactionTemplate(transactions.getTransactionManager()) {
            boolean failed;

            @Override
            public <T> T execute(TransactionCallback<T> action) {
                if (!failed) {
                    failed = true;
                    throw new CannotAcquireLockException("deadlock detected (test)");
                }
                return super.execute(action);
            }
        };
        var intake = new ReceiptIntake(store, ordersApi, worker, failingOnce, clock);

        var recorded = intake.acceptDelivered(
                List.of(
                        TestReceipts.ceb312(TestReceipts.guid(), one, "2", "新增申报成功"),
                        TestReceipts.ceb312(TestReceipts.guid(), two, "2", "新增申报成功"),
                        "<not a receipt/>".getBytes(StandardCharsets.UTF_8)),
                "test");

        assertThat(failingOnce.failed).isTrue();
        assertThat(recorded).as("each recorded, or quarantined, on its own").containsExactly(true, true, true);
        assertThat(orders.status(one)).isEqualTo("DECLARED");
        assertThat(orders.status(two)).isEqualTo("DECLARED");
    }

    @Test
    void aLimitRejectionRejectsTheOrderAndRefundsIt() {
        var filed = filed();

        post(TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), "", "-621005", "超过单次交易限值"));

        await().atMost(PATIENCE).until(() -> orders.status(filed.orderNo()).equals("REFUNDED"));
        var filing = customs(filed.buyer(), filed.orderNo());
        assertThat(filing.get("state")).isEqualTo("REJECTED");
        assertThat((String) filing.get("statusInfo")).contains("-621005");
    }

    @Test
    void whatMatchesNoFilingIsQuarantinedAndGarbageIsRefused() {
        long before = quarantined();
        var unknown = TestReceipts.ceb312(TestReceipts.guid(), "EX2026112899999999", "2", "新增申报成功");
        assertThat(post(unknown)).containsEntry("quarantined", 1);

        var garbage = operator.api()
                .post()
                .uri("/api/v1/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .body("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")
                .retrieve()
                .toEntity(String.class);
        assertThat(garbage.getStatusCode().value()).isEqualTo(400);
        assertThat(garbage.getBody()).contains("quarantine").doesNotContain("root:");
        assertThat(quarantined()).isEqualTo(before + 2);

        var byBuyer = buyers.withIdentity()
                .api()
                .post()
                .uri("/api/v1/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .body(unknown)
                .retrieve()
                .toBodilessEntity();
        assertThat(byBuyer.getStatusCode().value())
                .as("receipts come from operators' gateways")
                .isEqualTo(403);
    }

    @Test
    void aCancelledOrderHasItsListWithdrawn() {
        var filed = filed();
        post(TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "2", "新增申报成功"));

        var cancel = filed.buyer()
                .api()
                .post()
                .uri("/api/v1/orders/{no}/cancel", filed.orderNo())
                .retrieve()
                .toBodilessEntity();
        assertThat(cancel.getStatusCode().is2xxSuccessful()).isTrue();

        List<DxpMessage> sent = received(filed.orderNo(), 3);
        DxpMessage withdrawal = sent.get(2);
        assertThat(withdrawal.msgType()).isEqualTo("CEB623Message");
        Xmllint.assertValid(withdrawal.data(), "ceb-import-202205.xsd");
        assertThat(new String(withdrawal.data(), StandardCharsets.UTF_8)).contains(filed.invtNo());

        post(TestReceipts.ceb624(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "399", "撤销成功"));
        assertThat(customs(filed.buyer(), filed.orderNo()).get("state")).isEqualTo("CANCELLED");
    }

    @Test
    void aMessageCustomsCouldNotProcessIsCorrectedAndResubmittedAsAChange() {
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);
        List<DxpMessage> first = received(orderNo, 2);
        post(TestReceipts.ceb312(TestReceipts.guid(), orderNo, "2", "新增申报成功"));
        // Customs could not check the list's signature: nothing was declared, the order is not rejected.
        post(TestReceipts.ceb900(TestReceipts.guid(), first.get(1).copMsgId(), "CEB621Message", "-621029", "签名校验失败"));
        assertThat(customs(buyer, orderNo).get("state")).isEqualTo("ERROR");
        assertThat(orders.status(orderNo)).isEqualTo("DECLARED");
        var letters = operator.api()
                .get()
                .uri("/api/v1/customs/dead-letters")
                .retrieve()
                .body(String.class);
        assertThat(letters).contains(orderNo).contains("-621029");

        var resubmitted = operator.api()
                .post()
                .uri("/api/v1/customs/filings/{no}/resubmit", orderNo)
                .retrieve()
                .toEntity(JSON);
        assertThat(resubmitted.getStatusCode().value())
                .as("%s", resubmitted.getBody())
                .isEqualTo(200);

        List<DxpMessage> all = received(orderNo, 4);
        String order = new String(all.get(2).data(), StandardCharsets.UTF_8);
        String list = new String(all.get(3).data(), StandardCharsets.UTF_8);
        assertThat(order).as("customs holds the order: a change").contains("<ceb:appType>2</ceb:appType>");
        assertThat(list).as("customs never took the list: new").contains("<ceb:appType>1</ceb:appType>");
        assertThat(all.get(2).copMsgId()).isNotEqualTo(first.get(0).copMsgId());
        assertThat(customs(buyer, orderNo).get("state")).isEqualTo("SENT");

        var again = operator.api()
                .post()
                .uri("/api/v1/customs/filings/{no}/resubmit", orderNo)
                .retrieve()
                .toBodilessEntity();
        assertThat(again.getStatusCode().value())
                .as("a filing on its way is not resubmitted")
                .isEqualTo(409);
    }

    @Test
    void returnedGoodsAreReportedToCustomsForTheTaxRefund() {
        var filed = filed();
        post(TestReceipts.ceb622(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "800", "放行"));
        assertThat(orders.status(filed.orderNo())).isEqualTo("RELEASED");

        assertThat(filed.buyer()
                        .api()
                        .post()
                        .uri("/api/v1/orders/{no}/return", filed.orderNo())
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();
        assertThat(operator.api()
                        .post()
                        .uri("/api/v1/operations/returns/{no}/received", filed.orderNo())
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .is2xxSuccessful())
                .isTrue();

        DxpMessage refund = received(filed.orderNo(), 3).get(2);
        assertThat(refund.msgType()).isEqualTo("CEB625Message");
        Xmllint.assertValid(refund.data(), "ceb-import-202205.xsd");
        post(TestReceipts.ceb626(TestReceipts.guid(), filed.copNo(), filed.invtNo(), "399", "退货审结"));
        assertThat(customs(filed.buyer(), filed.orderNo()).get("state")).isEqualTo("RETURNED");
    }

    @Test
    void customsAsksForThePaymentRawDataAndGetsItSigned() {
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);
        var form = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.add("openReq", "{\"orderNo\":\"" + orderNo + "\",\"sessionID\":\"S-179-1\",\"serviceTime\":1}");

        var answer = buyers.anonymous()
                .post()
                .uri("/api/v1/customs-gateway/platDataOpen")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(form)
                .retrieve()
                .toEntity(JSON);
        assertThat(answer.getBody()).containsEntry("code", "10000");

        await().atMost(PATIENCE)
                .until(() -> CustomsTestInitializer.UPLOADS.stream().anyMatch(u -> u.contains(orderNo)));
        String upload = CustomsTestInitializer.UPLOADS.stream()
                .filter(u -> u.contains(orderNo))
                .findFirst()
                .orElseThrow();
        assertThat(upload)
                .contains("\"sessionID\":\"S-179-1\"")
                .contains("\"payExchangeInfoHead\"")
                .contains("\"signValue\":\"")
                .contains("\"certNo\":\"")
                .doesNotContain(buyer.idNumber());

        var unknown = new org.springframework.util.LinkedMultiValueMap<String, String>();
        unknown.add("openReq", "{\"orderNo\":\"EX2099010199999999\",\"sessionID\":\"S\",\"serviceTime\":1}");
        assertThat(buyers.anonymous()
                        .post()
                        .uri("/api/v1/customs-gateway/platDataOpen")
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .body(unknown)
                        .retrieve()
                        .toEntity(JSON)
                        .getBody())
                .containsEntry("code", "20002");
    }

    @Test
    void theOfficialSampleReceiptsGoThroughTheIntakeAndAreKeptNotLost() {
        long before = quarantined();
        int receipts = 0;
        for (String name : List.of("CEB312", "CEB412", "CEB512", "CEB514", "CEB622", "CEB624", "CEB626", "CEB712")) {
            byte[] sample = cn.eexpo.clearance.Samples.load(name);
            var result = post(sample);
            // The samples name orders of another platform: read, then quarantined for an operator.
            assertThat(((Number) result.get("applied")).intValue()).as(name).isZero();
            receipts += ((Number) result.get("quarantined")).intValue();
        }
        assertThat(receipts).isPositive();
        assertThat(quarantined() - before).isEqualTo(receipts);
    }

    // ------------------------------------------------------------------ helpers

    /** A paid order whose two messages customs received, and the numbers its list is given. */
    private record Filed(Buyer buyer, String orderNo, String copNo, String invtNo) {}

    private Filed filed() {
        var buyer = buyers.withIdentity();
        String orderNo = paidOrder(buyer);
        received(orderNo, 2);
        String copNo = FilingAssembler.copNo(orderNo);
        return new Filed(buyer, orderNo, copNo, listNumber(copNo));
    }

    private String paidOrder(Buyer buyer) {
        var placed = orders.place(buyer, Map.of(TestOrders.HNBLC_MILK, 1));
        assertThat(placed.getStatusCode().value()).isEqualTo(201);
        String orderNo = (String) placed.getBody().get("orderNo");
        await().atMost(PATIENCE).until(() -> orders.paymentIntentOf(orderNo) != null);
        SANDBOX.completePayment(orders.paymentIntentOf(orderNo));
        await().atMost(PATIENCE).until(() -> !orders.status(orderNo).equals("PAYMENT_PENDING"));
        return orderNo;
    }

    /** Waits until customs holds at least {@code count} messages for the order; returns them in arrival order. */
    private List<DxpMessage> received(String orderNo, int count) {
        await().atMost(PATIENCE).until(() -> {
            Message message;
            while ((message = CUSTOMS.receive(CustomsTestInitializer.OUTBOUND, 200)) != null) {
                DxpMessage dxp = DxpEnvelope.read(message.getBody());
                String body = new String(dxp.data(), StandardCharsets.UTF_8);
                var matcher = java.util.regex.Pattern.compile("EX\\d{16}").matcher(body);
                if (matcher.find()) {
                    RECEIVED.computeIfAbsent(matcher.group(), k -> new ArrayList<>())
                            .add(dxp);
                }
            }
            return RECEIVED.getOrDefault(orderNo, List.of()).size() >= count;
        });
        return List.copyOf(RECEIVED.get(orderNo));
    }

    private Map<String, Object> post(byte[] receipt) {
        var response = operator.api()
                .post()
                .uri("/api/v1/customs/receipts")
                .contentType(MediaType.APPLICATION_XML)
                .body(receipt)
                .retrieve()
                .toEntity(JSON);
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(200);
        return response.getBody();
    }

    private Map<String, Object> customs(Buyer buyer, String orderNo) {
        RestClient api = buyer.api();
        var response =
                api.get().uri("/api/v1/orders/{no}/customs", orderNo).retrieve().toEntity(JSON);
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(200);
        return response.getBody();
    }

    /** The list number these tests have customs give a filing (customs code 4600 and the copNo's last 14 digits). */
    private static String listNumber(String copNo) {
        return "4600" + copNo.substring(copNo.length() - 14);
    }

    private long waitingFor(String invtNo) {
        return jdbc.sql("select count(*) from customs_quarantine where invt_no = :invtNo")
                .param("invtNo", invtNo)
                .query(Long.class)
                .single();
    }

    private long quarantined() {
        return jdbc.sql("select count(*) from customs_quarantine")
                .query(Long.class)
                .single();
    }
}
