package cn.eexpo.clearance.filing;

import cn.eexpo.clearance.outgoing.DeadLetter;
import cn.eexpo.clearance.outgoing.DeadLetters;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The filings, the messages exactly as signed, the receipts, quarantined input and dead letters, in PostgreSQL. Work is
 * claimed with {@code FOR UPDATE SKIP LOCKED}: several application instances never take the same filing or message.
 */
@Repository
class FilingStore implements DeadLetters {

    private final JdbcClient jdbc;

    FilingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record FilingRow(
            long id,
            String orderNo,
            FilingState state,
            @Nullable String copNo,
            @Nullable String invtNo,
            @Nullable String preNo,
            @Nullable String statusCode,
            @Nullable String statusInfo,
            boolean paymentDeclared,
            int attempts,
            @Nullable String lastError,
            boolean cancelRequested,
            boolean returnRequested,
            Instant createdAt,
            Instant updatedAt) {}

    record MessageRow(
            String guid,
            long filingId,
            String orderNo,
            String msgType,
            String appType,
            int seq,
            String state,
            int attempts,
            @Nullable String lastError,
            Instant createdAt,
            @Nullable Instant sentAt) {}

    /** A message to send; {@code filingQueued}: its filing was QUEUED when it was claimed (nothing of it sent yet). */
    record DueMessage(
            String guid,
            long filingId,
            String orderNo,
            String msgType,
            byte[] envelope,
            int attempts,
            boolean filingQueued) {}

    record ReceiptRow(
            String receiptGuid,
            String msgType,
            String returnStatus,
            @Nullable String messageGuid,
            String returnTime,
            String returnInfo,
            String source,
            Instant receivedAt) {}

    /** Registers a paid order for filing; false if it already has one (the event came twice). */
    boolean register(String orderNo) {
        return jdbc.sql("insert into customs_filing (order_no) values (:orderNo) on conflict (order_no) do nothing")
                        .param("orderNo", orderNo)
                        .update()
                > 0;
    }

    /** Claims filings waiting to be built; call in a transaction, which holds the claim until it ends. */
    List<FilingRow> claimPending(int limit) {
        return jdbc.sql("""
                        select * from customs_filing
                         where state = 'PENDING' and next_attempt_at <= now()
                         order by next_attempt_at
                         limit :limit
                           for update skip locked
                        """).param("limit", limit).query(FilingStore::filing).list();
    }

    Optional<FilingRow> lock(String orderNo) {
        return jdbc.sql("select * from customs_filing where order_no = :orderNo for update")
                .param("orderNo", orderNo)
                .query(FilingStore::filing)
                .optional();
    }

    /**
     * Locks the rows of these filings in the order of their ids (one order for every transaction, so two that lock
     * overlapping sets wait for each other instead of deadlocking); answers them as locked.
     */
    List<FilingRow> lockAll(Collection<Long> ids) {
        if (ids.isEmpty()) return List.of();
        return jdbc.sql("select * from customs_filing where id = any(:ids) order by id for update")
                .param("ids", ids.toArray(Long[]::new))
                .query(FilingStore::filing)
                .list();
    }

    /** The filings of these orders, by order number. */
    Map<String, FilingRow> findByOrderNos(Collection<String> orderNos) {
        return findAllBy("order_no", orderNos, FilingRow::orderNo);
    }

    /** The filings with these enterprise list numbers (copNo), by that number. */
    Map<String, FilingRow> findByCopNos(Collection<String> copNos) {
        return findAllBy("cop_no", copNos, FilingRow::copNo);
    }

    /** By one of the filing's unique keys; {@code column} is one of this class's constants, never input. */
    private Map<String, FilingRow> findAllBy(
            String column, Collection<String> values, Function<FilingRow, String> key) {
        if (values.isEmpty()) return Map.of();
        var found = new HashMap<String, FilingRow>();
        jdbc.sql("select * from customs_filing where " + column + " = any(:values)")
                .param("values", values.toArray(String[]::new))
                .query(FilingStore::filing)
                .list()
                .forEach(row -> found.put(key.apply(row), row));
        return found;
    }

    Optional<FilingRow> find(String orderNo) {
        return findBy("order_no", orderNo);
    }

    Optional<FilingRow> findByInvtNo(String invtNo) {
        return findBy("invt_no", invtNo);
    }

    Optional<FilingRow> findByLogisticsNo(String logisticsNo) {
        return findBy("logistics_no", logisticsNo);
    }

    Optional<FilingRow> findById(long id) {
        return jdbc.sql("select * from customs_filing where id = :id")
                .param("id", id)
                .query(FilingStore::filing)
                .optional();
    }

