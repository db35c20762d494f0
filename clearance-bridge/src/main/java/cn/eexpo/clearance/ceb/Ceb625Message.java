package cn.eexpo.clearance.ceb;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** CEB625 退货申请单: refund (return) requests against released inventory lists; signature required. */
public record Ceb625Message(String guid, List<InvtRefund> refunds, BaseTransfer baseTransfer) implements CebMessage {

    public Ceb625Message {
        refunds = List.copyOf(refunds);
    }

    @Override
    public CebMessageType type() {
        return CebMessageType.CEB625;
    }

    @Override
    public List<String> orderNos() {
        return refunds.stream().map(r -> r.head().orderNo()).toList();
    }

    public record InvtRefund(InvtRefundHead head, List<InvtRefundLine> lines) {
        public InvtRefund {
            lines = List.copyOf(lines);
        }
    }

    public record InvtRefundHead(
            String guid,
            String appType,
            String appTime,
            String appStatus,
            String customsCode,
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
            String invtNo,
            String buyerIdType,
            IdNumber buyerIdNumber,
            String buyerName,
            String buyerTelephone,
            String agentCode,
            String agentName,
            String reason,
            @Nullable String note) {}

    /** A returned item: {@code gnum} of the original list line, {@code qty} at most the declared quantity. */
    public record InvtRefundLine(
            int gnum,
            String gcode,
            String gname,
            BigDecimal qty,
            String unit,
            @Nullable String note) {}
}
