package cn.eexpo.orders.quota;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.eexpo.common.Money;
import cn.eexpo.orders.Buyers;
import cn.eexpo.orders.Buyers.Buyer;
import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.identity.TestIdNumbers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

/** The CNY 26,000 a year per buyer ID number, against PostgreSQL: limits, restores, years and concurrent orders. */
@OrdersTest
class QuotaTest {

    static final Instant NOW = Instant.parse("2026-06-15T04:00:00Z");

    @LocalServerPort
    int port;

    @Autowired
    Quotas quotas;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Test
    void countsOrdersUpTo26000AndRefusesTheOneThatCrossesIt() {
        String buyer = newHash();
        consume(buyer, "A", "20000.00");
        consume(buyer, "B", "5999.99");

        assertThatThrownBy(() -> consume(buyer, "C", "0.02"))
                .isInstanceOfSatisfying(
                        QuotaExceededException.class,
                        e -> assertThat(e.remaining()).isEqualTo(Money.ofYuan("0.01")))
                .hasMessageContaining("26,000");
        consume(buyer, "D", "0.01");

        assertThat(quotas.status(buyer, 2026))
                .isEqualTo(new QuotaStatus(2026, yuan("26000.00"), yuan("26000.00"), Money.ZERO));
        assertThat(jdbc.sql("select count(*) from quota_use where id_number_hash = :hash")
                        .param("hash", buyer)
                        .query(Long.class)
                        .single())
                .as("the refused order left nothing behind")
                .isEqualTo(3);
    }

    @Test
    void aSingleItemAtTheFullRateCountsTowardTheYearToo() {
        String buyer = newHash();
        consume(buyer, "watch", "6000.00");
        consume(buyer, "bag", "19000.00");

        assertThatThrownBy(() -> consume(buyer, "shoes", "1000.01")).isInstanceOf(QuotaExceededException.class);
        assertThat(quotas.status(buyer, 2026).remaining()).isEqualTo(yuan("1000.00"));
    }

    @Test
    void aRestoredOrderGivesItsAmountBackOnce() {
        String buyer = newHash();
        String order = consume(buyer, "A", "25000.00");
        assertThatThrownBy(() -> consume(buyer, "B", "2000.00")).isInstanceOf(QuotaExceededException.class);

        quotas.restore(order, "CUSTOMS_REJECTED");
        quotas.restore(order, "CANCELLED");

        assertThat(quotas.status(buyer, 2026).used()).isEqualTo(Money.ZERO);
        consume(buyer, "B", "2000.00");
        assertThat(quotas.status(buyer, 2026).used()).isEqualTo(yuan("2000.00"));
        assertThat(jdbc.sql("select restore_cause from quota_use where order_no = :order")
                        .param("order", order)
                        .query(String.class)
                        .single())
                .isEqualTo("CUSTOMS_REJECTED");
        quotas.restore("never-counted-" + UUID.randomUUID(), "CANCELLED");
    }

    @Test
    void countingTheSameOrderTwiceCountsItOnce() {
        String buyer = newHash();
        String order = consume(buyer, "A", "1000.00");

        transactions.executeWithoutResult(tx -> quotas.consume(buyer, order, yuan("1000.00"), NOW));

        assertThat(quotas.status(buyer, 2026).used()).isEqualTo(yuan("1000.00"));
    }

    @Test
    void theYearIsTheCalendarYearInChina() {
        String buyer = newHash();
        // 2026-12-31 23:30 UTC is 2027-01-01 07:30 in Shanghai; 2026-12-31 15:59 UTC is still 2026 there.
        transactions.executeWithoutResult(tx -> {
            quotas.consume(buyer, order("new-year"), yuan("100.00"), Instant.parse("2026-12-31T23:30:00Z"));
            quotas.consume(buyer, order("old-year"), yuan("30.00"), Instant.parse("2026-12-31T15:59:00Z"));
        });

        assertThat(quotas.status(buyer, 2027).used()).isEqualTo(yuan("100.00"));
        assertThat(quotas.status(buyer, 2026).used()).isEqualTo(yuan("30.00"));
    }

