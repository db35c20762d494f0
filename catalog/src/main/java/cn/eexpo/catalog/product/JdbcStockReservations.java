package cn.eexpo.catalog.product;

import cn.eexpo.catalog.OutOfStockException;
import cn.eexpo.catalog.ProductsChanged;
import cn.eexpo.catalog.StockLine;
import cn.eexpo.catalog.StockReservations;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reservations as conditional updates of {@code stock}: {@code reserved + n} only where {@code on_hand - reserved >= n},
 * so PostgreSQL's row lock decides races and nothing is ever oversold. Lines are taken in SKU order so that two orders
 * holding the same products cannot deadlock. The search index hears of a product only when it sells out or comes back,
 * not on every order.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
class JdbcStockReservations implements StockReservations {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    JdbcStockReservations(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Override
    public void reserve(String reference, List<StockLine> lines, @Nullable Instant expiresAt) {
        var ordered = new ArrayList<>(lines);
        ordered.sort(Comparator.comparing(StockLine::sku).thenComparing(StockLine::warehouseCode));
        var soldOut = new ArrayList<String>();
        for (var line : ordered) {
            // One statement per line: take the units if they are free and record what was taken.
            var left = jdbc.sql("""
                            with taken as (
                                update stock set reserved = reserved + :quantity
                                 where sku = :sku and warehouse_code = :warehouse and on_hand - reserved >= :quantity
                                returning on_hand - reserved as left_after
                            ), held as (
                                insert into stock_reservation (reference, sku, warehouse_code, quantity, expires_at)
                                select :reference, :sku, :warehouse, :quantity, :expiresAt from taken
                            )
                            select left_after from taken
                            """)
                    .param("quantity", line.quantity())
                    .param("sku", line.sku())
                    .param("warehouse", line.warehouseCode())
                    .param("reference", reference)
                    .param("expiresAt", expiresAt == null ? null : Timestamp.from(expiresAt))
                    .query(Integer.class)
                    .optional();
            if (left.isEmpty()) {
                int available = jdbc.sql(
                                "select coalesce(sum(on_hand - reserved), 0) from stock where sku = :sku and warehouse_code = :warehouse")
                        .param("sku", line.sku())
                        .param("warehouse", line.warehouseCode())
                        .query(Integer.class)
                        .single();
                throw new OutOfStockException(line.sku(), line.quantity(), available);
            }
            if (left.get() == 0) {
                soldOut.add(line.sku());
            }
        }
        if (!soldOut.isEmpty()) {
            events.publishEvent(new ProductsChanged(soldOut));
        }
    }

    @Override
    public void keep(String reference) {
        jdbc.sql("update stock_reservation set expires_at = null where reference = :reference and state = 'HELD'")
                .param("reference", reference)
                .update();
    }

    @Override
    public void release(String reference) {
        var restocked = close(new String[] {reference}, "RELEASED", "reserved = s.reserved - t.quantity");
        if (!restocked.isEmpty()) {
            events.publishEvent(new ProductsChanged(restocked));
        }
    }

    /**
     * Collected, and applied as the transaction commits: all of a transaction's consumptions in two statements, the
     * stock rows locked in SKU order. A transaction that releases many orders (customs receipts come in batches) so
     * holds the most contended rows only for its last moment, and cannot deadlock with another that consumes the same
     * products in another order.
     */
    @Override
    public void consume(String reference) {
        @SuppressWarnings("unchecked")
        var pending = (Set<String>) TransactionSynchronizationManager.getResource(PENDING_CONSUMPTION);
        if (pending == null) {
            var references = new TreeSet<String>();
            TransactionSynchronizationManager.bindResource(PENDING_CONSUMPTION, references);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    consumeNow(references);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PENDING_CONSUMPTION);
                }
            });
            pending = references;
        }
        pending.add(reference);
    }

    private static final Object PENDING_CONSUMPTION = JdbcStockReservations.class.getName() + ".consumption";

    private void consumeNow(Set<String> references) {
        if (references.isEmpty()) return;
        String[] refs = references.toArray(String[]::new);
        jdbc.sql("""
                        select 1 from stock
                         where (sku, warehouse_code) in (select sku, warehouse_code from stock_reservation
                                                          where reference = any(:refs) and state = 'HELD')
                         order by sku, warehouse_code
                           for update
                        """).param("refs", refs).query().listOfRows();
        close(refs, "CONSUMED", "reserved = s.reserved - t.quantity, on_hand = s.on_hand - t.quantity");
    }

    /**
     * Closes the held lines of these reservations and adjusts stock by what they held of each product together
     * (several of them may hold the same one); answers the SKUs a release brought back from sold out.
     */
    private List<String> close(String[] references, String state, String adjustment) {
        return jdbc.sql("""
                        with closed as (
                            update stock_reservation set state = :state, closed_at = now()
                             where reference = any(:references) and state = 'HELD'
                            returning sku, warehouse_code, quantity
                        ), taken as (
                            select sku, warehouse_code, sum(quantity) as quantity from closed group by sku, warehouse_code
                        ), adjusted as (
                            update stock s set %s
                              from taken t
                             where s.sku = t.sku and s.warehouse_code = t.warehouse_code
                            returning s.sku, s.on_hand - s.reserved as left_after, t.quantity
                        )
                        select sku from adjusted where left_after = quantity and :state = 'RELEASED'
                        """.formatted(adjustment))
                .param("state", state)
                .param("references", references)
                .query(String.class)
                .list();
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public List<String> expired(Instant now, int limit) {
        return jdbc.sql("""
                        select reference from stock_reservation
                         where state = 'HELD' and expires_at < :now
                         group by reference order by min(expires_at) limit :limit
                        """)
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(String.class)
                .list();
    }
}
