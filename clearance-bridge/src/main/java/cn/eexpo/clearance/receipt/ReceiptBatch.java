package cn.eexpo.clearance.receipt;

import cn.eexpo.clearance.ceb.CebMessageType;
import java.util.List;

/** What one receipt message carried: receipts (1..100) or tax bills. */
public record ReceiptBatch(CebMessageType type, String guid, List<Receipt> receipts, List<TaxReceipt> taxes) {

    public ReceiptBatch {
        receipts = List.copyOf(receipts);
        taxes = List.copyOf(taxes);
    }
}
