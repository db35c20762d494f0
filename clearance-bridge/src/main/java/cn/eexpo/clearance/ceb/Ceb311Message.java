package cn.eexpo.clearance.ceb;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CEB311 电子订单: 1..100 orders, each a head and 1..99 lines; fields and order exactly as the XSD. */
public record Ceb311Message(String guid, List<Order> orders, BaseTransfer baseTransfer) implements CebMessage {

    public Ceb311Message {
        orders = List.copyOf(orders);
    }

    @Override
    public CebMessageType type() {
        return CebMessageType.CEB311;
    }

    @Override
    public List<String> orderNos() {
        return orders.stream().map(o -> o.head().orderNo()).toList();
    }

    public record Order(OrderHead head, List<OrderLine> lines) {
        public Order {
            lines = List.copyOf(lines);
        }
    }

    public record OrderHead(
            String guid,
            String appType,
            String appTime,
            String appStatus,
            String orderType,
            String orderNo,
            String ebpCode,
            String ebpName,
            String ebcCode,
            String ebcName,
            BigDecimal goodsValue,
            BigDecimal freight,
            BigDecimal discount,
            BigDecimal taxTotal,
            BigDecimal acturalPaid,
            String currency,
            String buyerRegNo,
            String buyerName,
            String buyerTelephone,
            String buyerIdType,
            IdNumber buyerIdNumber,
            @Nullable String payCode,
            @Nullable String payName,
            @Nullable String payTransactionId,
            @Nullable String batchNumbers,
            String consignee,
            String consigneeTelephone,
            String consigneeAddress,
            @Nullable String consigneeDistrict,
            @Nullable String note) {}

    public record OrderLine(
            int gnum,
            @Nullable String itemNo,
            String itemName,
            String gmodel,
            @Nullable String itemDescribe,
            @Nullable String barCode,
            String unit,
            BigDecimal qty,
            BigDecimal price,
            BigDecimal totalPrice,
            String currency,
            String country,
            @Nullable String note) {}
}
