package cn.eexpo.orders.order;

import cn.eexpo.common.Money;
import cn.eexpo.orders.OrderStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Orders in PostgreSQL. Explicit SQL; the status only ever changes through {@link OrderTransitions}. */
@Repository
public class OrderStore {

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;

    OrderStore(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public String nextOrderNo(String day) {
        long n = jdbc.sql("select nextval('order_number')").query(Long.class).single();
        return "EX" + day + String.format("%08d", n % 100_000_000L);
    }

    /** Inserts a new order, its lines and its first transition. */
    public void insert(PlacedOrder order, @Nullable String idempotencyKey, @Nullable String requestHash) {
        var b = order.buyer();
        var c = order.consignee();
        jdbc.sql("""
                        insert into customer_order (order_no, account_id, idempotency_key, request_hash, status, trade_mode,
                            warehouse_code, exhibitor_code, exhibitor_customs_code, exhibitor_name, buyer_name, buyer_id_sealed, buyer_id_hash, buyer_id_masked, buyer_phone,
                            consignee_name, consignee_phone, province, city, district, address_line,
                            goods_value_fen, freight_fen, tax_fen, discount_fen, total_fen, tax_rule, payment_method,
                            reservation_expires_at, created_at)
                        values (:orderNo, :accountId, :key, :hash, :status, :tradeMode, :warehouse, :sellerCode,
                            :sellerCustomsCode, :sellerName, :buyerName, :sealed,
                            :idHash, :masked, :buyerPhone, :consigneeName, :consigneePhone, :province, :city, :district,
                            :address, :goods, :freight, :tax, :discount, :total, :taxRule, :method, :expires, :createdAt)
                        """)
                .param("orderNo", order.orderNo())
                .param("accountId", order.accountId())
                .param("key", idempotencyKey)
                .param("hash", requestHash)
                .param("status", order.status().name())
                .param("tradeMode", order.tradeMode())
                .param("warehouse", order.warehouseCode())
                .param("sellerCode", order.seller().code())
                .param("sellerCustomsCode", order.seller().customsCode())
                .param("sellerName", order.seller().name())
                .param("buyerName", b.name())
                .param("sealed", b.sealedIdNumber())
                .param("idHash", b.idNumberHash())
                .param("masked", b.maskedIdNumber())
                .param("buyerPhone", b.phone())
                .param("consigneeName", c.name())
                .param("consigneePhone", c.phone())
                .param("province", c.province())
                .param("city", c.city())
                .param("district", c.district())
                .param("address", c.addressLine())
                .param("goods", order.goodsValue().fen())
                .param("freight", order.freight().fen())
                .param("tax", order.tax().fen())
                .param("discount", order.discount().fen())
                .param("total", order.total().fen())
                .param("taxRule", order.taxRule())
                .param("method", order.paymentMethod())
                .param("expires", timestamp(order.reservationExpiresAt()))
                .param("createdAt", Timestamp.from(order.createdAt()))
                .update();
        var lines = new java.util.ArrayList<MapSqlParameterSource>();
        for (var l : order.lines()) {
            lines.add(new MapSqlParameterSource()
                    .addValue("orderNo", order.orderNo())
                    .addValue("lineNo", l.lineNo())
                    .addValue("sku", l.sku())
                    .addValue("nameZh", l.nameZh())
                    .addValue("nameEn", l.nameEn())
                    .addValue("brand", l.brand())
                    .addValue("hs", l.hsCode())
                    .addValue("origin", l.originCountry())
                    .addValue("unit", l.customsUnit())
                    .addValue("legalUnit", l.legalUnit())
                    .addValue("legalQty", l.legalQuantity())
                    .addValue("net", l.netWeightKg())
                    .addValue("gross", l.grossWeightKg())
                    .addValue("record", l.itemRecordNo())
                    .addValue("barcode", l.barcode())
                    .addValue("qty", l.quantity())
                    .addValue("price", l.unitPrice().fen())
                    .addValue("value", l.value().fen())
                    .addValue("freight", l.freightShare().fen())
                    .addValue("tax", l.tax().fen())
                    .addValue("vat", l.vatRate())
                    .addValue("ct", l.consumptionTaxRate())
                    .addValue("tariff", l.tariffRate()));
        }
        batch.batchUpdate("""
                insert into order_line (order_no, line_no, sku, name_zh, name_en, brand, hs_code, origin_country,
                    customs_unit, legal_unit, legal_quantity, net_weight_kg, gross_weight_kg, item_record_no,
                    barcode, quantity, unit_price_fen, value_fen, freight_share_fen, tax_fen, vat_rate,
                    consumption_tax_rate, tariff_rate)
                values (:orderNo, :lineNo, :sku, :nameZh, :nameEn, :brand, :hs, :origin, :unit, :legalUnit,
                    :legalQty, :net, :gross, :record, :barcode, :qty, :price, :value, :freight, :tax, :vat, :ct,
                    :tariff)
                """, lines.toArray(MapSqlParameterSource[]::new));
        recordTransition(order.orderNo(), null, order.status(), "checkout");
    }

    public Optional<PlacedOrder> find(String orderNo) {
        return jdbc.sql("select * from customer_order where order_no = :orderNo")
                .param("orderNo", orderNo)
                .query((rs, i) -> map(rs))
                .optional()
                .map(this::withLines);
    }

    /** The order's status and payment, its row locked for update in the caller's transaction. */
    Optional<Locked> lock(String orderNo) {
        return jdbc.sql("select status, payment_intent_id from customer_order where order_no = :orderNo for update")
                .param("orderNo", orderNo)
                .query((rs, i) -> new Locked(OrderStatus.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    public record Locked(OrderStatus status, @Nullable String paymentIntentId) {}

    /** The order's status and payment, without its lines. */
    public Optional<Locked> peek(String orderNo) {
        return jdbc.sql("select status, payment_intent_id from customer_order where order_no = :orderNo")
                .param("orderNo", orderNo)
                .query((rs, i) -> new Locked(OrderStatus.valueOf(rs.getString(1)), rs.getString(2)))
                .optional();
    }

    /** The order without its lines (they are left empty): for the payment leg, which needs only the amounts. */
    public Optional<PlacedOrder> header(String orderNo) {
        return jdbc.sql("select * from customer_order where order_no = :orderNo")
                .param("orderNo", orderNo)
                .query((rs, i) -> map(rs))
                .optional();
    }

    public Optional<PlacedOrder> findByIdempotencyKey(long accountId, String key) {
        return jdbc.sql("select * from customer_order where account_id = :accountId and idempotency_key = :key")
                .param("accountId", accountId)
                .param("key", key)
                .query((rs, i) -> map(rs))
                .optional()
                .map(this::withLines);
    }

    public Optional<String> requestHash(String orderNo) {
        return jdbc.sql("select request_hash from customer_order where order_no = :orderNo")
                .param("orderNo", orderNo)
                .query(String.class)
                .optional();
    }

    public Optional<String> orderNoOfPaymentIntent(String paymentIntentId) {
        return jdbc.sql("select order_no from customer_order where payment_intent_id = :id")
                .param("id", paymentIntentId)
                .query(String.class)
                .optional();
    }

    public List<PlacedOrder> ofAccount(long accountId, int limit) {
        return jdbc
                .sql("select * from customer_order where account_id = :accountId order by created_at desc limit :limit")
                .param("accountId", accountId)
                .param("limit", limit)
                .query((rs, i) -> map(rs))
                .list()
                .stream()
                .map(this::withLines)
                .toList();
    }

    /** Orders in these states not changed since {@code before}, oldest first. */
    public List<String> inStatus(List<OrderStatus> statuses, Instant before, int limit) {
        return jdbc.sql("""
                        select order_no from customer_order
                         where status in (:statuses) and updated_at < :before
                         order by updated_at limit :limit
                        """)
                .param("statuses", statuses.stream().map(Enum::name).toList())
                .param("before", Timestamp.from(before))
                .param("limit", limit)
                .query(String.class)
                .list();
    }

    public List<PlacedOrder.Transition> history(String orderNo) {
        return jdbc.sql("select * from order_transition where order_no = :orderNo order by id")
                .param("orderNo", orderNo)
                .query((rs, i) -> new PlacedOrder.Transition(
                        rs.getString("from_status") == null ? null : OrderStatus.valueOf(rs.getString("from_status")),
                        OrderStatus.valueOf(rs.getString("to_status")),
                        rs.getString("cause"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Sets the order's status and records the transition, in one statement (a move is made four times per order). */
    void moveStatus(String orderNo, OrderStatus from, OrderStatus to, Instant at, String cause) {
        jdbc.sql("""
                        with moved as (
                            update customer_order
                               set status = :to, updated_at = :at,
                                   paid_at = case when :to = 'PAID' then :at else paid_at end,
                                   released_at = case when :to = 'RELEASED' then :at else released_at end
                             where order_no = :orderNo
                            returning order_no
                        )
                        insert into order_transition (order_no, from_status, to_status, cause)
                        select order_no, :from, :to, :cause from moved
                        """)
                .param("to", to.name())
                .param("at", Timestamp.from(at))
                .param("orderNo", orderNo)
                .param("from", from.name())
                .param("cause", cause.length() > 500 ? cause.substring(0, 500) : cause)
                .update();
    }

    void recordTransition(String orderNo, @Nullable OrderStatus from, OrderStatus to, String cause) {
        jdbc.sql("insert into order_transition (order_no, from_status, to_status, cause) values (:o, :f, :t, :c)")
                .param("o", orderNo)
                .param("f", from == null ? null : from.name())
                .param("t", to.name())
                .param("c", cause.length() > 500 ? cause.substring(0, 500) : cause)
                .update();
    }

    public void attachPaymentIntent(String orderNo, String paymentIntentId, @Nullable String clientSecret) {
        jdbc.sql("""
                        update customer_order set payment_intent_id = :id, payment_client_secret = :secret, updated_at = now()
                         where order_no = :orderNo and (payment_intent_id is null or payment_intent_id = :id)
                        """)
                .param("id", paymentIntentId)
                .param("secret", clientSecret)
                .param("orderNo", orderNo)
                .update();
    }

    public void recordRefund(String orderNo, String refundId, Money amount) {
        jdbc.sql(
                        "update customer_order set refund_id = :id, refunded_fen = :fen, updated_at = now() where order_no = :o")
                .param("id", refundId)
                .param("fen", amount.fen())
                .param("o", orderNo)
                .update();
    }

    private PlacedOrder withLines(PlacedOrder order) {
        var lines = jdbc.sql("select * from order_line where order_no = :orderNo order by line_no")
                .param("orderNo", order.orderNo())
                .query((rs, i) -> new PlacedOrder.Line(
                        rs.getInt("line_no"),
                        rs.getString("sku"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getString("brand"),
                        rs.getString("hs_code"),
                        rs.getString("origin_country"),
                        rs.getString("customs_unit"),
                        rs.getString("legal_unit"),
                        rs.getBigDecimal("legal_quantity"),
                        rs.getBigDecimal("net_weight_kg"),
                        rs.getBigDecimal("gross_weight_kg"),
                        rs.getString("item_record_no"),
                        rs.getString("barcode"),
                        rs.getInt("quantity"),
                        new Money(rs.getLong("unit_price_fen")),
                        new Money(rs.getLong("value_fen")),
                        new Money(rs.getLong("freight_share_fen")),
                        new Money(rs.getLong("tax_fen")),
                        rs.getBigDecimal("vat_rate"),
                        rs.getBigDecimal("consumption_tax_rate"),
                        rs.getBigDecimal("tariff_rate")))
                .list();
        return new PlacedOrder(
                order.orderNo(),
                order.accountId(),
                order.status(),
                order.tradeMode(),
                order.warehouseCode(),
                order.seller(),
                order.buyer(),
                order.consignee(),
                lines,
                order.goodsValue(),
                order.freight(),
                order.tax(),
                order.discount(),
                order.total(),
                order.taxRule(),
                order.paymentMethod(),
                order.paymentIntentId(),
                order.paymentClientSecret(),
                order.refunded(),
                order.reservationExpiresAt(),
                order.createdAt(),
                order.paidAt(),
                order.releasedAt());
    }

    private static PlacedOrder map(ResultSet rs) throws SQLException {
        return new PlacedOrder(
                rs.getString("order_no"),
                rs.getLong("account_id"),
                OrderStatus.valueOf(rs.getString("status")),
                rs.getString("trade_mode"),
                rs.getString("warehouse_code"),
                new PlacedOrder.Seller(
                        String.valueOf(rs.getString("exhibitor_code")),
                        String.valueOf(rs.getString("exhibitor_customs_code")),
                        String.valueOf(rs.getString("exhibitor_name"))),
                new PlacedOrder.Buyer(
                        rs.getString("buyer_name"),
                        rs.getString("buyer_id_sealed"),
                        rs.getString("buyer_id_hash"),
                        rs.getString("buyer_id_masked"),
                        rs.getString("buyer_phone")),
                new PlacedOrder.Consignee(
                        rs.getString("consignee_name"),
                        rs.getString("consignee_phone"),
                        rs.getString("province"),
                        rs.getString("city"),
                        rs.getString("district"),
                        rs.getString("address_line")),
                List.of(),
                new Money(rs.getLong("goods_value_fen")),
                new Money(rs.getLong("freight_fen")),
                new Money(rs.getLong("tax_fen")),
                new Money(rs.getLong("discount_fen")),
                new Money(rs.getLong("total_fen")),
                rs.getString("tax_rule"),
                rs.getString("payment_method"),
                rs.getString("payment_intent_id"),
                rs.getString("payment_client_secret"),
                new Money(rs.getLong("refunded_fen")),
                instant(rs.getTimestamp("reservation_expires_at")),
                rs.getTimestamp("created_at").toInstant(),
                instant(rs.getTimestamp("paid_at")),
                instant(rs.getTimestamp("released_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static @Nullable Timestamp timestamp(@Nullable Instant i) {
        return i == null ? null : Timestamp.from(i);
    }
}
