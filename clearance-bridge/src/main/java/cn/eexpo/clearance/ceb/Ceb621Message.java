package cn.eexpo.clearance.ceb;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CEB621 进口清单 (inventory list): 1..100 inventories, each a head and 1..99 lines; the XSD requires a signature.
 * Fields and order exactly as the XSD.
 */
public record Ceb621Message(String guid, List<Inventory> inventories, BaseTransfer baseTransfer) implements CebMessage {

    public Ceb621Message {
        inventories = List.copyOf(inventories);
    }

    @Override
    public CebMessageType type() {
        return CebMessageType.CEB621;
    }

    @Override
    public List<String> orderNos() {
        return inventories.stream().map(i -> i.head().orderNo()).toList();
    }

    public record Inventory(InventoryHead head, List<InventoryLine> lines) {
        public Inventory {
            lines = List.copyOf(lines);
        }
    }

    public record InventoryHead(
            String guid,
            String appType,
            String appTime,
            String appStatus,
            String orderNo,
            String ebpCode,
            String ebpName,
            String ebcCode,
            String ebcName,
            String logisticsNo,
            String logisticsCode,
            String logisticsName,
            @Nullable String copNo,
            @Nullable String preNo,
            String assureCode,
            @Nullable String emsNo,
            @Nullable String invtNo,
            String ieFlag,
            String declTime,
            String customsCode,
            String portCode,
            @Nullable String ieDate,
            String buyerIdType,
            IdNumber buyerIdNumber,
            String buyerName,
            String buyerTelephone,
            String consigneeAddress,
            String agentCode,
            String agentName,
            @Nullable String areaCode,
            @Nullable String areaName,
            String tradeMode,
            String trafMode,
            @Nullable String trafNo,
            @Nullable String voyageNo,
            @Nullable String billNo,
            @Nullable String loctNo,
            @Nullable String licenseNo,
            String country,
            BigDecimal freight,
            BigDecimal insuredFee,
            String currency,
            @Nullable String wrapType,
            int packNo,
            BigDecimal grossWeight,
            BigDecimal netWeight,
            @Nullable String note) {}

    public record InventoryLine(
            int gnum,
            @Nullable String itemRecordNo,
            @Nullable String itemNo,
            @Nullable String itemName,
            String gcode,
            String gname,
            String gmodel,
            @Nullable String barCode,
            String country,
            @Nullable String tradeCountry,
            String currency,
            BigDecimal qty,
            String unit,
            BigDecimal qty1,
            String unit1,
            @Nullable BigDecimal qty2,
            @Nullable String unit2,
            BigDecimal price,
            BigDecimal totalPrice,
            @Nullable String note) {}
}
