package cn.eexpo.orders.order;

import cn.eexpo.common.Money;
import cn.eexpo.orders.OrderStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An order as stored: the snapshot of everything the buyer agreed to. The buyer's ID number is only here sealed, hashed
 * and masked.
 */
public record PlacedOrder(
        String orderNo,
        long accountId,
        OrderStatus status,
        String tradeMode,
        String warehouseCode,
        Seller seller,
        Buyer buyer,
        Consignee consignee,
        List<Line> lines,
        Money goodsValue,
        Money freight,
        Money tax,
        Money discount,
        Money total,
        String taxRule,
        String paymentMethod,
        @Nullable String paymentIntentId,
        @Nullable String paymentClientSecret,
        Money refunded,
        @Nullable Instant reservationExpiresAt,
        Instant createdAt,
        @Nullable Instant paidAt,
        @Nullable Instant releasedAt) {

    /** The exhibitor selling the goods (电商企业): one per order, as one customs order declares one. */
    public record Seller(String code, String customsCode, String name) {}

    public record Buyer(String name, String sealedIdNumber, String idNumberHash, String maskedIdNumber, String phone) {

        @Override
        public String toString() {
            return "Buyer[" + maskedIdNumber + "]";
        }
    }

    public record Consignee(
            String name, String phone, String province, String city, String district, String addressLine) {}

    public record Line(
            int lineNo,
            String sku,
            String nameZh,
            String nameEn,
            String brand,
            String hsCode,
            String originCountry,
            String customsUnit,
            String legalUnit,
            BigDecimal legalQuantity,
            BigDecimal netWeightKg,
            BigDecimal grossWeightKg,
            @Nullable String itemRecordNo,
            @Nullable String barcode,
            int quantity,
            Money unitPrice,
            Money value,
            Money freightShare,
            Money tax,
            BigDecimal vatRate,
            BigDecimal consumptionTaxRate,
            BigDecimal tariffRate) {}

    /** A change of status, as the order's history shows it. */
    public record Transition(@Nullable OrderStatus from, OrderStatus to, String cause, Instant at) {}
}
