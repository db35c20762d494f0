package cn.eexpo.orders;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A paid order with every fact its customs filing declares, as the buyer agreed to it. It carries the buyer's plain ID
 * number, because CEB311 and CEB621 must: it exists only while a filing is built, is never logged, and its
 * {@code toString} masks it.
 *
 * @param goodsValue goods value in yuan, two decimals
 */
public record OrderForFiling(
        String orderNo,
        OrderStatus status,
        String tradeMode,
        String warehouseCode,
        String exhibitorCustomsCode,
        String exhibitorName,
        long buyerAccountId,
        String buyerName,
        String buyerIdNumber,
        String buyerPhone,
        String consigneeName,
        String consigneePhone,
        String consigneeAddress,
        BigDecimal goodsValue,
        BigDecimal freight,
        BigDecimal taxTotal,
        BigDecimal discount,
        BigDecimal actualPaid,
        @Nullable String paymentTransactionId,
        @Nullable Instant paidAt,
        List<Line> lines) {

    /** One line, with its product's customs facts at the time of the order; legal quantity and weights are the line's total. */
    public record Line(
            int gnum,
            String sku,
            String name,
            String nameEn,
            String brand,
            String hsCode,
            String originCountry,
            String unit,
            String legalUnit,
            BigDecimal legalQuantity,
            BigDecimal netWeightKg,
            BigDecimal grossWeightKg,
            @Nullable String itemRecordNo,
            @Nullable String barcode,
            int quantity,
            BigDecimal unitPrice,
            BigDecimal totalPrice) {}

    @Override
    public String toString() {
        return "OrderForFiling[" + orderNo + ", " + status + ", " + lines.size() + " lines]";
    }
}
