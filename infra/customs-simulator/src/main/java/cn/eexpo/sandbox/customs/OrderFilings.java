package cn.eexpo.sandbox.customs;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Everything customs knows about one order number: each message received (with how often it arrived), the status
 * it holds for the order (CEB311), the inventory list (CEB621), a cancellation (CEB623) and a return (CEB625), the
 * payment and waybill, and every receipt produced, in order.
 */
public record OrderFilings(
        String orderNo,
        List<ReceivedMessage> received,
        @Nullable String orderStatus,
        @Nullable String listStatus,
        @Nullable String invtNo,
        @Nullable String cancelStatus,
        @Nullable String refundStatus,
        @Nullable PartnerPayment payment,
        @Nullable Waybill waybill,
        List<SentReceipt> receipts) {

    public OrderFilings {
        received = List.copyOf(received);
        receipts = List.copyOf(receipts);
    }

    /** The received messages of one type, e.g. {@code CEB311Message}. */
    public List<ReceivedMessage> received(String msgType) {
        return received.stream().filter(m -> m.msgType().equals(msgType)).toList();
    }

    /** The receipts of one type, e.g. {@code CEB622Message}, in the order produced. */
    public List<SentReceipt> receipts(String msgType) {
        return receipts.stream().filter(r -> r.msgType().equals(msgType)).toList();
    }
}
