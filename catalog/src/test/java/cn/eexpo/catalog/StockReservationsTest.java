package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@CatalogTest
class StockReservationsTest {

    static final String SKU = "EX-WI-00011";

    @Autowired
    StockReservations reservations;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    String warehouse;
    int onHand;
    int reserved;

    @BeforeEach
    void remember() {
        warehouse = jdbc.sql("select warehouse_code from stock where sku = :sku limit 1")
                .param("sku", SKU)
                .query(String.class)
                .single();
        onHand = column("on_hand");
        reserved = column("reserved");
    }

    @AfterEach
    void restore() {
        jdbc.sql("delete from stock_reservation where sku = :sku")
                .param("sku", SKU)
                .update();
        jdbc.sql("update stock set on_hand = :onHand, reserved = :reserved where sku = :sku and warehouse_code = :w")
                .param("onHand", onHand)
                .param("reserved", reserved)
                .param("sku", SKU)
                .param("w", warehouse)
                .update();
    }

    @Test
    void twoBuyersRaceForTheLastUnitAndExactlyOneGetsIt() throws Exception {
        setStock(1, 0);
        var start = new CountDownLatch(1);
        var results = new ArrayList<Future<Boolean>>();
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        transactions.executeWithoutResult(s -> reservations.reserve(
                                "race-" + UUID.randomUUID().toString().substring(0, 8),
                                List.of(new StockLine(SKU, warehouse, 1)),
                                null));
                        return true;
                    } catch (OutOfStockException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (var r : results) {
                winners += r.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        }
        assertThat(column("reserved")).isEqualTo(1);
    }

    @Test
    void anOrderHoldsAllItsLinesOrNone() {
        setStock(3, 0);
        assertThatThrownBy(() -> transactions.executeWithoutResult(
                        s -> reservations.reserve("too-many", List.of(new StockLine(SKU, warehouse, 4)), null)))
                .isInstanceOf(OutOfStockException.class)
                .hasMessageContaining("Only 3");
        assertThat(column("reserved")).isZero();
    }

    @Test
    void releaseFreesTheUnitsAndConsumeTakesThemOffTheShelf() {
        setStock(5, 0);
        transactions.executeWithoutResult(s -> {
            reservations.reserve("a", List.of(new StockLine(SKU, warehouse, 2)), null);
            reservations.reserve("b", List.of(new StockLine(SKU, warehouse, 1)), null);
        });
        assertThat(column("reserved")).isEqualTo(3);

        transactions.executeWithoutResult(s -> {
            reservations.release("a");
            reservations.release("a");
            reservations.consume("b");
            reservations.consume("b");
        });
        assertThat(column("reserved")).isZero();
        assertThat(column("on_hand")).isEqualTo(4);
    }

    @Test
    void consumptionsTakeEffectTogetherWhenTheTransactionCommits() {
        setStock(10, 0);
        transactions.executeWithoutResult(s -> {
            reservations.reserve("c", List.of(new StockLine(SKU, warehouse, 2)), null);
            reservations.reserve("d", List.of(new StockLine(SKU, warehouse, 3)), null);
        });

        assertThatThrownBy(() -> transactions.executeWithoutResult(s -> {
                    reservations.consume("c");
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        assertThat(column("on_hand")).as("nothing consumed by a rollback").isEqualTo(10);

        transactions.executeWithoutResult(s -> {
            reservations.consume("c");
            reservations.consume("d");
            assertThat(column("on_hand")).as("not before the commit").isEqualTo(10);
        });
        assertThat(column("reserved")).as("both lines of the same product").isZero();
        assertThat(column("on_hand")).isEqualTo(5);
    }

    @Test
    void anUnpaidReservationExpires() {
        setStock(5, 0);
        var past = Instant.now().minusSeconds(1);
        transactions.executeWithoutResult(s -> {
            reservations.reserve("expired", List.of(new StockLine(SKU, warehouse, 1)), past);
            reservations.reserve("kept", List.of(new StockLine(SKU, warehouse, 1)), past);
            reservations.keep("kept");
        });
        assertThat(reservations.expired(Instant.now(), 10)).contains("expired").doesNotContain("kept");
    }

    @Test
    void reservingOutsideATransactionIsAMistake() {
        assertThatThrownBy(() -> reservations.reserve("x", List.of(new StockLine(SKU, warehouse, 1)), null))
                .isInstanceOf(org.springframework.transaction.IllegalTransactionStateException.class);
    }

    private void setStock(int onHand, int reserved) {
        jdbc.sql("update stock set on_hand = :onHand, reserved = :reserved where sku = :sku and warehouse_code = :w")
                .param("onHand", onHand)
                .param("reserved", reserved)
                .param("sku", SKU)
                .param("w", warehouse)
                .update();
    }

    private int column(String name) {
        return jdbc.sql("select " + name + " from stock where sku = :sku and warehouse_code = :w")
                .param("sku", SKU)
                .param("w", warehouse)
                .query(Integer.class)
                .single();
    }
}
