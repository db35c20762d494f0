package cn.eexpo.clearance.filing;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Filing.Enterprise;
import cn.eexpo.clearance.ceb.Filing.TradeMode;
import cn.eexpo.clearance.ceb.IdNumber;
import cn.eexpo.orders.OrderForFiling;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Makes an order's {@link Filing}: the order's snapshot (buyer, consignee, goods and money as the buyer agreed to them)
 * plus what customs needs of the warehouse, the broker, the carrier and the payment partner. The list's copNo and the
 * waybill number follow from the order number, so a rebuilt filing keeps them.
 */
@Component
class FilingAssembler {

    private final ClearanceProperties properties;
    private final ProductCatalog catalog;
    private final Clock clock;

    FilingAssembler(ClearanceProperties properties, ProductCatalog catalog, Clock clock) {
        this.properties = properties;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The list's own number (≤ 20): customs keys CEB622/624/626 receipts by it. */
    static String copNo(String orderNo) {
        return "CL" + digits(orderNo);
    }

    /** The waybill the carrier files (CEB511) for this order. */
    static String logisticsNo(String orderNo) {
        return "EY" + digits(orderNo) + "CN";
    }

    private static String digits(String orderNo) {
        String digits = orderNo.replaceAll("[^0-9]", "");
        return digits.length() > 16 ? digits.substring(digits.length() - 16) : digits;
    }

    Filing assemble(OrderForFiling order) {
        ProductDetails.Warehouse warehouse = catalog.warehouse(order.warehouseCode())
                .orElseThrow(() -> new IllegalStateException("order " + order.orderNo() + " names warehouse "
                        + order.warehouseCode() + ", which is unknown"));
        boolean bonded = "1210".equals(order.tradeMode());
        var p = properties;
        BigDecimal net = BigDecimal.ZERO;
        BigDecimal gross = BigDecimal.ZERO;
        for (var line : order.lines()) {
            net = net.add(line.netWeightKg());
            gross = gross.add(line.grossWeightKg());
        }
        var clearance = new Filing.Clearance(
                bonded ? TradeMode.BONDED_1210 : TradeMode.DIRECT_9610,
                copNo(order.orderNo()),
                new Enterprise(p.logistics().code(), p.logistics().name()),
                logisticsNo(order.orderNo()),
                p.assureCodeOrPlatform(),
                bonded ? warehouse.emsNo() : null,
                warehouse.customsCode(),
                warehouse.customsCode(),
                new Enterprise(p.agent().code(), p.agent().name()),
                bonded && warehouse.areaCode() != null
                        ? new Enterprise(
                                warehouse.areaCode(),
                                warehouse.areaName() == null ? warehouse.name() : warehouse.areaName())
                        : null,
                // 1210 goods leave the bonded area by road (二线出区); 9610 goods are flown in.
                bonded ? "4" : p.direct().trafMode(),
                bonded ? null : p.direct().trafNo(),
                bonded ? null : p.direct().voyageNo(),
                bonded
                        ? null
                        : p.direct().billPrefix() + digits(order.orderNo()).substring(8),
                // 1210: the goods come from the bonded area (China, 142); 9610: from the country they are flown in from
                bonded ? "142" : departureCountry(order),
                order.freight(),
                BigDecimal.ZERO,
                gross.max(net),
                net,
                LocalDate.now(clock.withZone(CebMessages.CHINA)));
        List<Filing.Line> lines = order.lines().stream()
                .map(l -> new Filing.Line(
                        l.gnum(),
                        l.sku(),
                        l.name(),
                        gmodel(l),
                        l.barcode(),
                        l.hsCode(),
                        l.unit(),
                        BigDecimal.valueOf(l.quantity()),
                        l.legalUnit(),
                        l.legalQuantity(),
                        null,
                        null,
                        l.unitPrice(),
                        l.totalPrice(),
                        l.originCountry(),
                        bonded ? l.itemRecordNo() : null))
                .toList();
        var payment = order.paymentTransactionId() == null
                ? null
                : new Filing.Payment(
                        new Enterprise(
                                p.paymentPartner().code(), p.paymentPartner().name()),
                        order.paymentTransactionId());
        return new Filing(
                order.orderNo(),
                new Enterprise(p.platform().code(), p.platform().name()),
                new Enterprise(order.exhibitorCustomsCode(), order.exhibitorName()),
                "142",
                order.goodsValue(),
                order.freight(),
                order.discount(),
                order.taxTotal(),
                order.actualPaid(),
                new Filing.Buyer(
                        "u-" + order.buyerAccountId(),
                        order.buyerName(),
                        order.buyerPhone(),
                        new IdNumber(order.buyerIdNumber())),
                new Filing.Consignee(order.consigneeName(), order.consigneePhone(), order.consigneeAddress(), null),
                payment,
                clearance,
                lines);
    }

    /** 规格型号: brand and English name, as the declaration wants them (≤ 510). */
    private static String gmodel(OrderForFiling.Line line) {
        String model = line.brand() + " " + line.nameEn();
        return model.length() > 250 ? model.substring(0, 250) : model;
    }

    /** Direct-purchase goods are flown in from the country of their first line's origin. */
    private static String departureCountry(OrderForFiling order) {
        return order.lines().getFirst().originCountry();
    }
}
