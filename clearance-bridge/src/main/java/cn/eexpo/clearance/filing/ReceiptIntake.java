package cn.eexpo.clearance.filing;

import cn.eexpo.clearance.ceb.CebMessageType;
import cn.eexpo.clearance.ceb.MalformedMessageException;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.outgoing.DeadLetter;
import cn.eexpo.clearance.receipt.Receipt;
import cn.eexpo.clearance.receipt.ReceiptBatch;
import cn.eexpo.clearance.receipt.Receipts;
import cn.eexpo.clearance.receipt.TaxReceipt;
import cn.eexpo.clearance.xml.SecureXml;
import cn.eexpo.clearance.xml.XmlRefusedException;
import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.Orders;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes customs receipts, from the transport or from the REST API, and moves filings and orders with them. Each
 * receipt is recorded once (customs may send one twice); an order only moves forward (a late receipt for an earlier
 * status changes nothing); a receipt for no filing we know, or one that cannot be read, is quarantined for an
 * operator, never dropped. A tax bill names only the list number, so one read before the list receipt that gives a
 * filing that number waits in quarantine under it and is recorded when the number arrives.
 */
@Service
public class ReceiptIntake {

    private static final Logger log = LoggerFactory.getLogger(ReceiptIntake.class);
    private static final Set<OrderStatus> CUSTOMS_STATES = EnumSet.of(
            OrderStatus.DECLARED,
            OrderStatus.ACCEPTED,
            OrderStatus.INSPECTION,
            OrderStatus.DETAINED,
            OrderStatus.RELEASED,
            OrderStatus.REJECTED);

    /** −621005 single-transaction limit, −621018 annual limit: customs refuses the buyer, not the message. */
    private static final Set<Integer> LIMITS = Set.of(-621005, -621018);

