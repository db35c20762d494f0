package cn.eexpo.orders.order;

import cn.eexpo.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An order as its buyer sees it: money in yuan with two decimals, the ID number masked, its history in order. */
public record OrderView(
        String orderNo,
        OrderStatus status,
        String tradeMode,
        String warehouse,
        Buyer buyer,
        PlacedOrder.Consignee consignee,
        List<Line> lines,
        BigDecimal goodsValue,
        BigDecimal freight,
        BigDecimal taxTotal,
        BigDecimal discount,
        BigDecimal total,
        String currency,
        String taxRule,
        Payment payment,
        BigDecimal refunded,
        @Nullable Instant payBefore,
        Instant createdAt,
        @Nullable Instant paidAt,
        @Nullable Instant releasedAt,
        List<PlacedOrder.Transition> history) {

    public record Buyer(String name, String idNumber, String phone) {}

    public record Line(
            int lineNo,
            String sku,
            String name,
            String nameEn,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal value,
            BigDecimal freightShare,
            BigDecimal tax) {}

    public record Payment(
            String method,
            @Nullable String paymentIntentId,
            @Nullable String clientSecret) {}

    public static OrderView of(PlacedOrder o, List<PlacedOrder.Transition> history) {
        boolean awaiting = o.status() == OrderStatus.CREATED || o.status() == OrderStatus.PAYMENT_PENDING;
        return new OrderView(
                o.orderNo(),
                o.status(),
                o.tradeMode(),
                o.warehouseCode(),
                new Buyer(
                        o.buyer().name(), o.buyer().maskedIdNumber(), o.buyer().phone()),
                o.consignee(),
                o.lines().stream()
                        .map(l -> new Line(
                                l.lineNo(),
                                l.sku(),
                                l.nameZh(),
                                l.nameEn(),
                                l.quantity(),
                                l.unitPrice().yuan(),
                                l.value().yuan(),
                                l.freightShare().yuan(),
                                l.tax().yuan()))
                        .toList(),
                o.goodsValue().yuan(),
                o.freight().yuan(),
                o.tax().yuan(),
                o.discount().yuan(),
                o.total().yuan(),
                "CNY",
                o.taxRule(),
                new Payment(o.paymentMethod(), o.paymentIntentId(), awaiting ? o.paymentClientSecret() : null),
                o.refunded().yuan(),
                awaiting ? o.reservationExpiresAt() : null,
                o.createdAt(),
                o.paidAt(),
                o.releasedAt(),
                history);
    }
}
