package cn.eexpo.clearance.ceb;

import cn.eexpo.clearance.ceb.Ceb311Message.Order;
import cn.eexpo.clearance.ceb.Ceb311Message.OrderHead;
import cn.eexpo.clearance.ceb.Ceb311Message.OrderLine;
import cn.eexpo.clearance.ceb.Ceb621Message.Inventory;
import cn.eexpo.clearance.ceb.Ceb621Message.InventoryHead;
import cn.eexpo.clearance.ceb.Ceb621Message.InventoryLine;
import cn.eexpo.clearance.ceb.Ceb623Message.InvtCancel;
import cn.eexpo.clearance.ceb.Ceb625Message.InvtRefund;
import cn.eexpo.clearance.ceb.Ceb625Message.InvtRefundHead;
import cn.eexpo.clearance.ceb.Ceb625Message.InvtRefundLine;
import cn.eexpo.clearance.ceb.Filing.Clearance;
import cn.eexpo.clearance.ceb.Filing.Line;
import cn.eexpo.clearance.ceb.Filing.TradeMode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Builds the messages of one filing: CEB311 and CEB621 (new, or a change resubmitting an operator-corrected filing),
 * CEB623 cancellation and CEB625 refund. Checks {@link FilingRules} first and refuses a filing that breaks them.
 * Each message gets a fresh upper-case guid, used for its root and its one business node alike (one id to follow
 * it by), and {@code appTime} in China time; {@code
 * appStatus} is 2 (申报: declared, hence signed). Thread-safe.
 */
public final class CebMessages {