    private final FilingStore store;
    private final Orders orders;
    private final FilingWorker worker;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReceiptIntake(
            FilingStore store, Orders orders, FilingWorker worker, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.orders = orders;
        this.worker = worker;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** What one intake did: receipts applied, receipts seen before, receipts quarantined. */
    public record Result(int applied, int duplicates, int quarantined) {}

    /** The body could not be read as a receipt; it was quarantined. */
    public static class UnreadableReceiptException extends RuntimeException {
        UnreadableReceiptException(String message) {
            super(message);
        }
    }

    /**
     * Takes one receipt message, bare or in a DXP envelope.
     *
     * @throws UnreadableReceiptException when it is not a receipt (it is quarantined first)
     */
    public Result accept(byte[] body, String source) {
        ReceiptBatch batch;
        try {
            batch = read(body);
        } catch (XmlRefusedException | MalformedMessageException e) {
            transactions.executeWithoutResult(s -> store.quarantine(source, "unreadable: " + e.getMessage(), body));
            throw new UnreadableReceiptException(e.getMessage());
        }
        Result result = transactions.execute(status -> apply(batch, body, source));
        return result == null ? new Result(0, 0, 0) : result;
    }

    private static ReceiptBatch read(byte[] body) {
        var document = SecureXml.parse(body);
        return DxpEnvelope.NAMESPACE.equals(document.getDocumentElement().getNamespaceURI())
                ? Receipts.parse(DxpEnvelope.read(document).data())
                : Receipts.parse(document);
    }

    private Result apply(ReceiptBatch batch, byte[] body, String source) {
        int applied = 0, duplicates = 0, quarantined = 0;
        for (Receipt receipt : batch.receipts()) {
            var filing = filingOf(receipt);
            if (filing.isEmpty()) {
                quarantined++;
                store.quarantine(source, "no filing for " + describe(receipt), body);
                continue;
            }
            // The filing's row lock first: receipts of one filing are recorded and applied one at a time, in every
            // instance and consumer (taking it after the insert, whose foreign key shares the row, could deadlock).
            var locked = store.lock(filing.get().orderNo()).orElseThrow();
            if (!store.receipt(
                    receipt.guid(),
                    receipt.type().rootName(),
                    receipt.returnStatus(),
                    locked.id(),
                    messageGuid(receipt, locked),
                    receipt.returnTime(),
                    receipt.returnInfo(),
                    source)) {
                duplicates++;
                continue;
            }
            applied++;
            apply(receipt, locked);
        }
        // In one order, so that two messages naming the same numbers cannot wait for each other.
        batch.taxes().stream().map(TaxReceipt::invtNo).distinct().sorted().forEach(store::lockListNumber);
        for (TaxReceipt tax : batch.taxes()) {
            var filing = store.findByInvtNo(tax.invtNo());
            if (filing.isEmpty()) {
                // Perhaps read before the list receipt that brings the number: it waits for it (see listNumbered).
                quarantined++;
                store.quarantine(
                        source,
                        "no filing for " + batch.type().rootName() + " invtNo " + tax.invtNo()
                                + " (applied when a list receipt gives a filing this number)",
                        body,
                        tax.invtNo());
                continue;
            }
            if (recordTax(batch.type(), tax, filing.get(), source)) {
                applied++;
            } else {
                duplicates++;
            }
        }
        return new Result(applied, duplicates, quarantined);
    }

    /** Records a tax bill on its filing; false when it was recorded before. */
    private boolean recordTax(CebMessageType type, TaxReceipt tax, FilingStore.FilingRow filing, String source) {
        String info = "tax " + tax.taxNo() + ": customs duty " + tax.customsTax() + ", VAT " + tax.valueAddedTax()
                + ", consumption tax " + tax.consumptionTax();
        return store.receipt(
                tax.guid(), type.rootName(), tax.status(), filing.id(), null, tax.returnTime(), info, source);
    }

    /**
     * The filing has just been given its list number: the tax bills that were read before, and wait in quarantine
     * under that number, are recorded now and leave the quarantine.
     */
    private void listNumbered(FilingStore.FilingRow filing) {
        String invtNo = filing.invtNo();
        if (invtNo == null) return;
        store.lockListNumber(invtNo);
        for (var waiting : store.waitingFor(invtNo)) {
            ReceiptBatch parked = read(waiting.body());
            for (TaxReceipt tax : parked.taxes()) {
                if (invtNo.equals(tax.invtNo())) recordTax(parked.type(), tax, filing, waiting.source());
            }
            store.unpark(waiting.id());
        }
    }

    private Optional<FilingStore.FilingRow> filingOf(Receipt r) {
        return switch (r.type()) {
            case CEB312 -> r.orderNo() == null ? Optional.empty() : store.find(r.orderNo());
            case CEB622, CEB624, CEB626 -> r.copNo() == null ? Optional.empty() : store.findByCopNo(r.copNo());
            case CEB900 ->
                r.originalCopMsgId() == null
                        ? Optional.empty()
                        : store.message(r.originalCopMsgId()).flatMap(m -> store.findById(m.filingId()));
            case CEB512, CEB514 ->
                r.logisticsNo() == null ? Optional.empty() : store.findByLogisticsNo(r.logisticsNo());
            default -> Optional.empty();
        };
    }

    private @Nullable String messageGuid(Receipt r, FilingStore.FilingRow filing) {
        if (r.type() == CebMessageType.CEB900) return r.originalCopMsgId();
        String sentType = switch (r.type()) {
            case CEB312 -> "CEB311Message";
            case CEB622 -> "CEB621Message";
            case CEB624 -> "CEB623Message";
            case CEB626 -> "CEB625Message";
            default -> null;
        };
        return sentType == null
                ? null
                : store.latest(filing.id(), sentType)
                        .map(FilingStore.MessageRow::guid)
                        .orElse(null);
    }

    private void apply(Receipt r, FilingStore.FilingRow filing) {
        int status = r.status().orElse(Integer.MIN_VALUE);
        String info = "CEB" + r.type().name().substring(3) + " " + r.returnStatus() + ": " + r.returnInfo();
        switch (r.type()) {
            case CEB312, CEB622 -> {
                if (messageFault(status)) {
                    fault(r, filing, info);
                    return;
                }
                if (r.type() == CebMessageType.CEB622) {
                    boolean unnumbered = filing.invtNo() == null;
                    store.listNumbers(filing.id(), r.invtNo(), r.preNo());
                    filing = store.lock(filing.orderNo()).orElseThrow();
                    // Only when the number is new: only then can bills be waiting for it. (A bill recorded on a
                    // known number holds the number's lock while its foreign key waits for this filing's row lock;
                    // taking the number's lock here then would deadlock.)
                    if (unnumbered) listNumbered(filing);
                }
                OrderStatus target = orderStatus(r.type(), status);
                if (target != null) move(filing, target, r.returnStatus(), info);
                followUps(filing);
            }
            case CEB624 -> {
                if (status == 399 || status == 800 || status == 899 || status == 120) {
                    store.state(filing.id(), FilingState.CANCELLED, r.returnStatus(), info);
                } else if (status < 0 || status == 100) {
                    // The cancellation was refused: the list stands; an operator decides.
                    store.add(deadLetter(filing, "customs refused the cancellation (CEB623): " + r.returnInfo()));
                }
            }
            case CEB626 -> {
                if (status == 399 || status == 800 || status == 899 || status == 120) {
                    store.state(filing.id(), FilingState.RETURNED, r.returnStatus(), info);
                } else if (status < 0 || status == 100) {
                    store.add(deadLetter(filing, "customs refused the return (CEB625): " + r.returnInfo()));
                }
            }
            case CEB900 -> {
                if (LIMITS.contains(status)) {
                    // A limit customs enforces on the buyer: a rejection of the order, not a fault of the message.
                    move(filing, OrderStatus.REJECTED, r.returnStatus(), info);
                } else if (status < 0) {
                    fault(r, filing, info);
                }
            }
            default -> {}
        }
    }

    /**
     * Customs could not process one of our messages (format, signature, routing, its own systems): nothing was
     * declared by it, and the buyer did nothing wrong. The order is not rejected; the filing waits for an operator to
     * correct it and resubmit.
     */
    private void fault(Receipt r, FilingStore.FilingRow filing, String info) {
        store.state(filing.id(), FilingState.ERROR, r.returnStatus(), info);
        String message = r.originalCopMsgId() != null
                ? r.originalMessageType() + " " + r.originalCopMsgId()
                : r.type() == CebMessageType.CEB312 ? "CEB311Message" : "CEB621Message";
        store.add(deadLetter(
                filing, "customs could not process " + message + ": " + r.returnStatus() + " " + r.returnInfo()));
        log.warn("Order {}: customs could not process a message ({})", filing.orderNo(), r.returnStatus());
    }

    /**
     * Negative codes that blame the message, not the buyer: DXP format (−1…−999), security (−1000…−1999, e.g. −1001
     * a bad signature), routing and system (−2000…−3999), and −621029 (the list's signature failed).
     */
    static boolean messageFault(int status) {
        return status == -621029 || (status < 0 && status >= -3999);
    }

    /** Moves the order (forward only) and the filing with it. */
    private void move(FilingStore.FilingRow filing, OrderStatus target, String code, String info) {
        OrderStatus before = orders.status(filing.orderNo()).orElse(null);
        OrderStatus after = orders.customsStatus(filing.orderNo(), target, info);
        if (after != before && CUSTOMS_STATES.contains(after)) {
            store.state(filing.id(), FilingState.valueOf(after.name()), code, info);
        }
    }

    /** A cancellation or return waiting for customs' list number can go once a receipt brought it. */
    private void followUps(FilingStore.FilingRow filing) {
        if (filing.invtNo() == null) return;
        if (filing.cancelRequested() && worker.queueCancellation(filing, "订单取消")) {
            store.requestCancel(filing.id(), false);
        }
        if (filing.returnRequested() && worker.queueRefund(filing, "消费者退货")) {
            store.requestReturn(filing.id(), false);
        }
    }

    /** What each receipt status means for the order; null: nothing changes. */
    static @Nullable OrderStatus orderStatus(CebMessageType type, int status) {
        if (status < 0) return OrderStatus.REJECTED;
        if (status == 100) return OrderStatus.REJECTED;
        if (status == 2) return OrderStatus.DECLARED;
        if (type == CebMessageType.CEB312) return null;
        if (status == 120) return OrderStatus.ACCEPTED;
        if (status == 399 || status == 800 || status == 899) return OrderStatus.RELEASED;
        if (status == 500) return OrderStatus.INSPECTION;
        if (status > 500 && status < 600) return OrderStatus.DETAINED;
        if (status == 700) return OrderStatus.REJECTED;
        return null;
    }

    private DeadLetter deadLetter(FilingStore.FilingRow filing, String reason) {
        return new DeadLetter(null, null, List.of(filing.orderNo()), reason, List.of(), null, clock.instant());
    }

    private static String describe(Receipt r) {
        String key = r.orderNo() != null
                ? "orderNo " + r.orderNo()
                : r.copNo() != null
                        ? "copNo " + r.copNo()
                        : r.originalCopMsgId() != null ? "message " + r.originalCopMsgId() : "no key";
        return r.type().rootName() + " " + key + " (status " + r.returnStatus() + ")";
    }
}
