package cn.eexpo.clearance.filing;

import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.Cancellation;
import cn.eexpo.clearance.ceb.CebMessageType;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Refund;
import cn.eexpo.clearance.dxp.CustomsTransport;
import cn.eexpo.clearance.outgoing.Outcome;
import cn.eexpo.clearance.outgoing.OutgoingMessages;
import cn.eexpo.clearance.payment.PaymentDeclaration;
import cn.eexpo.clearance.payment.PaymentRecord;
import cn.eexpo.orders.OrderForFiling;
import cn.eexpo.orders.Orders;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Files paid orders. Two steps, each in its own transaction and each claimed with {@code SKIP LOCKED}, so that any
 * number of workers in any number of instances share the work and never do the same twice:
 *
 * <ol>
 *   <li><b>Build</b>: a pending filing's CEB311 and CEB621 are built from the order, signed, validated against the
 *       official XSD and stored with their envelope (the payment partner declares the payment first). A filing that
 *       breaks a rule is dead-lettered for an operator instead; nothing is stored for it.
 *   <li><b>Send</b>: stored messages are handed to the customs transport. A failure leaves the message queued for a
 *       later attempt with exponential backoff; the attempt sends the very same bytes and guid. A crash between the
 *       broker's confirmation and the commit sends a message twice with one guid, which customs treats as a
 *       retransmission: a filing is never declared twice.
 * </ol>
 *
 * New work wakes the workers at once; a slow poll picks up retries that fell due.
 */
