package cn.eexpo.sandbox.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.Cancellation;
import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Refund;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.receipt.TaxReceipt;
import cn.eexpo.clearance.signing.XmlSigner;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Against the real RabbitMQ on 127.0.0.1:5672, on queues of this test run only. */
class CustomsSimulatorTest {

    static CustomsSimulator customs;
    static BridgeSide bridge;

    @BeforeAll
    static void start() throws Exception {
        customs = CustomsSimulator.start(Settings.defaults()
                .withQueueSuffix("test-" + UUID.randomUUID().toString().substring(0, 8))
                .withMatchTimeout(Duration.ofMillis(800))
                .withInspectionHold(Duration.ofMillis(150)));
        bridge = new BridgeSide(customs);
    }

    @AfterAll
    static void stop() throws Exception {
        customs.close();
        bridge.close();
    }

    @BeforeEach
    void reset() {
        customs.reset();
    }

    @AfterEach
    void everyReceiptValidatesAndParses() {
        assertThat(bridge.problems).isEmpty();
    }

    /** Pays, files 311 + 621, and waits for 800 and the tax bill. Returns the list's 800 receipt. */
    private BridgeSide.Arrived release(Filing filing, XmlSigner signer) throws Exception {
        bridge.pay(filing);
        for (var message : Fixtures.filingMessages(filing, AppType.NEW, signer)) bridge.send(message);
        String copNo = filing.clearance().copNo();
        bridge.awaitStatuses("CEB622Message", copNo, "2", "120", "800");
        var released = bridge.about("CEB622Message", copNo).stream()
                .filter(a -> a.status().equals("800"))
                .findFirst()
                .orElseThrow();
        String invtNo = released.receipt().invtNo();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !bridge.about("CEB816Message", invtNo).isEmpty());
        return released;
    }

    @Test
    void happyPathWithRsa() throws Exception {
        happyPath(Fixtures.rsa());
    }

    @Test
    void happyPathWithSm2() throws Exception {
        happyPath(Fixtures.sm2());
    }

    private void happyPath(XmlSigner signer) throws Exception {
        String orderNo = Fixtures.orderNo();
        String id = Fixtures.idNumber();
        Filing filing = Fixtures.bonded(orderNo, id);
        var messages = Fixtures.filingMessages(filing, AppType.NEW, signer);
        bridge.pay(filing);
        for (var message : messages) bridge.send(message);
        String copNo = filing.clearance().copNo();

        bridge.awaitStatuses("CEB312Message", orderNo, "2", "120");
        bridge.awaitStatuses("CEB622Message", copNo, "2", "120", "800");
        assertThat(bridge.statuses("CEB312Message", orderNo)).containsExactly("2", "120");
        assertThat(bridge.statuses("CEB622Message", copNo)).containsExactly("2", "120", "800");

        var order2 = bridge.about("CEB312Message", orderNo).getFirst();
        assertThat(order2.receipt().returnInfo())
                .isEqualTo("新增申报成功[" + messages.get(0).guid() + "]");
        assertThat(order2.receipt().ebpCode()).isEqualTo(Fixtures.EBP);
        var list = bridge.about("CEB622Message", copNo);
        assertThat(list.get(0).receipt().returnInfo())
                .isEqualTo("新增申报成功[" + messages.get(1).guid() + "]");
        assertThat(list.get(0).receipt().preNo()).hasSize(18);
        assertThat(list.get(0).receipt().invtNo()).isNull();
        String invtNo = list.get(2).receipt().invtNo();
        assertThat(invtNo).hasSize(18).startsWith("4612");
        assertThat(list.get(1).receipt().invtNo()).isEqualTo(invtNo);
        assertThat(list.get(2).receipt().customsCode()).isEqualTo("4612");

        // Every receipt: a DXP envelope from customs to the sender, typed, its own fresh guid as the message id.
        for (var arrived : bridge.arrived) {
            DxpMessage envelope = DxpEnvelope.read(arrived.body());
            assertThat(envelope.senderId()).isEqualTo("DXPEDCCEB0000002");
            assertThat(envelope.receiverIds()).containsExactly(Fixtures.DXP_ID);
            assertThat(envelope.msgType()).isEqualTo(arrived.type());
            assertThat(arrived.messageId()).isEqualTo(arrived.batch().guid()).isEqualTo(envelope.copMsgId());
            assertThat(arrived.batch().guid()).hasSize(36).isUpperCase();
            assertThat(arrived.contentType()).isEqualTo("application/xml");
            assertThat(CebSchema.ceb().validate(envelope.data())).isEmpty();
        }
        assertThat(bridge.arrived.stream().map(a -> a.batch().guid()).distinct())
                .hasSize(bridge.arrived.size());

        await().atMost(Duration.ofSeconds(5))
                .until(() -> !bridge.about("CEB816Message", invtNo).isEmpty());
        TaxReceipt tax =
                bridge.about("CEB816Message", invtNo).getFirst().batch().taxes().getFirst();
        assertThat(tax.valueAddedTax()).isEqualByComparingTo(filing.taxTotal());
        assertThat(tax.customsTax()).isEqualByComparingTo("0");
        assertThat(tax.status()).isEqualTo("1");
        assertThat(tax.lines()).hasSize(2);
        assertThat(tax.lines().stream().map(TaxReceipt.Line::valueAddedTax).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(filing.taxTotal());

        OrderFilings filings = customs.filings(orderNo);
        assertThat(filings.received("CEB311Message")).singleElement().satisfies(m -> {
            assertThat(m.arrivals()).isEqualTo(1);
            assertThat(m.appType()).isEqualTo("1");
            assertThat(m.guid()).isEqualTo(messages.get(0).guid());
        });
        assertThat(filings.received("CEB621Message"))
                .singleElement()
                .extracting(ReceivedMessage::arrivals)
                .isEqualTo(1);
        assertThat(filings.orderStatus()).isEqualTo("120");
        assertThat(filings.listStatus()).isEqualTo("800");
        assertThat(filings.invtNo()).isEqualTo(invtNo);
        assertThat(filings.waybill().consignee()).isEqualTo("张三");
        assertThat(filings.payment().toString()).doesNotContain(id);
        assertThat(customs.annualTotal(id)).isEqualByComparingTo("280.00");
    }

    @Test
    void aMessageFailingTheSchemaGetsA900() throws Exception {
        String orderNo = Fixtures.orderNo();
        var order = Fixtures.filingMessages(Fixtures.bonded(orderNo, Fixtures.idNumber()), AppType.NEW, Fixtures.rsa())
                .get(0);
        String xml = new String(order.xml(), StandardCharsets.UTF_8);
        assertThat(xml).contains("<ceb:orderType>I</ceb:orderType>");
        byte[] broken = xml.replace("<ceb:orderType>I</ceb:orderType>", "").getBytes(StandardCharsets.UTF_8);
        bridge.send(Fixtures.envelope(order.guid(), order.msgType(), broken), order.guid(), order.msgType());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !bridge.errorsFor(order.guid()).isEmpty());
        var receipt = bridge.errorsFor(order.guid()).getFirst().receipt();
        assertThat(receipt.returnStatus()).isEqualTo("-0002");
        assertThat(receipt.isError()).isTrue();
        assertThat(receipt.originalMessageType()).isEqualTo("CEB311Message");
        assertThat(receipt.returnInfo()).contains("orderType");
        assertThat(customs.filings(orderNo).received())
                .singleElement()
                .satisfies(m -> assertThat(m.outcome()).startsWith("-0002"));
    }

    @Test
    void anUnreadableEnvelopeGetsA900() throws Exception {
        String copMsgId = UUID.randomUUID().toString().toUpperCase();
        var order = Fixtures.filingMessages(
                        Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber()), AppType.NEW, Fixtures.rsa())
                .get(0);
        String envelope = new String(Fixtures.envelope(copMsgId, order.msgType(), order.xml()), StandardCharsets.UTF_8);
        String broken = envelope.replaceAll("<dxp:Data>[^<]*</dxp:Data>", "<dxp:Data>!!not base64!!</dxp:Data>");
        bridge.send(broken.getBytes(StandardCharsets.UTF_8), copMsgId, order.msgType());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !bridge.errorsFor(copMsgId).isEmpty());
        assertThat(bridge.errorsFor(copMsgId).getFirst().receipt().returnStatus())
                .isEqualTo("-0001");
        assertThat(customs.unattributedMessages())
                .singleElement()
                .extracting(ReceivedMessage::copMsgId)
                .isEqualTo(copMsgId);
    }

    @Test
    void aTamperedListFailsTheSignatureCheck() throws Exception {
        String orderNo = Fixtures.orderNo();
        Filing filing = Fixtures.bonded(orderNo, Fixtures.idNumber());
        var messages = Fixtures.filingMessages(filing, AppType.NEW, Fixtures.sm2());
        var list = messages.get(1);
        byte[] tampered = new String(list.xml(), StandardCharsets.UTF_8)
                .replace("13800138000", "13800138001")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(CebSchema.ceb().validate(tampered)).isEmpty();
        bridge.send(messages.get(0));
        bridge.send(Fixtures.envelope(list.guid(), list.msgType(), tampered), list.guid(), list.msgType());

        bridge.awaitStatuses("CEB622Message", filing.clearance().copNo(), "-621029");
        var receipt = bridge.about("CEB622Message", filing.clearance().copNo())
                .getFirst()
                .receipt();
        assertThat(receipt.returnInfo()).startsWith("签名校验失败");
        assertThat(customs.filings(orderNo).listStatus()).isEqualTo("-621029");

        // RSA too, and a tampered order gets a negative 312.
        String other = Fixtures.orderNo();
        var rsa = Fixtures.filingMessages(Fixtures.bonded(other, Fixtures.idNumber()), AppType.NEW, Fixtures.rsa());
        byte[] order = new String(rsa.get(0).xml(), StandardCharsets.UTF_8)
                .replace("张三", "李四")
                .getBytes(StandardCharsets.UTF_8);
        bridge.send(
                Fixtures.envelope(rsa.get(0).guid(), "CEB311Message", order),
                rsa.get(0).guid(),
                "CEB311Message");
        bridge.awaitStatuses("CEB312Message", other, "-1001");
        assertThat(bridge.about("CEB312Message", other).getFirst().receipt().returnInfo())
                .startsWith("签名校验失败");
    }

    @Test
    void threeDocumentMismatchRejectsTheList() throws Exception {
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        var response = bridge.post("/partner/payments", Fixtures.paymentJson(filing, "300.00"));
        assertThat(response.statusCode()).isEqualTo(202);
        for (var message : Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        String copNo = filing.clearance().copNo();
        bridge.awaitStatuses("CEB622Message", copNo, "2", "100");
        assertThat(bridge.statuses("CEB622Message", copNo)).containsExactly("2", "100");
        assertThat(bridge.about("CEB622Message", copNo).get(1).receipt().returnInfo())
                .contains("三单对碰失败")
                .contains("300.00");

        // The logistics company's waybill names another consignee.
        customs.faults().mismatchNextWaybills(1);
        Filing second = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        bridge.pay(second);
        for (var message : Fixtures.filingMessages(second, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", second.clearance().copNo(), "2", "100");
        assertThat(bridge.about("CEB622Message", second.clearance().copNo())
                        .get(1)
                        .receipt()
                        .returnInfo())
                .contains("运单收货人");
        assertThat(customs.filings(second.orderNo()).waybill().mismatched()).isTrue();
    }

    @Test
    void aMissingPaymentIsAwaitedThenTheListIsRejected() throws Exception {
        Filing late = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        Filing never = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        for (var message : Fixtures.filingMessages(late, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        for (var message : Fixtures.filingMessages(never, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", late.clearance().copNo(), "2");
        bridge.pay(late);

        bridge.awaitStatuses("CEB622Message", late.clearance().copNo(), "2", "120", "800");
        bridge.awaitStatuses("CEB622Message", never.clearance().copNo(), "2", "100");
        assertThat(bridge.about("CEB622Message", never.clearance().copNo())
                        .get(1)
                        .receipt()
                        .returnInfo())
                .contains("支付凭证");
    }

    @Test
    void aMultiItemListOver5000IsRefused() throws Exception {
        Filing filing = Fixtures.filing(
                Fixtures.orderNo(),
                Fixtures.idNumber(),
                List.of(new Fixtures.Item("2600.00", 1), new Fixtures.Item("2400.50", 1)));
        bridge.pay(filing);
        for (var message : Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", filing.clearance().copNo(), "-621005");
        assertThat(bridge.statuses("CEB622Message", filing.clearance().copNo())).containsExactly("-621005");
        assertThat(bridge.about("CEB622Message", filing.clearance().copNo())
                        .getFirst()
                        .receipt()
                        .isError())
                .isTrue();
    }

    @Test
    void theAnnualLimitCountsReleasedListsAndReturnsRestoreIt() throws Exception {
        String id = Fixtures.idNumber();
        // One item over 5,000 may clear; it counts toward the year.
        Filing big = Fixtures.filing(Fixtures.orderNo(), id, List.of(new Fixtures.Item("20000.00", 1)));
        var released = release(big, Fixtures.rsa());
        assertThat(customs.annualTotal(id)).isEqualByComparingTo("20000.00");

        Filing over = Fixtures.filing(Fixtures.orderNo(), id, List.of(new Fixtures.Item("7000.00", 1)));
        bridge.pay(over);
        for (var message : Fixtures.filingMessages(over, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", over.clearance().copNo(), "-621018");
        assertThat(bridge.about("CEB622Message", over.clearance().copNo())
                        .getFirst()
                        .receipt()
                        .returnInfo())
                .contains("26000");

        // Cancelling the big list gives its value back: the same list now clears (declared again, appType 1).
        var cancel = Fixtures.signed(
                Fixtures.MESSAGES.cancellation(
                        big,
                        new Cancellation(
                                released.receipt().invtNo(), released.receipt().preNo(), "买家取消")),
                Fixtures.rsa());
        bridge.send(cancel);
        bridge.awaitStatuses("CEB624Message", big.clearance().copNo(), "2", "120", "399");
        assertThat(customs.annualTotal(id)).isEqualByComparingTo("0");
        assertThat(customs.filings(big.orderNo()).cancelStatus()).isEqualTo("399");

        Filing again = Fixtures.filing(over.orderNo() + "B", id, List.of(new Fixtures.Item("7000.00", 1)));
        release(again, Fixtures.rsa());
        assertThat(customs.annualTotal(id)).isEqualByComparingTo("7000.00");
    }

    @Test
    void aReturnRestoresTheReturnedValue() throws Exception {
        String id = Fixtures.idNumber();
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), id);
        var released = release(filing, Fixtures.rsa());
        var refund = Fixtures.signed(
                Fixtures.MESSAGES.refund(
                        filing,
                        new Refund(
                                released.receipt().invtNo(),
                                null,
                                "质量问题",
                                List.of(new Refund.Item(2, BigDecimal.ONE)))),
                Fixtures.sm2());
        bridge.send(refund);
        bridge.awaitStatuses("CEB626Message", filing.clearance().copNo(), "2", "120", "399");
        assertThat(bridge.statuses("CEB626Message", filing.clearance().copNo())).containsExactly("2", "120", "399");
        assertThat(customs.annualTotal(id)).isEqualByComparingTo("250.00");
        assertThat(customs.filings(filing.orderNo()).refundStatus()).isEqualTo("399");
    }

    @Test
    void retransmissionsAreCountedAndAnsweredWithTheCurrentStatus() throws Exception {
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        String orderNo = filing.orderNo();
        String copNo = filing.clearance().copNo();
        var messages = Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa());
        bridge.pay(filing);
        for (var message : messages) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", copNo, "2", "120", "800");

        // The same envelopes again (at-least-once delivery): counted, answered with 120 and 800, nothing negative.
        for (var message : messages) bridge.send(message);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> customs.filings(orderNo).received().stream().allMatch(m -> m.arrivals() == 2));
        bridge.awaitStatuses("CEB622Message", copNo, "2", "120", "800");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bridge.statuses("CEB622Message", copNo).size() == 4);
        assertThat(bridge.statuses("CEB622Message", copNo)).containsExactly("2", "120", "800", "800");
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bridge.statuses("CEB312Message", orderNo).size() == 3);
        assertThat(bridge.statuses("CEB312Message", orderNo)).containsExactly("2", "120", "120");
        OrderFilings filings = customs.filings(orderNo);
        assertThat(filings.received())
                .hasSize(2)
                .allSatisfy(m -> assertThat(m.arrivals()).isEqualTo(2));

        // A new declaration (another guid) of the same order or list is a duplicate.
        var duplicate = Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa());
        for (var message : duplicate) bridge.send(message);
        bridge.awaitStatuses("CEB312Message", orderNo, "-301010");
        bridge.awaitStatuses("CEB622Message", copNo, "-621004");
        assertThat(customs.filings(orderNo).received()).hasSize(4);
        assertThat(customs.filings(orderNo).listStatus()).isEqualTo("800");

        // appType 2 replaces the stored order.
        var change = Fixtures.signed(Fixtures.MESSAGES.order(filing, AppType.CHANGE), Fixtures.rsa());
        bridge.send(change);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> bridge.about("CEB312Message", orderNo).stream()
                        .anyMatch(a -> a.receipt().returnInfo().equals("变更申报成功[" + change.guid() + "]")));
    }

    @Test
    void dropAndDuplicateFaults() throws Exception {
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        var order = Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa()).get(0);
        customs.faults().dropNextReceipts(1);
        bridge.send(order);
        bridge.awaitStatuses("CEB312Message", filing.orderNo(), "120");
        assertThat(bridge.statuses("CEB312Message", filing.orderNo())).containsExactly("120");
        assertThat(customs.filings(filing.orderNo()).receipts())
                .extracting(SentReceipt::returnStatus, SentReceipt::delivery)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2", SentReceipt.Delivery.DROPPED),
                        org.assertj.core.groups.Tuple.tuple("120", SentReceipt.Delivery.SENT));

        Filing second = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        customs.faults().duplicateNextReceipts(1);
        bridge.send(Fixtures.filingMessages(second, AppType.NEW, Fixtures.rsa()).get(0));
        bridge.awaitStatuses("CEB312Message", second.orderNo(), "120");
        var twos = bridge.about("CEB312Message", second.orderNo()).stream()
                .filter(a -> a.status().equals("2"))
                .toList();
        assertThat(twos).hasSize(2);
        assertThat(Arrays.equals(twos.get(0).body(), twos.get(1).body())).isTrue();
        assertThat(twos.get(0).messageId()).isEqualTo(twos.get(1).messageId());
    }

    @Test
    void reorderDeliversAListsReceiptsInReverse() throws Exception {
        customs.faults().reorderNextLists(1);
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        release(filing, Fixtures.rsa());
        assertThat(bridge.statuses("CEB622Message", filing.clearance().copNo())).containsExactly("800", "120", "2");
        // the tax bill came first: it was the last produced
        String invtNo = customs.filings(filing.orderNo()).invtNo();
        var types = bridge.arrived.stream()
                .filter(a -> bridge.about("CEB622Message", filing.clearance().copNo())
                                .contains(a)
                        || bridge.about("CEB816Message", invtNo).contains(a))
                .map(BridgeSide.Arrived::type)
                .toList();
        assertThat(types).containsExactly("CEB816Message", "CEB622Message", "CEB622Message", "CEB622Message");
    }

    @Test
    void rejectAndInspectFaults() throws Exception {
        customs.faults().rejectNextLists(1, "海关退单：测试原因");
        Filing rejected = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        bridge.pay(rejected);
        for (var message : Fixtures.filingMessages(rejected, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", rejected.clearance().copNo(), "2", "100");
        assertThat(bridge.about("CEB622Message", rejected.clearance().copNo())
                        .get(1)
                        .receipt()
                        .returnInfo())
                .isEqualTo("海关退单：测试原因");

        customs.faults().inspectNextLists(1);
        Filing inspected = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        release(inspected, Fixtures.rsa());
        assertThat(bridge.statuses("CEB622Message", inspected.clearance().copNo()))
                .containsExactly("2", "120", "500", "800");

        customs.faults().inspectNextLists(1).detainOnInspection(true);
        Filing detained = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        bridge.pay(detained);
        for (var message : Fixtures.filingMessages(detained, AppType.NEW, Fixtures.rsa())) bridge.send(message);
        bridge.awaitStatuses("CEB622Message", detained.clearance().copNo(), "2", "120", "500", "501");
        assertThat(customs.filings(detained.orderNo()).listStatus()).isEqualTo("501");
    }

    @Test
    void delayedReceiptsArriveLater() throws Exception {
        customs.faults().delayReceipts(Duration.ofMillis(400));
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        long sent = System.nanoTime();
        bridge.send(Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa()).get(0));
        bridge.awaitStatuses("CEB312Message", filing.orderNo(), "2");
        assertThat(Duration.ofNanos(System.nanoTime() - sent)).isGreaterThanOrEqualTo(Duration.ofMillis(440));
    }

    @Test
    void thePartnerApiRefusesBadInput() throws Exception {
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        String good = Fixtures.paymentJson(filing, "315.48");
        String id = filing.buyer().idNumber().value();
        for (String bad : List.of(
                "not json",
                "[1,2]",
                good.replace("\"orderNo\":\"" + filing.orderNo() + "\",", ""),
                good.replace(id, id.substring(0, 17) + (id.endsWith("0") ? "1" : "0")),
                good.replace("\"315.48\"", "\"abc\""),
                good.replace("\"315.48\"", "\"-1\""),
                good.replace("\"currency\":\"142\"", "\"currency\":\"840\""),
                good.replace("2026-11-28T10:00:00Z", "yesterday"))) {
            var response = bridge.post("/partner/payments", bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).contains("error").doesNotContain(id);
        }
        var accepted = bridge.post("/partner/payments", good);
        assertThat(accepted.statusCode()).isEqualTo(202);
        assertThat(accepted.body()).contains("\"status\": \"accepted\"");
        assertThat(bridge.post("/partner/payments", good).statusCode()).isEqualTo(202);
        var conflict =
                bridge.post("/partner/payments", good.replace(filing.payment().transactionId(), "OTHER1"));
        assertThat(conflict.statusCode()).isEqualTo(409);
        assertThat(customs.payment(Fixtures.EBP, filing.orderNo()).amountPaid()).isEqualByComparingTo("315.48");
        var shown = bridge.get("/partner/payments?ebpCode=" + Fixtures.EBP + "&orderNo=" + filing.orderNo());
        assertThat(shown.body()).contains(PartnerPayment.mask(id)).doesNotContain(id);
    }

    @Test
    void theControlEndpoints() throws Exception {
        var faults = bridge.post("/control/faults", "{\"rejectNext\": 2, \"dropPercent\": 10, \"seed\": 7}");
        assertThat(faults.statusCode()).isEqualTo(200);
        assertThat(customs.faults().toMap()).containsEntry("rejectNext", 2).containsEntry("dropPercent", 10);
        assertThat(bridge.post("/control/faults", "{\"dropPercent\": 200}").statusCode())
                .isEqualTo(400);
        assertThat(bridge.get("/control/state").body())
                .contains("\"rejectNext\": 2")
                .contains(customs.outboundQueue());

        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        bridge.post("/control/faults", "{\"clear\": true}");
        release(filing, Fixtures.rsa());
        var filings = bridge.get("/control/filings?orderNo=" + filing.orderNo());
        assertThat(filings.statusCode()).isEqualTo(200);
        assertThat(filings.body())
                .contains("\"listStatus\": \"800\"")
                .contains("\"arrivals\": 1")
                .doesNotContain(filing.buyer().idNumber().value());
        assertThat(bridge.get("/control/filings?orderNo=NOPE").statusCode()).isEqualTo(404);
        assertThat(bridge.post("/control/reset", "").statusCode()).isEqualTo(200);
        assertThat(customs.filings(filing.orderNo())).isNull();
    }
}