    /** By one of the filing's unique keys; {@code column} is one of this class's constants, never input. */
    private Optional<FilingRow> findBy(String column, String value) {
        return jdbc.sql("select * from customs_filing where " + column + " = :value")
                .param("value", value)
                .query(FilingStore::filing)
                .optional();
    }

    List<FilingRow> list(@Nullable FilingState state, int limit) {
        return jdbc.sql("""
                        select * from customs_filing
                         where (cast(:state as text) is null or state = cast(:state as text))
                         order by updated_at desc, id desc
                         limit :limit
                        """)
                .param("state", state == null ? null : state.name())
                .param("limit", limit)
                .query(FilingStore::filing)
                .list();
    }

    /** The filing's messages are stored; {@code paymentDeclared}: the payment partner declared its payment just now. */
    void built(long id, String copNo, String logisticsNo, FilingState state, boolean paymentDeclared) {
        jdbc.sql("""
                        update customs_filing set state = :state, cop_no = :copNo, logistics_no = :logisticsNo,
                               attempts = 0, last_error = null, updated_at = now(),
                               payment_declared = payment_declared or :declared
                         where id = :id
                        """)
                .param("state", state.name())
                .param("copNo", copNo)
                .param("logisticsNo", logisticsNo)
                .param("declared", paymentDeclared)
                .param("id", id)
                .update();
    }

    /**
     * What earlier builds of a filing left, read at once: whether customs holds its order (a CEB312 that was not a
     * rejection) and its list (CEB622), the sequence number its next message takes, whether messages of it wait
     * unsent, and whether dead letters about it are open.
     */
    record History(boolean orderKnown, boolean listKnown, int nextSeq, boolean unsent, boolean deadLetters) {}

    History history(long filingId) {
        return jdbc.sql("""
                        select exists (select 1 from customs_receipt
                                        where filing_id = :id and msg_type = 'CEB312Message'
                                          and return_status not like '-%' and return_status <> '100') as order_known,
                               exists (select 1 from customs_receipt
                                        where filing_id = :id and msg_type = 'CEB622Message'
                                          and return_status not like '-%' and return_status <> '100') as list_known,
                               coalesce((select max(seq) from customs_message where filing_id = :id), 0) + 1 as next_seq,
                               exists (select 1 from customs_message where filing_id = :id and state = 'PENDING') as unsent,
                               exists (select 1 from customs_dead_letter where filing_id = :id and resolved_at is null)
                                   as dead_letters
                        """)
                .param("id", filingId)
                .query((rs, row) -> new History(
                        rs.getBoolean("order_known"),
                        rs.getBoolean("list_known"),
                        rs.getInt("next_seq"),
                        rs.getBoolean("unsent"),
                        rs.getBoolean("dead_letters")))
                .single();
    }

    void paymentDeclared(long id) {
        jdbc.sql("update customs_filing set payment_declared = true where id = :id")
                .param("id", id)
                .update();
    }

    void retryLater(long id, int attempts, Instant next, String error) {
        jdbc.sql("""
                        update customs_filing set attempts = :attempts, next_attempt_at = :next, last_error = :error,
                               updated_at = now()
                         where id = :id
                        """)
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .param("id", id)
                .update();
    }

    void state(long id, FilingState state, @Nullable String code, @Nullable String info) {
        jdbc.sql("""
                        update customs_filing set state = :state, status_code = coalesce(:code, status_code),
                               status_info = coalesce(:info, status_info), updated_at = now()
                         where id = :id
                        """)
                .param("state", state.name())
                .param("code", code)
                .param("info", info)
                .param("id", id)
                .update();
    }

    void listNumbers(long id, @Nullable String invtNo, @Nullable String preNo) {
        jdbc.sql("""
                        update customs_filing set invt_no = coalesce(invt_no, :invtNo), pre_no = coalesce(pre_no, :preNo)
                         where id = :id
                        """)
                .param("invtNo", invtNo)
                .param("preNo", preNo)
                .param("id", id)
                .update();
    }

    void requestCancel(long id, boolean requested) {
        jdbc.sql("update customs_filing set cancel_requested = :r, updated_at = now() where id = :id")
                .param("r", requested)
                .param("id", id)
                .update();
    }

    void requestReturn(long id, boolean requested) {
        jdbc.sql("update customs_filing set return_requested = :r, updated_at = now() where id = :id")
                .param("r", requested)
                .param("id", id)
                .update();
    }

    /** Requeues a dead-lettered or failed filing for building (an operator corrected it). */
    void resubmit(long id) {
        jdbc.sql("""
                        update customs_filing set state = 'PENDING', attempts = 0, next_attempt_at = now(),
                               last_error = null, updated_at = now()
                         where id = :id
                        """).param("id", id).update();
    }