    /** Customs times are China Standard Time. */
    public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    static final DateTimeFormatter APP_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT);
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    private static final String DECLARED = "2";
    private static final String ID_CARD = "1";

    private final BaseTransfer sender;
    private final FilingRules rules;
    private final Clock clock;

    /**
     * @param sender the BaseTransfer of every message (copCode, copName, dxpId from configuration)
     */
    public CebMessages(BaseTransfer sender, CodeTables codes, Clock clock) {
        this.sender = sender;
        this.rules = new FilingRules(codes);
        this.clock = clock;
    }

    /** An upper-case 36-character UUID, as customs wants guids. */
    public static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    /** The order and the inventory list of one filing, checked against each other (gnum 1:1, same buyer…). */
    public record FilingMessages(Ceb311Message order, Ceb621Message inventory) {}

    /**
     * Both messages of a filing.
     *
     * @throws FilingRejectedException when the filing breaks a rule
     */
    public FilingMessages filing(Filing filing, AppType appType) {
        rules.check(filing);
        String appTime = appTime();
        String orderGuid = newGuid();
        String inventoryGuid = newGuid();
        var order = new Ceb311Message(orderGuid, List.of(order(filing, appType, appTime, orderGuid)), sender);
        var inventory =
                new Ceb621Message(inventoryGuid, List.of(inventory(filing, appType, appTime, inventoryGuid)), sender);
        List<String> problems = FilingRules.pairingProblems(
                order.orders().getFirst(), inventory.inventories().getFirst());
        if (!problems.isEmpty()) throw new FilingRejectedException(filing.orderNo(), problems);
        return new FilingMessages(order, inventory);
    }

    /** CEB311 alone. */
    public Ceb311Message order(Filing filing, AppType appType) {
        rules.check(filing);
        String guid = newGuid();
        return new Ceb311Message(guid, List.of(order(filing, appType, appTime(), guid)), sender);
    }

    /** CEB621 alone. */
    public Ceb621Message inventory(Filing filing, AppType appType) {
        rules.check(filing);
        String guid = newGuid();
        return new Ceb621Message(guid, List.of(inventory(filing, appType, appTime(), guid)), sender);
    }

    /** CEB623: cancels the filing's declared list ({@code appType} is always 1 for 623). */
    public Ceb623Message cancellation(Filing filing, Cancellation cancellation) {
        rules.check(filing);
        List<String> problems = new ArrayList<>();
        if (cancellation.invtNo().isBlank()) problems.add("invtNo (the list's customs number) is required");
        if (cancellation.reason().isBlank()) problems.add("reason is required");
        if (!problems.isEmpty()) throw new FilingRejectedException(filing.orderNo(), problems);
        String guid = newGuid();
        Clearance c = filing.clearance();
        var cancel = new InvtCancel(
                guid,
                AppType.NEW.code(),
                appTime(),
                DECLARED,
                c.customsCode(),
                filing.orderNo(),
                filing.platform().code(),
                filing.platform().name(),
                filing.seller().code(),
                filing.seller().name(),
                c.logisticsNo(),
                c.logistics().code(),
                c.logistics().name(),
                c.copNo(),
                cancellation.preNo(),
                cancellation.invtNo(),
                ID_CARD,
                filing.buyer().idNumber(),
                filing.buyer().name(),
                filing.buyer().telephone(),
                c.agent().code(),
                c.agent().name(),
                cancellation.reason(),
                null);
        return new Ceb623Message(guid, List.of(cancel), sender);
    }

    /** CEB625: a refund request for returned items of the filing's released list. */
    public Ceb625Message refund(Filing filing, Refund refund) {
        rules.check(filing);
        List<String> problems = new ArrayList<>();
        if (refund.invtNo().isBlank()) problems.add("invtNo (the list's customs number) is required");
        if (refund.reason().isBlank()) problems.add("reason is required");
        if (refund.lines().isEmpty()) problems.add("a refund returns at least one item");
        Map<Integer, Line> byGnum = new HashMap<>();
        filing.lines().forEach(l -> byGnum.put(l.gnum(), l));
        List<InvtRefundLine> lines = new ArrayList<>();
        for (Refund.Item item : refund.lines()) {
            Line line = byGnum.get(item.gnum());
            if (line == null) {
                problems.add("refund gnum " + item.gnum() + " is not a line of the filing");
            } else if (item.qty().signum() <= 0 || item.qty().compareTo(line.qty()) > 0) {
                problems.add("refund gnum " + item.gnum() + ": qty "
                        + item.qty().toPlainString() + " must be more than 0 and at most the declared "
                        + line.qty().toPlainString());
            } else {
                lines.add(
                        new InvtRefundLine(line.gnum(), line.gcode(), line.itemName(), item.qty(), line.unit(), null));
            }
        }
        if (!problems.isEmpty()) throw new FilingRejectedException(filing.orderNo(), problems);
        String guid = newGuid();
        Clearance c = filing.clearance();
        var head = new InvtRefundHead(
                guid,
                AppType.NEW.code(),
                appTime(),
                DECLARED,
                c.customsCode(),
                filing.orderNo(),
                filing.platform().code(),
                filing.platform().name(),
                filing.seller().code(),
                filing.seller().name(),
                c.logisticsNo(),
                c.logistics().code(),
                c.logistics().name(),
                c.copNo(),
                refund.preNo(),
                refund.invtNo(),
                ID_CARD,
                filing.buyer().idNumber(),
                filing.buyer().name(),
                filing.buyer().telephone(),
                c.agent().code(),
                c.agent().name(),
                refund.reason(),
                null);
        return new Ceb625Message(guid, List.of(new InvtRefund(head, lines)), sender);
    }

    private Order order(Filing f, AppType appType, String appTime, String guid) {
        var payment = f.payment();
        var head = new OrderHead(
                guid,
                appType.code(),
                appTime,
                DECLARED,
                "I",
                f.orderNo(),
                f.platform().code(),
                f.platform().name(),
                f.seller().code(),
                f.seller().name(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                f.acturalPaid(),
                f.currency(),
                f.buyer().regNo(),
                f.buyer().name(),
                f.buyer().telephone(),
                ID_CARD,
                f.buyer().idNumber(),
                payment == null ? null : payment.company().code(),
                payment == null ? null : payment.company().name(),
                payment == null ? null : payment.transactionId(),
                null,
                f.consignee().name(),
                f.consignee().telephone(),
                f.consignee().address(),
                f.consignee().district(),
                null);
        List<OrderLine> lines = new ArrayList<>(f.lines().size());
        for (Line l : f.lines()) {
            lines.add(new OrderLine(
                    l.gnum(),
                    l.itemNo(),
                    l.itemName(),
                    l.gmodel(),
                    null,
                    l.barCode(),
                    l.unit(),
                    l.qty(),
                    l.price(),
                    l.totalPrice(),
                    f.currency(),
                    l.country(),
                    null));
        }
        return new Order(head, lines);
    }

    private Inventory inventory(Filing f, AppType appType, String appTime, String guid) {
        Clearance c = f.clearance();
        boolean bonded = c.tradeMode() == TradeMode.BONDED_1210;
        var head = new InventoryHead(
                guid,
                appType.code(),
                appTime,
                DECLARED,
                f.orderNo(),
                f.platform().code(),
                f.platform().name(),
                f.seller().code(),
                f.seller().name(),
                c.logisticsNo(),
                c.logistics().code(),
                c.logistics().name(),
                c.copNo(),
                null,
                c.assureCode(),
                bonded ? c.emsNo() : null,
                null,
                "I",
                c.declTime().format(DATE),
                c.customsCode(),
                c.portCode(),
                null,
                ID_CARD,
                f.buyer().idNumber(),
                f.buyer().name(),
                f.buyer().telephone(),
                f.consignee().address(),
                c.agent().code(),
                c.agent().name(),
                bonded && c.area() != null ? c.area().code() : null,
                bonded && c.area() != null ? c.area().name() : null,
                c.tradeMode().code(),
                c.trafMode(),
                bonded ? null : c.trafNo(),
                bonded ? null : c.voyageNo(),
                bonded ? null : c.billNo(),
                null,
                null,
                c.country(),
                c.freight(),
                c.insuredFee(),
                f.currency(),
                null,
                1,
                c.grossWeight(),
                c.netWeight(),
                null);
        List<InventoryLine> lines = new ArrayList<>(f.lines().size());
        for (Line l : f.lines()) {
            lines.add(new InventoryLine(
                    l.gnum(),
                    bonded ? l.itemRecordNo() : null,
                    l.itemNo(),
                    l.itemName(),
                    l.gcode(),
                    l.itemName(),
                    l.gmodel(),
                    l.barCode() == null || l.barCode().isBlank() ? "无" : l.barCode(),
                    l.country(),
                    null,
                    f.currency(),
                    l.qty(),
                    l.unit(),
                    l.qty1(),
                    l.unit1(),
                    l.qty2(),
                    l.unit2(),
                    l.price(),
                    l.totalPrice(),
                    null));
        }
        return new Inventory(head, lines);
    }

    private String appTime() {
        return LocalDateTime.now(clock.withZone(CHINA)).format(APP_TIME);
    }
}
