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
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /** The filing states that mirror the order's customs status, and that status. */
    private static final Map<FilingState, OrderStatus> MIRRORED =
            CUSTOMS_STATES.stream().collect(Collectors.toUnmodifiableMap(s -> FilingState.valueOf(s.name()), s -> s));

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
        List<Result> results = transactions.execute(status -> apply(List.of(new Message(body, batch)), source));
        return results == null ? new Result(0, 0, 0) : results.getFirst();
    }

    /**
     * Takes receipt messages that arrived together, in one transaction: one commit for all of them instead of one
     * each. What each did is answered in their order; one that cannot be read is quarantined (its result counts it).
     * If the transaction fails (the database, a deadlock with another instance), nothing of it is recorded and the
     * caller takes the messages one by one.
     */
    public List<Result> acceptAll(List<byte[]> bodies, String source) {
        var messages = new ArrayList<Message>(bodies.size());
        var unreadable = new HashMap<Integer, String>();
        for (byte[] body : bodies) {
            try {
                messages.add(new Message(body, read(body)));
            } catch (XmlRefusedException | MalformedMessageException e) {
                unreadable.put(messages.size(), "unreadable: " + e.getMessage());
                messages.add(new Message(body, null));
            }
        }
        List<Result> results = transactions.execute(status -> {
            unreadable.forEach((i, why) -> store.quarantine(source, why, bodies.get(i)));
            return apply(messages, source);
        });
        return results == null ? List.of() : results;
    }

    /**
     * Takes what the transport delivered together: in one transaction, or, when that fails, one message at a time (so
     * that one the database cannot take holds up no other). Answers, for each, whether it was recorded or quarantined
     * and may be acknowledged; one that is not is delivered again.
     */
    public List<Boolean> acceptDelivered(List<byte[]> bodies, String source) {
        if (bodies.size() > 1) {
            try {
                acceptAll(bodies, source);
                return Collections.nCopies(bodies.size(), true);
            } catch (RuntimeException e) {
                log.info("{} receipts taken one by one: together they failed ({})", bodies.size(), e.toString());
            }
        }
        var recorded = new ArrayList<Boolean>(bodies.size());
        for (byte[] body : bodies) {
            try {
                accept(body, source);
                recorded.add(true);
            } catch (UnreadableReceiptException e) {
                recorded.add(true); // quarantined: not delivered again
            } catch (RuntimeException e) {
                log.warn("A customs receipt was not recorded and is delivered again: {}", e.toString());
                recorded.add(false);
            }
        }
        return recorded;
    }

    private static ReceiptBatch read(byte[] body) {
        var document = SecureXml.parse(body);
        return DxpEnvelope.NAMESPACE.equals(document.getDocumentElement().getNamespaceURI())
                ? Receipts.parse(DxpEnvelope.read(document).data())
                : Receipts.parse(document);
    }

    /** A message taken in: its bytes and what they said (null: unreadable, already quarantined). */
    private record Message(byte[] body, @Nullable ReceiptBatch batch) {}

    /**
     * Applies the messages in their order. Locks are taken in one order by every transaction, before anything is
     * written, so that transactions taking overlapping messages wait for each other instead of deadlocking: first the
     * list numbers the messages may look up or give to a filing (sorted), then the rows of all the filings they name
     * (by id). Receipts of one filing are therefore recorded and applied one transaction at a time, in every instance.
     */
    private List<Result> apply(List<Message> messages, String source) {
        // The filing each receipt names, as far as it can be found before any is applied (not locked yet).
        var receipts = messages.stream()
                .map(Message::batch)
                .filter(Objects::nonNull)
                .flatMap(b -> b.receipts().stream())
                .toList();
        var byOrderNo = store.findByOrderNos(keys(receipts, CebMessageType.CEB312, Receipt::orderNo));
        var byCopNo = store.findByCopNos(keys(receipts, LISTS, Receipt::copNo));
        var named = new ArrayList<List<Optional<FilingStore.FilingRow>>>(messages.size());
        var numbers = new TreeSet<String>();
        for (Message m : messages) {
            var filings = new ArrayList<Optional<FilingStore.FilingRow>>();
            if (m.batch() != null) {
                for (Receipt r : m.batch().receipts()) {
                    var filing = filingOf(r, byOrderNo, byCopNo);
                    filings.add(filing);
                    // A list receipt may give its filing a number tax bills wait for; one numbered before cannot.
                    if (r.type() == CebMessageType.CEB622
                            && r.invtNo() != null
                            && filing.map(f -> f.invtNo() == null).orElse(true)) {
                        numbers.add(r.invtNo());
                    }
                }
                m.batch().taxes().forEach(tax -> numbers.add(tax.invtNo()));
            }
            named.add(filings);
        }
        store.lockListNumbers(numbers);
        // Tax bills name the list number: looked up under its lock, so a number given meanwhile is seen.
        var ids = new TreeSet<Long>();
        for (int i = 0; i < messages.size(); i++) {
            var batch = messages.get(i).batch();
            if (batch == null) continue;
            for (TaxReceipt tax : batch.taxes()) named.get(i).add(store.findByInvtNo(tax.invtNo()));
            named.get(i).forEach(f -> f.ifPresent(row -> ids.add(row.id())));
        }
        var filings = new Filings(store);
        store.lockAll(ids).forEach(filings::put);

        // Every receipt of a known filing recorded at once; those recorded before (customs sent them twice) are not
        // applied again.
        var latest = store.latestMessages(ids);
        var rows = new ArrayList<FilingStore.NewReceipt>();
        for (int i = 0; i < messages.size(); i++) {
            var batch = messages.get(i).batch();
            if (batch == null) continue;
            int k = 0;
            for (Receipt r : batch.receipts()) {
                var filing = named.get(i).get(k++);
                if (filing.isPresent())
                    rows.add(newReceipt(r, filings.get(filing.get().id()), latest, source));
            }
            for (TaxReceipt tax : batch.taxes()) {
                var filing = named.get(i).get(k++);
                if (filing.isPresent())
                    rows.add(newTax(batch.type(), tax, filing.get().id(), source));
            }
        }
        var recorded = store.receipts(rows);

        var results = new ArrayList<Result>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            Message m = messages.get(i);
            if (m.batch() == null) {
                results.add(new Result(0, 0, 1));
                continue;
            }
            results.add(apply(m, named.get(i), filings, recorded, source));
        }
        return results;
    }

    private static final Set<CebMessageType> LISTS =
            EnumSet.of(CebMessageType.CEB622, CebMessageType.CEB624, CebMessageType.CEB626);

    private static List<String> keys(
            List<Receipt> receipts, CebMessageType type, Function<Receipt, @Nullable String> key) {
        return keys(receipts, EnumSet.of(type), key);
    }

    private static List<String> keys(
            List<Receipt> receipts, Set<CebMessageType> types, Function<Receipt, @Nullable String> key) {
        return receipts.stream()
                .filter(r -> types.contains(r.type()))
                .map(key)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    /**
     * The locked filings of a transaction as they stand: one a receipt changed is read again when the next receipt
     * of it needs it.
     */
    private static final class Filings {
        private final FilingStore store;
        private final Map<Long, FilingStore.FilingRow> rows = new HashMap<>();
        private final Set<Long> changed = new HashSet<>();

        Filings(FilingStore store) {
            this.store = store;
        }

        void put(FilingStore.FilingRow row) {
            rows.put(row.id(), row);
        }

        FilingStore.FilingRow get(long id) {
            if (changed.remove(id)) rows.put(id, store.findById(id).orElseThrow());
            return rows.get(id);
        }

        void changed(long id) {
            changed.add(id);
        }
    }

    private FilingStore.NewReceipt newReceipt(
            Receipt r, FilingStore.FilingRow filing, Map<String, String> latest, String source) {
        return new FilingStore.NewReceipt(
                r.guid(),
                r.type().rootName(),
                r.returnStatus(),
                filing.id(),
                messageGuid(r, filing, latest),
                r.returnTime(),
                r.returnInfo(),
                source);
    }

    private static FilingStore.NewReceipt newTax(CebMessageType type, TaxReceipt tax, long filingId, String source) {
        String info = "tax " + tax.taxNo() + ": customs duty " + tax.customsTax() + ", VAT " + tax.valueAddedTax()
                + ", consumption tax " + tax.consumptionTax();
        return new FilingStore.NewReceipt(
                tax.guid(), type.rootName(), tax.status(), filingId, null, tax.returnTime(), info, source);
    }

    private Result apply(
            Message m,
            List<Optional<FilingStore.FilingRow>> named,
            Filings filings,
            Set<FilingStore.ReceiptKey> recorded,
            String source) {
        ReceiptBatch batch = Objects.requireNonNull(m.batch());
        int applied = 0, duplicates = 0, quarantined = 0, k = 0;
        for (Receipt receipt : batch.receipts()) {
            var filing = named.get(k++);
            if (filing.isEmpty()) {
                quarantined++;
                store.quarantine(source, "no filing for " + describe(receipt), m.body());
                continue;
            }
            // Recorded now, and the first of its copies in this transaction.
            if (!recorded.remove(
                    new FilingStore.ReceiptKey(receipt.guid(), receipt.type().rootName(), receipt.returnStatus()))) {
                duplicates++;
                continue;
            }
            applied++;
            long id = filing.get().id();
            apply(receipt, filings.get(id));
            filings.changed(id);
        }
        for (TaxReceipt tax : batch.taxes()) {
            var known = named.get(k++);
            if (known.isPresent()) {
                if (recorded.remove(
                        new FilingStore.ReceiptKey(tax.guid(), batch.type().rootName(), tax.status()))) {
                    applied++;
                } else {
                    duplicates++;
                }
                continue;
            }
            // Not found before: perhaps a list receipt applied just now gave a filing this number.
            var filing = store.findByInvtNo(tax.invtNo());
            if (filing.isEmpty()) {
                // Read before the list receipt that brings the number: it waits for it (see listNumbered).
                quarantined++;
                store.quarantine(
                        source,
                        "no filing for " + batch.type().rootName() + " invtNo " + tax.invtNo()
                                + " (applied when a list receipt gives a filing this number)",
                        m.body(),
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
        return !store.receipts(List.of(newTax(type, tax, filing.id(), source))).isEmpty();
    }

    /**
     * The filing has just been given its list number: the tax bills that were read before, and wait in quarantine
     * under that number, are recorded now and leave the quarantine.
     */
    private void listNumbered(FilingStore.FilingRow filing) {
        String invtNo = filing.invtNo();
        if (invtNo == null) return;
        // The number's lock is held: every list number a transaction gives was locked before any filing row.
        for (var waiting : store.waitingFor(invtNo)) {
            ReceiptBatch parked = read(waiting.body());
            for (TaxReceipt tax : parked.taxes()) {
                if (invtNo.equals(tax.invtNo())) recordTax(parked.type(), tax, filing, waiting.source());
            }
            store.unpark(waiting.id());
        }
    }

    private Optional<FilingStore.FilingRow> filingOf(
            Receipt r, Map<String, FilingStore.FilingRow> byOrderNo, Map<String, FilingStore.FilingRow> byCopNo) {
        return switch (r.type()) {
            case CEB312 -> r.orderNo() == null ? Optional.empty() : Optional.ofNullable(byOrderNo.get(r.orderNo()));
            case CEB622, CEB624, CEB626 ->
                r.copNo() == null ? Optional.empty() : Optional.ofNullable(byCopNo.get(r.copNo()));
            case CEB900 ->
                r.originalCopMsgId() == null
                        ? Optional.empty()
                        : store.message(r.originalCopMsgId()).flatMap(m -> store.findById(m.filingId()));
            case CEB512, CEB514 ->
                r.logisticsNo() == null ? Optional.empty() : store.findByLogisticsNo(r.logisticsNo());
            default -> Optional.empty();
        };
    }

    private static @Nullable String messageGuid(Receipt r, FilingStore.FilingRow filing, Map<String, String> latest) {
        if (r.type() == CebMessageType.CEB900) return r.originalCopMsgId();
        String sentType = switch (r.type()) {
            case CEB312 -> "CEB311Message";
            case CEB622 -> "CEB621Message";
            case CEB624 -> "CEB623Message";
            case CEB626 -> "CEB625Message";
            default -> null;
        };
        return sentType == null ? null : latest.get(FilingStore.latestKey(filing.id(), sentType));
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
                    // Numbers are given once: a later list receipt repeats them and changes nothing.
                    if ((unnumbered && r.invtNo() != null) || (filing.preNo() == null && r.preNo() != null)) {
                        store.listNumbers(filing.id(), r.invtNo(), r.preNo());
                        filing = store.findById(filing.id()).orElseThrow();
                    }
                    // Only when the number is new: only then can bills be waiting for it.
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
        // The filing follows the order's customs status, which only moves forward: a filing already there, or past it
        // (a list's 2 after the order's 2, a 120 after the 800), says the order is, and nothing needs asking.
        OrderStatus mirrored = MIRRORED.get(filing.state());
        if (mirrored != null && (mirrored == target || !mirrored.canMoveTo(target))) return;
        var move = orders.customsStatus(filing.orderNo(), target, info);
        if (move.moved() && CUSTOMS_STATES.contains(move.status())) {
            store.state(filing.id(), FilingState.valueOf(move.status().name()), code, info);
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
