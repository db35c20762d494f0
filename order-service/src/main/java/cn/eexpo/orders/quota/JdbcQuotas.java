package cn.eexpo.orders.quota;

import cn.eexpo.common.Money;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The annual quota in PostgreSQL: one {@code quota_use} row per counted order. Consuming takes a transaction-scoped
 * advisory lock on the buyer and year, so that of two concurrent orders the second sees the first once it commits
 * (or no longer sees it if it rolls back); the lock goes with the caller's transaction, whatever it ends in.
 */
@Service
class JdbcQuotas implements Quotas {

    static final Money ANNUAL_LIMIT = Money.ofYuan("26000.00");
    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** The first key of the two-key advisory locks on a buyer's year; the second is a hash of ID number hash and year. */
    private static final int LOCK_SPACE = 26_000;

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");
    private static final Logger log = LoggerFactory.getLogger(JdbcQuotas.class);

    private final JdbcClient jdbc;

    JdbcQuotas(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(readOnly = true)
    public QuotaStatus status(String idNumberHash, int year) {
        Money used = used(checkedHash(idNumberHash), year);
        return new QuotaStatus(year, ANNUAL_LIMIT, used, remaining(used));
    }

    /**
     * Needs the caller's transaction (the order and its quota commit or roll back together). A refusal writes nothing
     * and leaves that transaction usable: the caller may catch it and carry on.
     *
     * @throws QuotaExceededException when the buyer's counted orders of the year and this one exceed CNY 26,000
     */
    @Override
    @Transactional(propagation = Propagation.MANDATORY, noRollbackFor = QuotaExceededException.class)
    public void consume(String idNumberHash, String orderNo, Money amount, Instant orderedAt) {
        checkedHash(idNumberHash);
        if (orderNo.isBlank()) {
            throw new IllegalArgumentException("an order number is required to count an order toward the quota");
        }
        if (amount.fen() <= 0) {
            throw new IllegalArgumentException("an order counts toward the quota with an amount above 0");
        }
        int year = orderedAt.atZone(CHINA).getYear();
        lockBuyerYear(idNumberHash, year);
        boolean counted = jdbc.sql("select exists (select 1 from quota_use where order_no = :order)")
                .param("order", orderNo)
                .query(Boolean.class)
                .single();
        if (counted) {
            return;
        }
        Money used = used(idNumberHash, year);
        if (used.plus(amount).compareTo(ANNUAL_LIMIT) > 0) {
            throw new QuotaExceededException(remaining(used), amount);
        }
        jdbc.sql("""
                        insert into quota_use (order_no, id_number_hash, year, amount_fen, consumed_at)
                        values (:order, :hash, :year, :amount, :at)
                        on conflict (order_no) do nothing
                        """)
                .param("order", orderNo)
                .param("hash", idNumberHash)
                .param("year", year)
                .param("amount", amount.fen())
                .param("at", Timestamp.from(orderedAt))
                .update();
    }

    @Override
    @Transactional
    public void restore(String orderNo, String cause) {
        if (cause.isBlank()) {
            throw new IllegalArgumentException("a quota is restored for a cause: rejected, cancelled, returned");
        }
        int restored =
                jdbc.sql("""
                        update quota_use
                           set restored_at = now(), restore_cause = :cause
                         where order_no = :order and restored_at is null
                        """).param("order", orderNo).param("cause", cause).update();
        if (restored == 1) {
            log.info("Quota of order {} restored ({})", orderNo, cause);
        }
    }

    /**
     * Waits for any other transaction counting an order of the same buyer and year. Under REPEATABLE READ or
     * SERIALIZABLE the caller's snapshot could predate the order it waited for, so only READ COMMITTED is accepted.
     */
    private void lockBuyerYear(String idNumberHash, int year) {
        String isolation = jdbc.sql("""
                        select current_setting('transaction_isolation')
                          from pg_advisory_xact_lock(:space, hashtext(:key))
                        """)
                .param("space", LOCK_SPACE)
                .param("key", idNumberHash + ":" + year)
                .query(String.class)
                .single();
        if (!"read committed".equals(isolation)) {
            throw new IllegalStateException("the quota is counted in a READ COMMITTED transaction, not " + isolation);
        }
    }

    private Money used(String idNumberHash, int year) {
        return new Money(jdbc.sql("""
                        select coalesce(sum(amount_fen), 0)
                          from quota_use
                         where id_number_hash = :hash and year = :year and restored_at is null
                        """)
                .param("hash", idNumberHash)
                .param("year", year)
                .query(Long.class)
                .single());
    }

    private static Money remaining(Money used) {
        Money remaining = ANNUAL_LIMIT.minus(used);
        return remaining.fen() < 0 ? Money.ZERO : remaining;
    }

    private static String checkedHash(String idNumberHash) {
        if (!HASH.matcher(idNumberHash).matches()) {
            throw new IllegalArgumentException("not an ID number hash (64 lowercase hex digits)");
        }
        return idNumberHash;
    }
}
