package cn.eexpo.clearance.ceb;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** CEB623 撤销申请单: cancels declared inventory lists (1..100); signature required; appType only 1. */
public record Ceb623Message(String guid, List<InvtCancel> cancels, BaseTransfer baseTransfer) implements CebMessage {

    public Ceb623Message {
        cancels = List.copyOf(cancels);
    }

    @Override
    public CebMessageType type() {
        return CebMessageType.CEB623;
    }

    @Override
    public List<String> orderNos() {
        return cancels.stream().map(InvtCancel::orderNo).toList();
    }

    public record InvtCancel(
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
}