    // ------------------------------------------------------------------ messages

    void insertMessage(
            String guid,
            long filingId,
            String orderNo,
            String msgType,
            String appType,
            int seq,
            byte[] signedXml,
            byte[] envelope) {
        jdbc.sql("""
                        insert into customs_message (guid, filing_id, order_no, msg_type, app_type, seq, signed_xml, envelope)
                        values (:guid, :filingId, :orderNo, :msgType, :appType, :seq, :signedXml, :envelope)
                        """)
                .param("guid", guid)
                .param("filingId", filingId)
                .param("orderNo", orderNo)
                .param("msgType", msgType)
                .param("appType", appType)
                .param("seq", seq)
                .param("signedXml", signedXml)
                .param("envelope", envelope)
                .update();
    }

    int nextSeq(long filingId) {
        return jdbc.sql("select coalesce(max(seq), 0) + 1 from customs_message where filing_id = :id")
                .param("id", filingId)
                .query(Integer.class)
                .single();
    }

    /** Messages of a filing not yet sent are dropped from the queue (the filing was cancelled or is rebuilt). */
    int supersedeUnsent(long filingId) {
        return jdbc.sql("update customs_message set state = 'SUPERSEDED' where filing_id = :id and state = 'PENDING'")
                .param("id", filingId)
                .update();
    }

    boolean anySent(long filingId, String msgType) {
        return jdbc.sql("""
                        select exists (select 1 from customs_message
                                        where filing_id = :id and msg_type = :type and state = 'SENT')
                        """)
                .param("id", filingId)
                .param("type", msgType)
                .query(Boolean.class)
                .single();
    }

    /**
     * Claims messages due for sending, longest due first; call in a transaction. A filing's messages leave in
     * sequence: one waits while an earlier one of its filing is unsent (customs must see the order before its list,
     * even when their retries fall due in another order). Indexes: customs_message_due for the order,
     * customs_message_pending for the earlier message.
     */
    List<DueMessage> claimDue(int limit) {
        return jdbc.sql("""
                        select guid, filing_id, order_no, msg_type, envelope, attempts,
                               (select f.state = 'QUEUED' from customs_filing f where f.id = m.filing_id) as queued
                          from customs_message m
                         where state = 'PENDING' and next_attempt_at <= now()
                           and not exists (select 1 from customs_message earlier
                                            where earlier.filing_id = m.filing_id and earlier.seq < m.seq
                                              and earlier.state = 'PENDING')
                         order by next_attempt_at
                         limit :limit
                           for update skip locked
                        """)
                .param("limit", limit)
                .query((rs, row) -> new DueMessage(
                        rs.getString("guid"),
                        rs.getLong("filing_id"),
                        rs.getString("order_no"),
                        rs.getString("msg_type"),
                        rs.getBytes("envelope"),
                        rs.getInt("attempts"),
                        rs.getBoolean("queued")))
                .list();
    }

    /** The transport took these messages; the filings whose first message it was become SENT. */
    void sent(List<DueMessage> messages) {
        jdbc.sql("""
                        update customs_message set state = 'SENT', attempts = attempts + 1, sent_at = now(),
                               last_error = null
                         where guid = any(:guids)
                        """)
                .param("guids", messages.stream().map(DueMessage::guid).toArray(String[]::new))
                .update();
        // QUEUED becomes SENT; receipts may already have moved a filing further. Only filings that were QUEUED when
        // claimed: a filing whose first message left before has its receipts coming in, and waiting here for their
        // row locks would hold up the whole send step for nothing.
        Long[] queued = messages.stream()
                .filter(DueMessage::filingQueued)
                .map(DueMessage::filingId)
                .distinct()
                .toArray(Long[]::new);
        if (queued.length == 0) return;
        jdbc.sql(
                        "update customs_filing set state = 'SENT', updated_at = now() where id = any(:ids) and state = 'QUEUED'")
                .param("ids", queued)
                .update();
    }

    void sendLater(String guid, int attempts, Instant next, String error) {
        jdbc.sql("""
                        update customs_message set attempts = :attempts, next_attempt_at = :next, last_error = :error
                         where guid = :guid
                        """)
                .param("attempts", attempts)
                .param("next", Timestamp.from(next))
                .param("error", error)
                .param("guid", guid)
                .update();
    }

    List<MessageRow> messages(long filingId) {
        return jdbc.sql("select * from customs_message where filing_id = :id order by seq")
                .param("id", filingId)
                .query(FilingStore::message)
                .list();
    }