@Component
class FilingWorker implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(FilingWorker.class);

    private final FilingStore store;
    private final Orders orders;
    private final FilingAssembler assembler;
    private final OutgoingMessages outgoing;
    private final CustomsTransport transport;
    private final PaymentDeclaration payments;
    private final TransactionTemplate transactions;
    private final ClearanceProperties.Worker settings;
    private final ClearanceProperties properties;
    private final Clock clock;
    private final int threads;
    private final ExecutorService pool;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger wakeups = new AtomicInteger();

    FilingWorker(
            FilingStore store,
            Orders orders,
            FilingAssembler assembler,
            OutgoingMessages outgoing,
            CustomsTransport transport,
            PaymentDeclaration payments,
            TransactionTemplate transactions,
            ClearanceProperties properties,
            Clock clock) {
        this.store = store;
        this.orders = orders;
        this.assembler = assembler;
        this.outgoing = outgoing;
        this.transport = transport;
        this.payments = payments;
        this.transactions = transactions;
        this.properties = properties;
        this.settings = properties.worker();
        this.clock = clock;
        this.threads = Math.max(1, settings.threads());
        this.pool = Executors.newFixedThreadPool(
                threads, Thread.ofPlatform().name("customs-filing-", 1).daemon().factory());
    }

    /** Runs the workers now (new work arrived); coalesces with runs already going. */
    void wake() {
        if (!settings.enabled()) return;
        wakeups.incrementAndGet();
        while (true) {
            int now = running.get();
            if (now >= threads) return;
            if (running.compareAndSet(now, now + 1)) break;
        }
        pool.execute(this::drain);
    }

    @Scheduled(fixedDelayString = "${eexpo.clearance.worker.poll-interval:500ms}")
    void poll() {
        wake();
    }

    private void drain() {
        try {
            while (true) {
                wakeups.set(0);
                int done = 0;
                try {
                    done += build();
                    // Everything due leaves before the next build: a batch of filings makes twice as many messages,
                    // and a filing's second message falls due only when its first has left.
                    for (int sent = send(); sent > 0; sent = send()) done += sent;
                } catch (RuntimeException e) {
                    log.warn("Customs filing round failed, retried on the next poll: {}", e.toString());
                    return;
                }
                if (done == 0 && wakeups.get() == 0) return;
            }
        } finally {
            running.decrementAndGet();
        }
    }

    // ------------------------------------------------------------------ build

    /** Builds one batch of pending filings; returns how many it took. */
    int build() {
        Integer n = transactions.execute(status -> {
            var claimed = store.claimPending(settings.batch());
            for (var filing : claimed) build(filing);
            return claimed.size();
        });
        return n == null ? 0 : n;
    }

    private void build(FilingStore.FilingRow filing) {
        OrderForFiling order = orders.forFiling(filing.orderNo()).orElse(null);
        if (order == null) {
            store.state(filing.id(), FilingState.DEAD_LETTER, null, "the order does not exist");
            return;
        }
        if (!order.status().isPaid()) {
            // Cancelled or refunded before it was filed: there is nothing to withdraw.
            store.state(filing.id(), FilingState.CANCELLED, null, "order " + order.status() + " before filing");
            return;
        }
        Filing built;
        boolean declaredNow = false;
        try {
            built = assembler.assemble(order);
            if (!filing.paymentDeclared() && built.payment() != null) {
                payments.declare(paymentOf(built, order));
                declaredNow = true;
            }
        } catch (PaymentDeclaration.PaymentDeclarationException | IllegalStateException e) {
            retry(filing, e.getMessage());
            return;
        }
        // What an earlier build left (a resubmission's): documents customs holds, unsent messages, dead letters.
        var history = store.history(filing.id());
        // appType 2 for a document customs already holds (an operator's corrected resubmission), 1 otherwise.
        AppType orderType = history.orderKnown() ? AppType.CHANGE : AppType.NEW;
        AppType listType = history.listKnown() ? AppType.CHANGE : AppType.NEW;
        if (history.unsent()) store.supersedeUnsent(filing.id());
        List<Outcome> outcomes = outgoing.prepareFiling(built, orderType);
        if (outcomes.size() == 2 && listType != orderType) {
            outcomes = List.of(
                    outcomes.getFirst(), outgoing.prepareFiling(built, listType).getLast());
        }
        int seq = history.nextSeq();
        for (Outcome outcome : outcomes) {
            if (outcome instanceof Outcome.DeadLettered) {
                store.supersedeUnsent(filing.id());
                if (declaredNow) store.paymentDeclared(filing.id());
                store.state(filing.id(), FilingState.DEAD_LETTER, null, "dead-lettered: see the dead letters");
                log.warn("Order {} not filed: its filing was dead-lettered", filing.orderNo());
                return;
            }
            var prepared = (Outcome.Prepared) outcome;
            var message = prepared.message().message();
            store.insertMessage(
                    message.guid(),
                    filing.id(),
                    filing.orderNo(),
                    message.type().rootName(),
                    message.type() == CebMessageType.CEB311 ? orderType.code() : listType.code(),
                    seq++,
                    prepared.message().xml(),
                    prepared.envelopeXml());
        }
        if (history.deadLetters()) store.resolveDeadLetters(filing.id());
        store.built(
                filing.id(),
                built.clearance().copNo(),
                built.clearance().logisticsNo(),
                FilingState.QUEUED,
                declaredNow);
    }

    private PaymentRecord paymentOf(Filing filing, OrderForFiling order) {
        var payment = filing.payment();
        return new PaymentRecord(
                filing.orderNo(),
                filing.platform().code(),
                payment == null
                        ? properties.paymentPartner().code()
                        : payment.company().code(),
                payment == null ? filing.orderNo() : payment.transactionId(),
                order.buyerName(),
                order.buyerIdNumber(),
                filing.acturalPaid(),
                filing.currency(),
                order.paidAt() == null ? clock.instant() : order.paidAt());
    }

    /** Builds and queues a CEB623 for a filing whose list customs numbered; call in a transaction. */
    boolean queueCancellation(FilingStore.FilingRow filing, String reason) {
        if (filing.invtNo() == null) return false;
        var order = orders.forFiling(filing.orderNo()).orElseThrow();
        Filing built = assembler.assemble(order);
        var outcome = outgoing.prepareCancellation(built, new Cancellation(filing.invtNo(), filing.preNo(), reason));
        return queue(filing, outcome, AppType.NEW);
    }

    /** Builds and queues a CEB625 for all of a released filing's goods; call in a transaction. */
    boolean queueRefund(FilingStore.FilingRow filing, String reason) {
        if (filing.invtNo() == null) return false;
        var order = orders.forFiling(filing.orderNo()).orElseThrow();
        Filing built = assembler.assemble(order);
        var items = built.lines().stream()
                .map(l -> new Refund.Item(l.gnum(), l.qty()))
                .toList();
        var outcome = outgoing.prepareRefund(built, new Refund(filing.invtNo(), filing.preNo(), reason, items));
        return queue(filing, outcome, AppType.NEW);
    }

    private boolean queue(FilingStore.FilingRow filing, Outcome outcome, AppType appType) {
        if (!(outcome instanceof Outcome.Prepared prepared)) {
            return false;
        }
        var message = prepared.message().message();
        store.insertMessage(
                message.guid(),
                filing.id(),
                filing.orderNo(),
                message.type().rootName(),
                appType.code(),
                store.nextSeq(filing.id()),
                prepared.message().xml(),
                prepared.envelopeXml());
        wakeAfterCommit();
        return true;
    }

    /** Runs the workers once the current transaction commits (at once outside one): it made work for them. */
    void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    wake();
                }
            });
        } else {
            wake();
        }
    }

    // ------------------------------------------------------------------ send

    /** Sends one batch of due messages; returns how many it took. */
    int send() {
        Integer n = transactions.execute(status -> {
            var due = store.claimDue(settings.batch());
            if (due.isEmpty()) return 0;
            try {
                // The envelopes exactly as stored (validated when they were built): no reading and writing again.
                transport.sendEnvelopes(due.stream()
                        .map(m -> new CustomsTransport.Envelope(m.guid(), m.msgType(), m.envelope()))
                        .toList());
            } catch (CustomsTransport.TransportException e) {
                // Which of them the broker took is unknown: all wait, each with its own backoff, and go again with
                // their guids (customs counts a repeat as a retransmission).
                for (var message : due) {
                    int attempts = message.attempts() + 1;
                    store.sendLater(message.guid(), attempts, clock.instant().plus(backoff(attempts)), e.getMessage());
                }
                log.warn("Customs transport unavailable, {} message(s) retried later: {}", due.size(), e.getMessage());
                return 0;
            }
            store.sent(due);
            return due.size();
        });
        return n == null ? 0 : n;
    }

    private void retry(FilingStore.FilingRow filing, String error) {
        int attempts = filing.attempts() + 1;
        store.retryLater(filing.id(), attempts, clock.instant().plus(backoff(attempts)), error);
        log.warn("Order {} filing postponed (attempt {}): {}", filing.orderNo(), attempts, error);
    }

    /** first × 2^(attempt−1), at most max, with ±20 % jitter so that instances do not retry in step. */
    Duration backoff(int attempt) {
        long first = settings.firstRetry().toMillis();
        long max = settings.maxRetry().toMillis();
        long delay = first << Math.min(20, Math.max(0, attempt - 1));
        delay = Math.min(delay, max);
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis(Math.max(1, (long) (delay * jitter)));
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }
}
