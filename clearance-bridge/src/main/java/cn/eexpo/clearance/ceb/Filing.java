package cn.eexpo.clearance.ceb;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One paid order as customs needs it: everything the CEB311 order and the CEB621 inventory list carry. The filing
 * workflow fills it from the order (a snapshot of its products and buyer) and the clearance settings; {@link
 * FilingRules} checks it before anything is built. Money and quantities are {@link BigDecimal} with at most five
 * decimals (N19,5), never {@code double}.
 *
 * @param currency the customs currency code; retail imports are in RMB only: {@code 142}
 * @param acturalPaid what the buyer paid; must equal goodsValue + freight + taxTotal − discount, and the payment
 *     record's amountPaid (三单对碰)
 * @param payment the payment company and its transaction id, when known at filing time (optional in the XSD)
 * @param lines the goods, {@code gnum} 1, 2, … in order; the same numbers go into the order and the list (1:1)
 */
public record Filing(
        String orderNo,
        Enterprise platform,
        Enterprise seller,
        String currency,
        BigDecimal goodsValue,
        BigDecimal freight,
        BigDecimal discount,
        BigDecimal taxTotal,
        BigDecimal acturalPaid,
        Buyer buyer,
        Consignee consignee,
        @Nullable Payment payment,
        Clearance clearance,
        List<Line> lines) {

    public Filing {
        lines = List.copyOf(lines);
    }

    /** An enterprise by its customs registration code (海关注册登记编号, ≤ 18) and registered name (≤ 100). */
    public record Enterprise(String code, String name) {}

    /** 订购人: the platform account, real name, phone and resident ID number (buyerIdType is always 1). */
    public record Buyer(String regNo, String name, String telephone, IdNumber idNumber) {}

    /** 收货人: must equal the waybill's; {@code district} a 6-digit GB/T 2260 division code when given. */
    public record Consignee(
            String name,
            String telephone,
            String address,
            @Nullable String district) {}

    /** 支付企业 and its unique transaction id (流水号). */
    public record Payment(Enterprise company, String transactionId) {}

    /** 监管方式: 1210 bonded import (网购保税进口), 9610 direct purchase (直购进口). */
    public enum TradeMode {
        BONDED_1210("1210"),
        DIRECT_9610("9610");

        private final String code;

        TradeMode(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /**
     * The inventory list's head (清单表头) beyond what the order has.
     *
     * @param copNo the enterprise's own number for the list (≤ 20); CEB622 receipts come back keyed by it
     * @param logistics the logistics company; {@code logisticsNo} its waybill number (CEB511)
     * @param assureCode 担保扣税企业 code
     * @param emsNo the bonded warehouse's account book (账册编号); required for 1210
     * @param customsCode 申报海关 (4-digit 关区代码); {@code portCode} 口岸海关
     * @param agent 申报企业 (the declaring agent)
     * @param area 区内仓储企业; required for 1210
     * @param trafMode transport mode code (JGS-20); for 1210 the 二线出区 mode
     * @param trafNo for 9610 (直购进口必填): the carrier; {@code voyageNo}, {@code billNo} likewise
     * @param country for 1210 {@code 142}; for 9610 the departure country
     * @param freight the logistics company's actual freight; {@code insuredFee} its insurance charge
     * @param grossWeight kg, at least {@code netWeight}
     * @param declTime the declaration date (申报日期)
     */
    public record Clearance(
            TradeMode tradeMode,
            String copNo,
            Enterprise logistics,
            String logisticsNo,
            String assureCode,
            @Nullable String emsNo,
            String customsCode,
            String portCode,
            Enterprise agent,
            @Nullable Enterprise area,
            String trafMode,
            @Nullable String trafNo,
            @Nullable String voyageNo,
            @Nullable String billNo,
            String country,
            BigDecimal freight,
            BigDecimal insuredFee,
            BigDecimal grossWeight,
            BigDecimal netWeight,
            LocalDate declTime) {}

    /**
     * One item.
     *
     * @param gnum 1, 2, … in order
     * @param itemNo the SKU (≤ 20: the inventory list's limit)
     * @param gcode the 10-digit HS code (8-digit tariff number + 2 additional digits)
     * @param unit the transaction unit (JGS-20); {@code unit1}/{@code qty1} the legal first unit and quantity,
     *     {@code unit2}/{@code qty2} the legal second unit, when the HS code has one
     * @param price unit price; {@code totalPrice} = price × qty
     * @param country country of origin (JGS-20)
     * @param itemRecordNo 账册备案料号, the item's number in the warehouse account book; required for 1210
     */
    public record Line(
            int gnum,
            String itemNo,
            String itemName,
            String gmodel,
            @Nullable String barCode,
            String gcode,
            String unit,
            BigDecimal qty,
            String unit1,
            BigDecimal qty1,
            @Nullable String unit2,
            @Nullable BigDecimal qty2,
            BigDecimal price,
            BigDecimal totalPrice,
            String country,
            @Nullable String itemRecordNo) {}
}