    Optional<MessageRow> message(String guid) {
        return jdbc.sql("select * from customs_message where guid = :guid")
                .param("guid", guid)
                .query(FilingStore::message)
                .optional();
    }

    Optional<byte[]> signedXml(String guid) {
        return jdbc.sql("select signed_xml from customs_message where guid = :guid")
                .param("guid", guid)
                .query((rs, row) -> rs.getBytes(1))
                .optional();
    }

    /**
     * The guid of the newest message of each type in these filings, sent or not, by {@link #latestKey(long, String)}.
     */
    Map<String, String> latestMessages(Collection<Long> filingIds) {
        if (filingIds.isEmpty()) return Map.of();
        var latest = new HashMap<String, String>();
        jdbc.sql("""
                        select distinct on (filing_id, msg_type) filing_id, msg_type, guid from customs_message
                         where filing_id = any(:ids) order by filing_id, msg_type, seq desc
                        """).param("ids", filingIds.toArray(Long[]::new)).query(rs -> {
            latest.put(latestKey(rs.getLong(1), rs.getString(2)), rs.getString(3));
        });
        return latest;
    }

    static String latestKey(long filingId, String msgType) {
        return filingId + "/" + msgType;
    }

    // ------------------------------------------------------------------ receipts

    /** A receipt to record. */
    record NewReceipt(
            String receiptGuid,
            String msgType,
            String returnStatus,
            long filingId,
            @Nullable String messageGuid,
            String returnTime,
            String returnInfo,
            String source) {}

    /** What makes a receipt the same receipt: customs may send one twice. */
    record ReceiptKey(String receiptGuid, String msgType, String returnStatus) {}

    /** Records receipts in one statement; answers the keys of those not recorded before. */
    Set<ReceiptKey> receipts(List<NewReceipt> receipts) {
        if (receipts.isEmpty()) return new HashSet<>();
        var recorded = new HashSet<ReceiptKey>();
        jdbc.sql("""
                        insert into customs_receipt (receipt_guid, msg_type, return_status, filing_id, message_guid,
                                                     return_time, return_info, source)
                        select * from unnest(:guids, :types, :statuses, :filingIds, :messageGuids, :times, :infos,
                                             :sources)
                        on conflict do nothing
                        returning receipt_guid, msg_type, return_status
                        """)
                .param("guids", receipts.stream().map(NewReceipt::receiptGuid).toArray(String[]::new))
                .param("types", receipts.stream().map(NewReceipt::msgType).toArray(String[]::new))
                .param(
                        "statuses",
                        receipts.stream().map(NewReceipt::returnStatus).toArray(String[]::new))
                .param("filingIds", receipts.stream().map(NewReceipt::filingId).toArray(Long[]::new))
                .param(
                        "messageGuids",
                        receipts.stream().map(NewReceipt::messageGuid).toArray(String[]::new))
                .param("times", receipts.stream().map(NewReceipt::returnTime).toArray(String[]::new))
                .param("infos", receipts.stream().map(NewReceipt::returnInfo).toArray(String[]::new))
                .param("sources", receipts.stream().map(NewReceipt::source).toArray(String[]::new))
                .query(rs -> {
                    recorded.add(new ReceiptKey(rs.getString(1), rs.getString(2), rs.getString(3)));
                });
        return recorded;
    }

