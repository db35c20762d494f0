package cn.eexpo.sandbox.customs;

/**
 * The waybill the logistics company filed (the facts of a CEB511), created when the order's inventory list arrives,
 * from the order's consignee (or a different one under the waybill-mismatch fault).
 */
public record Waybill(
        String logisticsCode,
        String logisticsNo,
        String orderNo,
        String consignee,
        String consigneeTelephone,
        String consigneeAddress,
        boolean mismatched) {}