    @Test
    void consumingNeedsTheCallersTransaction() {
        assertThatThrownBy(() -> quotas.consume(newHash(), order("x"), yuan("1.00"), NOW))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void aRefusalLeavesTheCallersTransactionUsable() {
        String buyer = newHash();
        consume(buyer, "A", "26000.00");
        String fallback = order("fallback");

        transactions.executeWithoutResult(tx -> {
            assertThatThrownBy(() -> quotas.consume(buyer, order("B"), yuan("1.00"), NOW))
                    .isInstanceOf(QuotaExceededException.class);
            quotas.consume(newHash(), fallback, yuan("1.00"), NOW);
        });

        assertThat(jdbc.sql("select count(*) from quota_use where order_no = :order")
                        .param("order", fallback)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    /** The second order waits for the first one's transaction, then sees it and is refused. */
    @Test
    void aSecondOrderWaitsForTheFirstAndIsRefused() throws Exception {
        String buyer = newHash();
        CountDownLatch firstCounted = new CountDownLatch(1);
        CountDownLatch commitFirst = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            Future<?> first = threads.submit(() -> transactions.executeWithoutResult(tx -> {
                quotas.consume(buyer, order("first"), yuan("15000.00"), NOW);
                firstCounted.countDown();
                awaitLatch(commitFirst);
            }));
            assertThat(firstCounted.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> transactions.executeWithoutResult(
                    tx -> quotas.consume(buyer, order("second"), yuan("15000.00"), NOW)));

            await().atMost(Duration.ofSeconds(10)).until(() -> waitingForAdvisoryLocks() > 0);
            assertThat(second).isNotDone();
            commitFirst.countDown();

            first.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(QuotaExceededException.class);
        }
        assertThat(quotas.status(buyer, 2026).used()).isEqualTo(yuan("15000.00"));
    }

    /** Two orders that together cross the limit, started at the same moment: exactly one is counted. */
    @Test
    void ofTwoConcurrentOrdersThatCrossTheLimitExactlyOneIsCounted() throws Exception {
        try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
            for (int round = 0; round < 5; round++) {
                String buyer = newHash();
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<Boolean>> orders = new ArrayList<>();
                for (String name : List.of("a", "b")) {
                    orders.add(threads.submit(() -> {
                        start.await(10, TimeUnit.SECONDS);
                        try {
                            transactions.executeWithoutResult(
                                    tx -> quotas.consume(buyer, order(name), yuan("14000.00"), NOW));
                            return true;
                        } catch (QuotaExceededException e) {
                            return false;
                        }
                    }));
                }

                List<Boolean> counted = new ArrayList<>();
                for (Future<Boolean> order : orders) {
                    counted.add(order.get(10, TimeUnit.SECONDS));
                }

                assertThat(counted).containsExactlyInAnyOrder(true, false);
                assertThat(quotas.status(buyer, 2026).used()).isEqualTo(yuan("14000.00"));
            }
        }
    }

    @Test
    void theSignedInBuyerSeesTheQuotaOfTheirIdNumber() {
        Buyer buyer = Buyers.newBuyer(port);
        ResponseEntity<Map<String, Object>> noIdentity =
                buyer.http().get().uri("/api/v1/me/quota").retrieve().toEntity(JSON);
        assertThat(noIdentity.getStatusCode().value()).isEqualTo(409);
        assertThat((String) noIdentity.getBody().get("detail")).contains("PUT /api/v1/me/identity");

        buyer.http()
                .put()
                .uri("/api/v1/me/identity")
                .body(Map.of("name", "张三", "idNumber", TestIdNumbers.random(), "phone", "13800138000"))
                .retrieve()
                .toBodilessEntity();
        String hash =
                jdbc.sql("""
                        select b.id_number_hash from buyer_identity b join account a on a.id = b.account_id
                         where a.email = :email
                        """).param("email", buyer.email()).query(String.class).single();
        int year = LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear();
        transactions.executeWithoutResult(tx -> quotas.consume(hash, order("rest"), yuan("1234.50"), Instant.now()));

        String quota = buyer.http().get().uri("/api/v1/me/quota").retrieve().body(String.class);
        assertThat(quota)
                .isEqualTo("{\"year\":" + year + ",\"limit\":26000.00,\"used\":1234.50,\"remaining\":24765.50}");
        assertThat(buyer.http()
                        .get()
                        .uri("/api/v1/me/quota?year=2020")
                        .retrieve()
                        .body(String.class))
                .contains("\"used\":0.00");
        assertThat(Buyers.anonymous(port)
                        .get()
                        .uri("/api/v1/me/quota")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private String consume(String buyer, String name, String yuan) {
        String order = order(name);
        transactions.executeWithoutResult(tx -> quotas.consume(buyer, order, yuan(yuan), NOW));
        return order;
    }

    private long waitingForAdvisoryLocks() {
        return jdbc.sql("""
                        select count(*) from pg_locks
                         where locktype = 'advisory' and classid = 26000 and objsubid = 2 and not granted
                           and database = (select oid from pg_database where datname = current_database())
                        """).query(Long.class).single();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the first order commit");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String order(String name) {
        return "Q-" + name + "-" + UUID.randomUUID();
    }

    private static String newHash() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static Money yuan(String amount) {
        return Money.ofYuan(amount);
    }
}