    List<ReceiptRow> receipts(long filingId) {
        return jdbc.sql("select * from customs_receipt where filing_id = :id order by received_at, return_time")
                .param("id", filingId)
                .query((rs, row) -> new ReceiptRow(
                        rs.getString("receipt_guid"),
                        rs.getString("msg_type"),
                        rs.getString("return_status"),
                        rs.getString("message_guid"),
                        rs.getString("return_time"),
                        rs.getString("return_info"),
                        rs.getString("source"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    void quarantine(String source, String reason, byte[] body) {
        quarantine(source, reason, body, null);
    }

    /** Quarantines a receipt; with {@code invtNo}, a tax bill that waits for a filing to get that list number. */
    void quarantine(String source, String reason, byte[] body, @Nullable String invtNo) {
        jdbc.sql("""
                        insert into customs_quarantine (source, reason, body, invt_no)
                        values (:source, :reason, :body, :invtNo)""")
                .param("source", source)
                .param("reason", reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .param("body", body)
                .param("invtNo", invtNo)
                .update();
    }

    /**
     * Orders, until the transaction ends, the transactions that look up a list number with those that give one to a
     * filing: a tax bill either sees the number or is parked before the list receipt looks for parked bills.
     */
    void lockListNumbers(SortedSet<String> invtNos) {
        if (invtNos.isEmpty()) return;
        // Taken in the array's order, which is sorted: one order for every transaction.
        jdbc.sql("select count(pg_advisory_xact_lock(816, hashtext(n))) from unnest(:numbers) as t(n)")
                .param("numbers", invtNos.toArray(String[]::new))
                .query()
                .singleValue();
    }

    record Waiting(long id, String source, byte[] body) {}

    /** Tax bills parked for this list number, oldest first. */
    List<Waiting> waitingFor(String invtNo) {
        return jdbc.sql("select id, source, body from customs_quarantine where invt_no = :invtNo order by id")
                .param("invtNo", invtNo)
                .query((rs, row) -> new Waiting(rs.getLong("id"), rs.getString("source"), rs.getBytes("body")))
                .list();
    }

    /** A parked tax bill was applied: it leaves the quarantine. */
    void unpark(long id) {
        jdbc.sql("delete from customs_quarantine where id = :id")
                .param("id", id)
                .update();
    }

    record Quarantined(long id, String source, String reason, int bytes, Instant receivedAt) {}

    List<Quarantined> quarantined(int limit) {
        return jdbc.sql("""
                        select id, source, reason, octet_length(body) as bytes, received_at from customs_quarantine
                         order by id desc limit :limit
                        """)
                .param("limit", limit)
                .query((rs, row) -> new Quarantined(
                        rs.getLong("id"),
                        rs.getString("source"),
                        rs.getString("reason"),
                        rs.getInt("bytes"),
                        rs.getTimestamp("received_at").toInstant()))
                .list();
    }

    // ------------------------------------------------------------------ dead letters

    @Override
    public void add(DeadLetter letter) {
        Long filingId = letter.orderNos().isEmpty()
                ? null
                : find(letter.orderNos().getFirst()).map(FilingRow::id).orElse(null);
        jdbc.sql("""
                        insert into customs_dead_letter (filing_id, order_nos, guid, msg_type, reason, problems, xml, created_at)
                        values (:filingId, :orderNos, :guid, :type, :reason, :problems, :xml, :at)
                        """)
                .param("filingId", filingId)
                .param("orderNos", String.join(",", letter.orderNos()))
                .param("guid", letter.guid())
                .param("type", letter.type() == null ? null : letter.type().rootName())
                .param("reason", letter.reason())
                .param("problems", String.join("\n", letter.problems()))
                .param("xml", letter.xml())
                .param("at", Timestamp.from(letter.at()))
                .update();
    }

    record DeadLetterRow(
            long id,
            @Nullable String orderNos,
            @Nullable String guid,
            @Nullable String msgType,
            String reason,
            List<String> problems,
            Instant createdAt,
            @Nullable Instant resolvedAt) {}

    List<DeadLetterRow> deadLetters(boolean open, int limit) {
        return jdbc.sql("""
                        select * from customs_dead_letter
                         where (not :open or resolved_at is null)
                         order by id desc limit :limit
                        """)
                .param("open", open)
                .param("limit", limit)
                .query((rs, row) -> new DeadLetterRow(
                        rs.getLong("id"),
                        rs.getString("order_nos"),
                        rs.getString("guid"),
                        rs.getString("msg_type"),
                        rs.getString("reason"),
                        rs.getString("problems").isEmpty()
                                ? List.of()
                                : List.of(rs.getString("problems").split("\n")),
                        rs.getTimestamp("created_at").toInstant(),
                        instant(rs, "resolved_at")))
                .list();
    }

    void resolveDeadLetters(long filingId) {
        jdbc.sql("update customs_dead_letter set resolved_at = now() where filing_id = :id and resolved_at is null")
                .param("id", filingId)
                .update();
    }

    // ------------------------------------------------------------------ mapping

    private static FilingRow filing(ResultSet rs, int row) throws SQLException {
        return new FilingRow(
                rs.getLong("id"),
                rs.getString("order_no"),
                FilingState.valueOf(rs.getString("state")),
                rs.getString("cop_no"),
                rs.getString("invt_no"),
                rs.getString("pre_no"),
                rs.getString("status_code"),
                rs.getString("status_info"),
                rs.getBoolean("payment_declared"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getBoolean("cancel_requested"),
                rs.getBoolean("return_requested"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static MessageRow message(ResultSet rs, int row) throws SQLException {
        return new MessageRow(
                rs.getString("guid"),
                rs.getLong("filing_id"),
                rs.getString("order_no"),
                rs.getString("msg_type"),
                rs.getString("app_type"),
                rs.getInt("seq"),
                rs.getString("state"),
                rs.getInt("attempts"),
                rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs, "sent_at"));
    }

    private static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
