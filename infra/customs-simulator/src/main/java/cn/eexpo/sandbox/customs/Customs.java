package cn.eexpo.sandbox.customs;

import cn.eexpo.clearance.ceb.Ceb311Message;
import cn.eexpo.clearance.ceb.Ceb621Message;
import cn.eexpo.clearance.ceb.Ceb623Message;
import cn.eexpo.clearance.ceb.Ceb625Message;
import cn.eexpo.clearance.ceb.CebMessage;
import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.CebXml;
import cn.eexpo.clearance.ceb.SchemaProblem;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.xml.SecureXml;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;

/**
 * What customs does with each message, and the documents it holds. All state sits behind this object's monitor;
 * timed steps run on one scheduler thread, receipts are published in order on another. Nothing personal (names, ID
 * numbers, phone numbers, addresses) is logged.
 */
final class Customs implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Customs.class.getName());
    private static final BigDecimal SINGLE_LIMIT = new BigDecimal("5000.00");
    private static final BigDecimal ANNUAL_LIMIT = new BigDecimal("26000.00");
    private static final Pattern COP_MSG_ID = Pattern.compile("<(?:\\w+:)?CopMsgId>([^<]{1,255})</");
    private static final Pattern SENDER_ID = Pattern.compile("<(?:\\w+:)?SenderId>([^<]{1,16})</");
    private static final Pattern MSG_TYPE = Pattern.compile("<(?:\\w+:)?MsgType>([^<]{1,30})</");
    private static final Pattern ORDER_NO = Pattern.compile("<(?:\\w+:)?orderNo>([^<]{1,60})</");
    private static final Pattern ROOT_GUID = Pattern.compile("guid=\"([^\"]{1,60})\"");
    private static final String UNKNOWN_RECEIVER = "DXPUNKNOWN";

    /** Where receipts go (the AMQP receipt queue). */
    interface Publisher {
        void publish(byte[] body, String messageId, String type);
    }

    private final Settings settings;
    private final Faults faults;
    private final SignatureVerifier verifier;
    private final Publisher publisher;
    private final ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("customs-clock").daemon().factory());
    private final ScheduledExecutorService out = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("customs-receipts").daemon().factory());
    private long preNoSequence = ThreadLocalRandom.current().nextLong(100_000_000L, 900_000_000L);
    private long invtNoSequence = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);

    // state, guarded by this
    private long generation;
    private final Map<String, Received> byCopMsgId = new HashMap<>();
    private final Map<String, Received> byGuid = new HashMap<>();
    private final List<Received> unattributed = new ArrayList<>();
    private final Map<String, Track> tracks = new LinkedHashMap<>();
    private final Map<String, OrderDoc> orders = new HashMap<>();
    private final Map<String, PartnerPayment> payments = new HashMap<>();
    private final Map<String, Waybill> waybills = new HashMap<>();
    private final Map<String, ListDoc> lists = new HashMap<>();
    /** Every list customs answered, by buyer ID number (upper case): the annual limit adds up a buyer's lists. */
    private final Map<String, List<ListDoc>> listsByBuyer = new HashMap<>();
    /** Released value customs holds for a buyer from other platforms, by ID number (upper case). */
    private final Map<String, BigDecimal> elsewhere = new HashMap<>();

    private int received;
    private int retransmissions;
    private int published;

    Customs(Settings settings, Faults faults, Publisher publisher) {
        this.settings = settings;
        this.faults = faults;
        this.verifier = new SignatureVerifier(settings.trustedCertificates());
        this.publisher = publisher;
    }

    // ================================================================================================ intake

    /**
     * One AMQP message body from the outbound queue: a DXP envelope. The checks that cost CPU (schemas, reading,
     * the signature) run outside the lock, so that several consumers check messages in parallel; what customs then
     * decides runs under it.
     */
    void receive(byte[] body) {
        receive(inspect(body));
    }

    /** What the stateless checks found in one envelope. */
    private record Inspection(
            byte[] body,
            List<SchemaProblem> dxpProblems,
            @Nullable DxpMessage envelope,
            @Nullable String envelopeError,
            List<SchemaProblem> cebProblems,
            @Nullable CebMessage message,
            @Nullable String readError,
            @Nullable String signatureProblem) {}

    private Inspection inspect(byte[] body) {
        List<SchemaProblem> dxp = CebSchema.dxp().validate(body);
        DxpMessage envelope = null;
        String envelopeError = null;
        if (dxp.isEmpty()) {
            try {
                envelope = DxpEnvelope.read(body);
            } catch (RuntimeException e) {
                envelopeError = String.valueOf(e.getMessage());
            }
        }
        List<SchemaProblem> ceb = List.of();
        CebMessage message = null;
        String readError = null;
        String signature = null;
        if (envelope != null) {
            byte[] data = envelope.data();
            ceb = CebSchema.ceb().validate(data);
            if (ceb.isEmpty()) {
                try {
                    // Parsed once: read, and its signature checked.
                    Document document = SecureXml.parse(data);
                    message = CebXml.read(document);
                    signature = verifier.problem(document);
                } catch (RuntimeException e) {
                    readError = String.valueOf(e.getMessage());
                }
            }
        }
        return new Inspection(body, dxp, envelope, envelopeError, ceb, message, readError, signature);
    }

    private synchronized void receive(Inspection inspection) {
        byte[] body = inspection.body();
        received++;
        Instant now = Instant.now();
        String text = new String(body, StandardCharsets.UTF_8);
        DxpMessage envelope = null;
        String envelopeProblem;
        List<SchemaProblem> problems = inspection.dxpProblems();
        if (problems.isEmpty()) {
            envelope = inspection.envelope();
            envelopeProblem = inspection.envelopeError();
        } else {
            envelopeProblem = describe(problems);
        }
        if (envelope == null) {
            String copMsgId = find(COP_MSG_ID, text);
            if (copMsgId != null && byCopMsgId.containsKey(copMsgId)) {
                retransmitted(byCopMsgId.get(copMsgId), now);
                return;
            }
            String msgType = Objects.requireNonNullElse(find(MSG_TYPE, text), "");
            String receiver = Objects.requireNonNullElse(find(SENDER_ID, text), UNKNOWN_RECEIVER);
            String info = "DXP报文格式错误 (envelope invalid): " + envelopeProblem;
            Received r = register(new Received(copMsgId, null, msgType, null, List.of(), now), "-0001 " + info);
            r.answers.add(() -> messageReturn(r, "-0001", info, receiver));
            LOG.log(System.Logger.Level.INFO, "customs: unreadable DXP envelope {0} → CEB900 -0001", copMsgId);
            replay(r);
            return;
        }
        Received known = byCopMsgId.get(envelope.copMsgId());
        if (known != null) {
            retransmitted(known, now);
            return;
        }
        byte[] data = envelope.data();
        String dataText = new String(data, StandardCharsets.UTF_8);
        String receiver = envelope.senderId();
        List<SchemaProblem> cebProblems = inspection.cebProblems();
        CebMessage message = null;
        String formatProblem = null;
        if (!cebProblems.isEmpty()) {
            formatProblem = "报文格式校验失败 (schema): " + describe(cebProblems);
        } else {
            try {
                if (inspection.readError() != null) throw new IllegalStateException(inspection.readError());
                message = java.util.Objects.requireNonNull(inspection.message());
                if (!message.type().rootName().equals(envelope.msgType())) {
                    formatProblem = "MsgType " + envelope.msgType() + " 与报文 "
                            + message.type().rootName() + " 不符";
                    message = null;
                }
            } catch (RuntimeException e) {
                formatProblem = "不受理的报文 (not a message customs takes): " + e.getMessage();
            }
        }
        if (message == null) {
            String guid = find(ROOT_GUID, dataText);
            if (guid != null && byGuid.containsKey(guid)) {
                retransmitted(byGuid.get(guid), now);
                return;
            }
            String orderNo = find(ORDER_NO, dataText);
            String info = formatProblem;
            Received r = register(
                    new Received(
                            envelope.copMsgId(),
                            guid,
                            envelope.msgType(),
                            null,
                            orderNo == null ? List.of() : List.of(orderNo),
                            now),
                    "-0002 " + info);
            r.answers.add(() -> messageReturn(r, "-0002", info, receiver));
            LOG.log(
                    System.Logger.Level.INFO,
                    "customs: {0} {1} fails the format check → CEB900 -0002",
                    envelope.msgType(),
                    envelope.copMsgId());
            replay(r);
            return;
        }
        Received byMessageGuid = byGuid.get(message.guid());
        if (byMessageGuid != null) {
            byCopMsgId.put(envelope.copMsgId(), byMessageGuid);
            retransmitted(byMessageGuid, now);
            return;
        }
        Received r = register(
                new Received(
                        envelope.copMsgId(),
                        message.guid(),
                        envelope.msgType(),
                        appType(message),
                        message.orderNos(),
                        now),
                "accepted");
        String signatureProblem = inspection.signatureProblem();
        LOG.log(
                System.Logger.Level.INFO,
                "customs: received {0} {1} for orders {2}{3}",
                envelope.msgType(),
                message.guid(),
                message.orderNos(),
                signatureProblem == null ? "" : " (signature: " + signatureProblem + ")");
        switch (message) {
            case Ceb311Message m -> orders(r, m, receiver, signatureProblem);
            case Ceb621Message m -> inventories(r, m, receiver, signatureProblem);
            case Ceb623Message m -> cancellations(r, m, receiver, signatureProblem);
            case Ceb625Message m -> refunds(r, m, receiver, signatureProblem);
        }
    }

    private Received register(Received r, String outcome) {
        r.outcome = outcome;
        if (r.copMsgId != null) byCopMsgId.put(r.copMsgId, r);
        if (r.guid != null) byGuid.put(r.guid, r);
        if (r.orderNos.isEmpty()) unattributed.add(r);
        for (String orderNo : r.orderNos) track(orderNo).received.add(r);
        return r;
    }

    private void retransmitted(Received r, Instant now) {
        r.arrivals++;
        r.lastArrival = now;
        retransmissions++;
        LOG.log(
                System.Logger.Level.INFO,
                "customs: {0} {1} arrived again ({2} times): answering with the current status",
                r.msgType,
                r.guid != null ? r.guid : r.copMsgId,
                r.arrivals);
        replay(r);
    }

    /** Sends the answers of a message: its current status per business node. */
    private void replay(Received r) {
        for (Runnable answer : r.answers) answer.run();
    }

    // ================================================================================================ CEB311

    private void orders(Received r, Ceb311Message m, String receiver, @Nullable String signatureProblem) {
        List<String> outcomes = new ArrayList<>();
        for (Ceb311Message.Order order : m.orders()) {
            Ceb311Message.OrderHead h = order.head();
            String key = key(h.ebpCode(), h.orderNo());
            OrderDoc existing = orders.get(key);
            OrderDoc doc = new OrderDoc(h, order.lines(), receiver);
            Track t = track(h.orderNo());
            if (signatureProblem != null) {
                doc.fixed("-1001", "签名校验失败 (" + signatureProblem + ")");
            } else if (!h.appType().equals("1") && !h.appType().equals("2")) {
                doc.fixed("100", "不支持的申报类型 appType " + h.appType());
            } else if (h.appType().equals("1") && existing != null && existing.active()) {
                doc.fixed("-301010", "订单重复申报 (duplicate order) [" + h.orderNo() + "]");
            } else {
                if (existing != null) existing.superseded = true;
                orders.put(key, doc);
                t.order = doc;
                doc.status = "2";
                doc.info = (h.appType().equals("2") ? "变更申报成功[" : "新增申报成功[") + h.guid() + "]";
                String accepted = doc.info;
                at(settings.acceptDelay(), () -> {
                    if (doc.live()) orderReturn(doc, "2", accepted);
                });
                at(settings.entryDelay(), () -> {
                    if (!doc.live()) return;
                    doc.status = "120";
                    doc.info = "海关入库成功";
                    orderReturn(doc, doc.status, doc.info);
                });
                r.answers.add(() -> orderReturn(doc, doc.status, doc.info));
                outcomes.add("accepted");
                continue;
            }
            if (t.order == null) t.order = doc;
            r.answers.add(() -> orderReturn(doc, doc.status, doc.info));
            orderReturn(doc, doc.status, doc.info);
            outcomes.add(doc.status + " " + doc.info);
        }
        r.outcome = String.join("; ", outcomes);
    }

    private void orderReturn(OrderDoc doc, String status, String info) {
        String guid = ReceiptXml.newGuid();
        byte[] xml = ReceiptXml.orderReturn(
                guid,
                doc.head.ebpCode(),
                doc.head.ebcCode(),
                doc.head.orderNo(),
                status,
                ReceiptXml.returnTime(),
                info);
        emit(List.of(track(doc.head.orderNo())), "CEB312Message", guid, xml, status, info, doc.receiver, null);
    }

    // ================================================================================================ CEB621

    private void inventories(Received r, Ceb621Message m, String receiver, @Nullable String signatureProblem) {
        List<String> outcomes = new ArrayList<>();
        for (Ceb621Message.Inventory inventory : m.inventories()) {
            Ceb621Message.InventoryHead h = inventory.head();
            ListDoc doc = new ListDoc(h, inventory.lines(), receiver, nextPreNo());
            Track t = track(h.orderNo());
            ListDoc existing = lists.get(doc.key);
            int quantity = inventory.lines().stream()
                    .map(Ceb621Message.InventoryLine::qty)
                    .reduce(BigDecimal.ZERO, BigDecimal::add)
                    .intValue();
            boolean singleItem = inventory.lines().size() == 1
                    && inventory.lines().getFirst().qty().compareTo(BigDecimal.ONE) == 0;
            String buyer = h.buyerIdNumber().value();
            if (signatureProblem != null) {
                doc.fixed("-621029", "签名校验失败 (" + signatureProblem + ")");
            } else if (!h.appType().equals("1") && !h.appType().equals("2")) {
                doc.fixed("100", "不支持的申报类型 appType " + h.appType());
            } else if (h.appType().equals("1") && existing != null && existing.active()) {
                doc.fixed("-621004", "清单重复申报 (list already declared) [" + doc.copNo() + "]");
            } else if (h.appType().equals("2") && existing != null && existing.releasedAt != null) {
                doc.fixed("100", "清单已放行，不能变更 (released list cannot be changed)");
            } else if (doc.value.compareTo(SINGLE_LIMIT) > 0 && !singleItem) {
                doc.fixed(
                        "-621005",
                        "超过单次交易限值5000元 (single transaction limit exceeded): " + doc.value.toPlainString() + " 元, "
                                + quantity + " 件");
            } else if (annualTotal(buyer, yearNow(), existing).add(doc.value).compareTo(ANNUAL_LIMIT) > 0) {
                doc.fixed(
                        "-621018",
                        "超过年度交易限值26000元 (annual limit exceeded): 本年已放行 "
                                + annualTotal(buyer, yearNow(), existing).toPlainString() + " 元, 本单 "
                                + doc.value.toPlainString() + " 元");
            } else {
                accept(doc, existing, t);
                r.answers.add(() -> listReturn(doc, "CEB622Message", doc.keys(), doc.status, doc.info, doc));
                outcomes.add("accepted");
                continue;
            }
            remember(doc);
            if (t.list == null || !t.list.active()) t.list = doc;
            r.answers.add(() -> listReturn(doc, "CEB622Message", doc.keys(), doc.status, doc.info, null));
            listReturn(doc, "CEB622Message", doc.keys(), doc.status, doc.info, null);
            outcomes.add(doc.status + " " + doc.info);
        }
        r.outcome = String.join("; ", outcomes);
    }

    private void accept(ListDoc doc, @Nullable ListDoc existing, Track t) {
        if (existing != null) {
            existing.superseded = true;
            flushHeld(existing);
        }
        lists.put(doc.key, doc);
        remember(doc);
        t.list = doc;
        doc.status = "2";
        doc.info = (doc.head.appType().equals("2") ? "变更申报成功[" : "新增申报成功[") + doc.head.guid() + "]";
        doc.reorder = faults.reorder();
        doc.reject = faults.reject();
        doc.inspect = faults.inspect();
        doc.matchDeadline = Instant.now().plus(settings.entryDelay()).plus(settings.matchTimeout());
        fileWaybill(doc);
        String accepted = doc.info;
        at(settings.acceptDelay(), () -> {
            if (doc.live()) listReturn(doc, "CEB622Message", doc.keys(), "2", accepted, doc);
        });
        at(settings.entryDelay(), () -> entry(doc));
    }

    /** Before 120: the three-document match (三单对碰), waiting for missing documents up to the match timeout. */
    private void entry(ListDoc doc) {
        if (!doc.live()) return;
        fileWaybill(doc);
        OrderDoc order = orders.get(key(doc.head.ebpCode(), doc.head.orderNo()));
        if (order != null && !order.active()) order = null;
        PartnerPayment payment = payments.get(key(doc.head.ebpCode(), doc.head.orderNo()));
        Waybill waybill = waybills.get(key(doc.head.logisticsCode(), doc.head.logisticsNo()));
        List<String> missing = new ArrayList<>();
        if (order == null) missing.add("电子订单 (order)");
        if (payment == null) missing.add("支付凭证 (payment)");
        if (waybill == null) missing.add("运单 (waybill)");
        if (!missing.isEmpty()) {
            if (Instant.now().isBefore(doc.matchDeadline)) {
                Duration poll = settings.matchTimeout().compareTo(Duration.ofMillis(50)) < 0
                        ? settings.matchTimeout()
                        : Duration.ofMillis(50);
                at(poll, () -> entry(doc));
            } else {
                finish(doc, "100", "三单对碰失败：未收到" + String.join("、", missing) + " (three-document match: missing)");
            }
            return;
        }
        String mismatch = mismatch(doc, order, payment, waybill);
        if (mismatch != null) {
            finish(doc, "100", "三单对碰失败：" + mismatch);
            return;
        }
        if (doc.reject != null) {
            finish(doc, "100", doc.reject);
            return;
        }
        doc.status = "120";
        doc.info = "海关入库 (logic check passed)";
        doc.invtNo = nextInvtNo(doc.head.customsCode());
        listReturn(doc, "CEB622Message", doc.keys(), doc.status, doc.info, doc);
        at(settings.releaseDelay().minus(settings.entryDelay()), () -> release(doc));
    }

    private @Nullable String mismatch(ListDoc doc, OrderDoc order, PartnerPayment payment, Waybill waybill) {
        var o = order.head;
        if (o.acturalPaid().compareTo(payment.amountPaid()) != 0) {
            return "订单实付金额 " + o.acturalPaid().toPlainString() + " 与支付金额 "
                    + payment.amountPaid().toPlainString() + " 不符 (amount mismatch)";
        }
        if (!o.buyerName().equals(payment.payerName())
                || !o.buyerIdNumber().value().equalsIgnoreCase(payment.payerIdNumber())) {
            return "订购人与支付人不一致 (buyer is not the payer)";
        }
        if (!o.consignee().equals(waybill.consignee())
                || !o.consigneeTelephone().equals(waybill.consigneeTelephone())
                || !o.consigneeAddress().equals(waybill.consigneeAddress())) {
            return "运单收货人与订单收货人不一致 (waybill consignee differs from the order)";
        }
        if (!o.buyerName().equals(doc.head.buyerName())
                || !o.buyerIdNumber()
                        .value()
                        .equalsIgnoreCase(doc.head.buyerIdNumber().value())) {
            return "清单订购人与订单不一致 (list buyer differs from the order)";
        }
        return null;
    }

    private void release(ListDoc doc) {
        if (!doc.live()) return;
        if (doc.inspect) {
            doc.status = "500";
            doc.info = "查验 (inspection)";
            listReturn(doc, "CEB622Message", doc.keys(), doc.status, doc.info, doc);
            at(settings.inspectionHold(), () -> {
                if (!doc.live()) return;
                if (faults.detain()) finish(doc, "501", "扣留移送通关 (detained)");
                else released(doc);
            });
            return;
        }
        released(doc);
    }

    private void released(ListDoc doc) {
        doc.status = "800";
        doc.info = "放行 (released)";
        doc.releasedAt = Instant.now();
        listReturn(doc, "CEB622Message", doc.keys(), doc.status, doc.info, doc);
        taxBill(doc);
        flushHeld(doc);
    }

    private void finish(ListDoc doc, String status, String info) {
        doc.status = status;
        doc.info = info;
        listReturn(doc, "CEB622Message", doc.keys(), status, info, doc);
        flushHeld(doc);
    }

    /** The logistics company files the waybill once the order is there: the order's consignee (or not, as a fault). */
    private void fileWaybill(ListDoc doc) {
        String key = key(doc.head.logisticsCode(), doc.head.logisticsNo());
        if (waybills.containsKey(key)) return;
        OrderDoc order = orders.get(key(doc.head.ebpCode(), doc.head.orderNo()));
        if (order == null || !order.active()) return;
        boolean mismatch = faults.mismatchWaybill();
        var o = order.head;
        Waybill waybill = new Waybill(
                doc.head.logisticsCode(),
                doc.head.logisticsNo(),
                o.orderNo(),
                mismatch ? o.consignee() + "某" : o.consignee(),
                o.consigneeTelephone(),
                o.consigneeAddress(),
                mismatch);
        waybills.put(key, waybill);
        track(o.orderNo()).waybill = waybill;
    }

    /** CEB816 after release: duty 0, the order's taxTotal as VAT, spread over the lines by value (fen). */
    private void taxBill(ListDoc doc) {
        OrderDoc order = orders.get(key(doc.head.ebpCode(), doc.head.orderNo()));
        BigDecimal total = order == null ? BigDecimal.ZERO : order.head.taxTotal();
        List<ReceiptXml.TaxLine> lines = new ArrayList<>();
        BigDecimal left = total;
        for (int i = 0; i < doc.lines.size(); i++) {
            var line = doc.lines.get(i);
            BigDecimal share = i == doc.lines.size() - 1 || doc.value.signum() == 0
                    ? left
                    : total.multiply(line.totalPrice()).divide(doc.value, 2, RoundingMode.HALF_UP);
            left = left.subtract(share);
            lines.add(new ReceiptXml.TaxLine(line.gnum(), line.gcode(), line.totalPrice(), share));
        }
        String guid = ReceiptXml.newGuid();
        String invtNo = Objects.requireNonNull(doc.invtNo);
        byte[] xml = ReceiptXml.taxBill(
                guid,
                ReceiptXml.returnTime(),
                invtNo,
                "TX" + invtNo,
                total,
                doc.head.assureCode(),
                doc.head.ebcCode(),
                doc.head.logisticsCode(),
                doc.head.agentCode(),
                doc.head.customsCode(),
                lines);
        emit(
                List.of(track(doc.head.orderNo())),
                "CEB816Message",
                guid,
                xml,
                "1",
                "电子税单 " + total.toPlainString(),
                doc.receiver,
                doc);
    }

    // ================================================================================================ CEB623/625

    private void cancellations(Received r, Ceb623Message m, String receiver, @Nullable String signatureProblem) {
        List<String> outcomes = new ArrayList<>();
        for (Ceb623Message.InvtCancel c : m.cancels()) {
            ListDoc list = findList(c.invtNo(), c.ebpCode(), c.copNo(), c.orderNo());
            Track t = track(c.orderNo());
            SideDoc doc = new SideDoc(
                    "CEB624Message",
                    c.guid(),
                    c.orderNo(),
                    new ReceiptXml.ListKeys(
                            c.customsCode(),
                            c.ebpCode(),
                            c.ebcCode(),
                            c.agentCode(),
                            copNo(c.copNo(), list, c.orderNo()),
                            nextPreNo(),
                            c.invtNo()),
                    receiver);
            t.cancel = doc;
            if (signatureProblem != null) {
                doc.fixed("-621029", "签名校验失败 (" + signatureProblem + ")");
            } else if (list == null) {
                doc.fixed("100", "撤销失败：未找到清单 " + c.invtNo() + " (no such list)");
            } else if (list.cancelled) {
                doc.fixed("100", "撤销失败：清单已撤销 (already cancelled)");
            } else if (!list.active()) {
                doc.fixed("100", "撤销失败：清单未通过审核 (list not accepted)");
            } else {
                side(doc, () -> {
                    list.cancelled = true;
                    flushHeld(list);
                });
            }
            r.answers.add(() -> sideReturn(doc, doc.status, doc.info));
            if (!doc.status.equals("2")) sideReturn(doc, doc.status, doc.info);
            outcomes.add(doc.status + " " + doc.info);
        }
        r.outcome = String.join("; ", outcomes);
    }

    private void refunds(Received r, Ceb625Message m, String receiver, @Nullable String signatureProblem) {
        List<String> outcomes = new ArrayList<>();
        for (Ceb625Message.InvtRefund refund : m.refunds()) {
            var h = refund.head();
            ListDoc list = findList(h.invtNo(), h.ebpCode(), h.copNo(), h.orderNo());
            Track t = track(h.orderNo());
            SideDoc doc = new SideDoc(
                    "CEB626Message",
                    h.guid(),
                    h.orderNo(),
                    new ReceiptXml.ListKeys(
                            h.customsCode(),
                            h.ebpCode(),
                            h.ebcCode(),
                            h.agentCode(),
                            copNo(h.copNo(), list, h.orderNo()),
                            nextPreNo(),
                            h.invtNo()),
                    receiver);
            t.refund = doc;
            BigDecimal value = list == null ? null : returnedValue(list, refund.lines());
            if (signatureProblem != null) {
                doc.fixed("-621029", "签名校验失败 (" + signatureProblem + ")");
            } else if (list == null) {
                doc.fixed("100", "退货失败：未找到清单 " + h.invtNo() + " (no such list)");
            } else if (list.releasedAt == null || list.cancelled) {
                doc.fixed("100", "退货失败：清单未放行 (list not released)");
            } else if (value == null) {
                doc.fixed("100", "退货失败：商品项号或数量与清单不符 (items or quantities not on the list)");
            } else {
                side(doc, () -> list.returned = list.returned.add(value));
            }
            r.answers.add(() -> sideReturn(doc, doc.status, doc.info));
            if (!doc.status.equals("2")) sideReturn(doc, doc.status, doc.info);
            outcomes.add(doc.status + " " + doc.info);
        }
        r.outcome = String.join("; ", outcomes);
    }

    /** 2 → 120 → 399 for a cancellation or a return; {@code done} runs at 399. */
    private void side(SideDoc doc, Runnable done) {
        doc.status = "2";
        doc.info = "新增申报成功[" + doc.guid + "]";
        String accepted = doc.info;
        at(settings.acceptDelay(), () -> sideReturn(doc, "2", accepted));
        at(settings.entryDelay(), () -> {
            doc.status = "120";
            doc.info = "海关入库 (logic check passed)";
            sideReturn(doc, doc.status, doc.info);
        });
        at(settings.releaseDelay(), () -> {
            doc.status = "399";
            doc.info = "海关审结 (concluded)";
            done.run();
            sideReturn(doc, doc.status, doc.info);
        });
    }

    private void sideReturn(SideDoc doc, String status, String info) {
        String guid = ReceiptXml.newGuid();
        byte[] xml = ReceiptXml.listReturn(doc.root, guid, doc.keys, status, ReceiptXml.returnTime(), info);
        emit(List.of(track(doc.orderNo)), doc.root, guid, xml, status, info, doc.receiver, null);
    }

    private @Nullable BigDecimal returnedValue(ListDoc list, List<Ceb625Message.InvtRefundLine> lines) {
        BigDecimal value = BigDecimal.ZERO;
        for (var line : lines) {
            var declared = list.lines.stream()
                    .filter(l -> l.gnum() == line.gnum())
                    .findFirst()
                    .orElse(null);
            if (declared == null
                    || line.qty().compareTo(declared.qty()) > 0
                    || line.qty().signum() <= 0) return null;
            value = value.add(declared.price().multiply(line.qty()));
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** The list a cancellation or return names: by its customs list number (invtNo), as customs knows it. */
    private @Nullable ListDoc findList(
            @Nullable String invtNo, String ebpCode, @Nullable String copNo, String orderNo) {
        if (invtNo == null || invtNo.isBlank()) return null;
        for (ListDoc l : lists.values()) {
            if (invtNo.equals(l.invtNo) && l.head.ebpCode().equals(ebpCode)) return l;
        }
        return null;
    }

    private static String copNo(@Nullable String copNo, @Nullable ListDoc list, String orderNo) {
        if (copNo != null && !copNo.isEmpty()) return copNo;
        if (list != null) return list.copNo();
        return orderNo.length() <= 20 ? orderNo : orderNo.substring(orderNo.length() - 20);
    }

    // ================================================================================================ 900 and output

    private void messageReturn(Received r, String status, String info, String receiver) {
        String guid = ReceiptXml.newGuid();
        String type = r.msgType.length() <= 15 ? r.msgType : r.msgType.substring(0, 15);
        byte[] xml = ReceiptXml.messageReturn(
                guid, status, info, ReceiptXml.returnTime(), Objects.requireNonNullElse(r.copMsgId, ""), type);
        List<Track> targets = r.orderNos.stream().map(this::track).toList();
        emit(targets, "CEB900Message", guid, xml, status, info, receiver, null);
    }

    private void listReturn(
            ListDoc doc,
            String root,
            ReceiptXml.ListKeys keys,
            String status,
            String info,
            @Nullable ListDoc reorderable) {
        String guid = ReceiptXml.newGuid();
        byte[] xml = ReceiptXml.listReturn(root, guid, keys, status, ReceiptXml.returnTime(), info);
        emit(List.of(track(doc.head.orderNo())), root, guid, xml, status, info, doc.receiver, reorderable);
    }

    /** Wraps a receipt in its DXP envelope, records it, and publishes it (or holds it for a reordered list). */
    private void emit(
            List<Track> targets,
            String root,
            String guid,
            byte[] xml,
            String status,
            String info,
            String receiver,
            @Nullable ListDoc reorderable) {
        String to = receiver.isEmpty() || receiver.length() > 16 ? UNKNOWN_RECEIVER : receiver;
        byte[] envelope = DxpEnvelope.write(new DxpMessage(
                guid,
                settings.senderId(),
                List.of(to),
                LocalDateTime.now(ReceiptXml.CHINA).withNano(0),
                root,
                xml,
                null));
        Sent sent =
                new Sent(new SentReceipt(guid, root, status, info, SentReceipt.Delivery.SENT, Instant.now()), envelope);
        for (Track t : targets) t.receipts.add(sent);
        if (targets.isEmpty()) unattributedReceipts.add(sent);
        if (reorderable != null && reorderable.reorder && !reorderable.flushed) {
            sent.receipt = sent.receipt.with(SentReceipt.Delivery.HELD);
            reorderable.held.add(sent);
            return;
        }
        deliver(sent);
    }

    private final List<Sent> unattributedReceipts = new ArrayList<>();

    private void flushHeld(ListDoc doc) {
        if (doc.flushed) return;
        doc.flushed = true;
        List<Sent> held = new ArrayList<>(doc.held);
        doc.held.clear();
        Collections.reverse(held);
        for (Sent sent : held) deliver(sent);
    }

    private void deliver(Sent sent) {
        if (faults.drop()) {
            sent.receipt = sent.receipt.with(SentReceipt.Delivery.DROPPED);
            LOG.log(System.Logger.Level.INFO, "customs: dropped receipt {0} (fault)", sent.receipt.guid());
            return;
        }
        boolean duplicate = faults.duplicate();
        sent.receipt = sent.receipt.with(duplicate ? SentReceipt.Delivery.DUPLICATED : SentReceipt.Delivery.SENT);
        long delay = faults.delay().toMillis();
        SentReceipt r = sent.receipt;
        for (int i = 0; i < (duplicate ? 2 : 1); i++) {
            out.schedule(
                    () -> {
                        try {
                            publisher.publish(sent.envelope, r.guid(), r.msgType());
                            synchronized (this) {
                                published++;
                            }
                            LOG.log(
                                    System.Logger.Level.INFO,
                                    "customs: sent {0} {1} status {2}",
                                    r.msgType(),
                                    r.guid(),
                                    r.returnStatus());
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.WARNING, "customs: could not publish receipt " + r.guid(), e);
                        }
                    },
                    delay,
                    TimeUnit.MILLISECONDS);
        }
    }

    // ================================================================================================ partner

    /** The payment partner's declaration (CEB411 facts). Returns an error message, or null when accepted. */
    synchronized @Nullable String declarePayment(PartnerPayment payment) {
        String key = key(payment.ebpCode(), payment.orderNo());
        PartnerPayment existing = payments.get(key);
        if (existing != null && !existing.payTransactionId().equals(payment.payTransactionId())) {
            return "-401007 支付凭证重复申报 (another payment is declared for this order)";
        }
        payments.put(key, payment);
        track(payment.orderNo()).payment = payment;
        LOG.log(
                System.Logger.Level.INFO,
                "customs: payment declared for order {0} by {1}: {2} CNY",
                payment.orderNo(),
                payment.payCode(),
                payment.amountPaid().toPlainString());
        return null;
    }

    synchronized @Nullable PartnerPayment payment(String ebpCode, String orderNo) {
        return payments.get(key(ebpCode, orderNo));
    }

    // ================================================================================================ inspection

    synchronized @Nullable OrderFilings filings(String orderNo) {
        Track t = tracks.get(orderNo);
        return t == null ? null : t.snapshot();
    }

    synchronized List<OrderFilings> filings() {
        return tracks.values().stream().map(Track::snapshot).toList();
    }

    synchronized List<ReceivedMessage> unattributedMessages() {
        return unattributed.stream().map(Received::snapshot).toList();
    }

    synchronized List<SentReceipt> unattributedReceipts() {
        return unattributedReceipts.stream().map(s -> s.receipt).toList();
    }

    /** The annual total of released lists for a buyer (what −621018 checks), this calendar year. */
    synchronized BigDecimal annualTotal(String buyerIdNumber) {
        return annualTotal(buyerIdNumber, yearNow(), null);
    }

    synchronized Map<String, Object> counters() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("received", received);
        map.put("retransmissions", retransmissions);
        map.put("published", published);
        map.put("orders", orders.size());
        map.put("lists", lists.size());
        map.put("payments", payments.size());
        map.put("waybills", waybills.size());
        return map;
    }

    /** Forgets every document and message; pending timed steps are abandoned. */
    synchronized void reset() {
        generation++;
        byCopMsgId.clear();
        byGuid.clear();
        unattributed.clear();
        unattributedReceipts.clear();
        tracks.clear();
        orders.clear();
        payments.clear();
        waybills.clear();
        lists.clear();
        listsByBuyer.clear();
        elsewhere.clear();
        received = retransmissions = published = 0;
    }

    @Override
    public void close() {
        clock.shutdownNow();
        out.shutdown();
        try {
            out.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        out.shutdownNow();
    }

    // ================================================================================================ helpers

    /** Records purchases the buyer made this year on other platforms: customs' annual limit counts them too. */
    synchronized void releasedElsewhere(String buyerIdNumber, BigDecimal value) {
        elsewhere.merge(buyerKey(buyerIdNumber), value, BigDecimal::add);
    }

    private BigDecimal annualTotal(String buyer, int year, @Nullable ListDoc excluded) {
        String key = buyerKey(buyer);
        BigDecimal total = year == yearNow() ? elsewhere.getOrDefault(key, BigDecimal.ZERO) : BigDecimal.ZERO;
        for (ListDoc l : listsByBuyer.getOrDefault(key, List.of())) {
            if (l == excluded || l.releasedAt == null || l.cancelled) continue;
            if (l.releasedAt.atZone(ReceiptXml.CHINA).getYear() != year) continue;
            total = total.add(l.value.subtract(l.returned));
        }
        return total;
    }

    private void remember(ListDoc doc) {
        listsByBuyer
                .computeIfAbsent(buyerKey(doc.head.buyerIdNumber().value()), k -> new ArrayList<>())
                .add(doc);
    }

    private static String buyerKey(String idNumber) {
        return idNumber.toUpperCase(java.util.Locale.ROOT);
    }

    private static int yearNow() {
        return LocalDateTime.now(ReceiptXml.CHINA).getYear();
    }

    private void at(Duration delay, Runnable step) {
        long scheduledIn = generation;
        clock.schedule(
                () -> {
                    synchronized (this) {
                        if (scheduledIn != generation) return;
                        try {
                            step.run();
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.ERROR, "customs: a timed step failed", e);
                        }
                    }
                },
                Math.max(0, delay.toNanos()),
                TimeUnit.NANOSECONDS);
    }

    private Track track(String orderNo) {
        return tracks.computeIfAbsent(orderNo, Track::new);
    }

    private String nextPreNo() {
        String day = LocalDateTime.now(ReceiptXml.CHINA).format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        preNoSequence = preNoSequence >= 999_999_999L ? 100_000_000L : preNoSequence + 1;
        return "B" + day + preNoSequence;
    }

    private String nextInvtNo(String customsCode) {
        invtNoSequence = invtNoSequence >= 9_999_999_999L ? 1_000_000_000L : invtNoSequence + 1;
        return customsCode + yearNow() + invtNoSequence;
    }

    private static String key(String a, String b) {
        return a + "|" + b;
    }

    private static @Nullable String appType(CebMessage message) {
        return switch (message) {
            case Ceb311Message m -> m.orders().getFirst().head().appType();
            case Ceb621Message m -> m.inventories().getFirst().head().appType();
            case Ceb623Message m -> m.cancels().getFirst().appType();
            case Ceb625Message m -> m.refunds().getFirst().head().appType();
        };
    }

    private static @Nullable String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String describe(List<SchemaProblem> problems) {
        List<String> shown =
                problems.stream().limit(5).map(SchemaProblem::toString).toList();
        return String.join("; ", shown) + (problems.size() > 5 ? "; … " + problems.size() + " problems" : "");
    }

    // ================================================================================================ state

    private static final class Received {
        final @Nullable String copMsgId;
        final @Nullable String guid;
        final String msgType;
        final @Nullable String appType;
        final List<String> orderNos;
        final Instant firstArrival;
        Instant lastArrival;
        int arrivals = 1;
        String outcome = "";
        final List<Runnable> answers = new ArrayList<>();

        Received(
                @Nullable String copMsgId,
                @Nullable String guid,
                String msgType,
                @Nullable String appType,
                List<String> orderNos,
                Instant at) {
            this.copMsgId = copMsgId;
            this.guid = guid;
            this.msgType = msgType;
            this.appType = appType;
            this.orderNos = List.copyOf(new java.util.LinkedHashSet<>(orderNos));
            this.firstArrival = at;
            this.lastArrival = at;
        }

        ReceivedMessage snapshot() {
            return new ReceivedMessage(copMsgId, guid, msgType, appType, arrivals, firstArrival, lastArrival, outcome);
        }
    }

    private static final class Sent {
        SentReceipt receipt;
        final byte[] envelope;

        Sent(SentReceipt receipt, byte[] envelope) {
            this.receipt = receipt;
            this.envelope = envelope;
        }
    }

    private final class OrderDoc {
        final Ceb311Message.OrderHead head;
        final List<Ceb311Message.OrderLine> lines;
        final String receiver;
        final String key;
        String status = "";
        String info = "";
        boolean superseded;

        OrderDoc(Ceb311Message.OrderHead head, List<Ceb311Message.OrderLine> lines, String receiver) {
            this.head = head;
            this.lines = lines;
            this.receiver = receiver;
            this.key = key(head.ebpCode(), head.orderNo());
        }

        void fixed(String status, String info) {
            this.status = status;
            this.info = info;
        }

        boolean active() {
            return !status.startsWith("-") && !status.equals("100") && !status.isEmpty();
        }

        boolean live() {
            return !superseded && orders.get(key) == this;
        }
    }

    private final class ListDoc {
        final Ceb621Message.InventoryHead head;
        final List<Ceb621Message.InventoryLine> lines;
        final String receiver;
        final String key;
        final String preNo;
        final BigDecimal value;
        String status = "";
        String info = "";

        @Nullable
        String invtNo;

        @Nullable
        String reject;

        boolean inspect;
        boolean reorder;
        boolean flushed;
        boolean superseded;
        boolean cancelled;
        Instant matchDeadline = Instant.now();

        @Nullable
        Instant releasedAt;

        BigDecimal returned = BigDecimal.ZERO;
        final List<Sent> held = new ArrayList<>();

        ListDoc(
                Ceb621Message.InventoryHead head,
                List<Ceb621Message.InventoryLine> lines,
                String receiver,
                String preNo) {
            this.head = head;
            this.lines = lines;
            this.receiver = receiver;
            this.preNo = preNo;
            this.key = key(head.ebpCode(), head.copNo() != null ? head.copNo() : head.orderNo());
            this.value = lines.stream()
                    .map(Ceb621Message.InventoryLine::totalPrice)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        String copNo() {
            return Customs.copNo(head.copNo(), null, head.orderNo());
        }

        ReceiptXml.ListKeys keys() {
            return new ReceiptXml.ListKeys(
                    head.customsCode(), head.ebpCode(), head.ebcCode(), head.agentCode(), copNo(), preNo, invtNo);
        }

        void fixed(String status, String info) {
            this.status = status;
            this.info = info;
        }

        boolean active() {
            return !status.startsWith("-")
                    && !status.equals("100")
                    && !status.isEmpty()
                    && !cancelled
                    && !status.equals("501");
        }

        boolean live() {
            return !superseded && !cancelled && lists.get(key) == this;
        }
    }

    private static final class SideDoc {
        final String root;
        final String guid;
        final String orderNo;
        final ReceiptXml.ListKeys keys;
        final String receiver;
        String status = "";
        String info = "";

        SideDoc(String root, String guid, String orderNo, ReceiptXml.ListKeys keys, String receiver) {
            this.root = root;
            this.guid = guid;
            this.orderNo = orderNo;
            this.keys = keys;
            this.receiver = receiver;
        }

        void fixed(String status, String info) {
            this.status = status;
            this.info = info;
        }
    }

    private static final class Track {
        final String orderNo;
        final List<Received> received = new ArrayList<>();
        final List<Sent> receipts = new ArrayList<>();

        @Nullable
        OrderDoc order;

        @Nullable
        ListDoc list;

        @Nullable
        SideDoc cancel;

        @Nullable
        SideDoc refund;

        @Nullable
        PartnerPayment payment;

        @Nullable
        Waybill waybill;

        Track(String orderNo) {
            this.orderNo = orderNo;
        }

        OrderFilings snapshot() {
            return new OrderFilings(
                    orderNo,
                    received.stream().map(Received::snapshot).toList(),
                    order == null ? null : order.status,
                    list == null ? null : list.status,
                    list == null ? null : list.invtNo,
                    cancel == null ? null : cancel.status,
                    refund == null ? null : refund.status,
                    payment,
                    waybill,
                    receipts.stream().map(s -> s.receipt).toList());
        }
    }
}
