package cn.eexpo.sandbox.customs;

import java.time.Instant;

/**
 * One receipt message customs produced.
 *
 * @param guid the receipt's guid (root and node; also the DXP CopMsgId and the AMQP messageId)
 * @param msgType e.g. {@code CEB622Message}
 * @param returnStatus as written, e.g. {@code 120}, {@code -621005}; for CEB816 the tax bill status {@code 1}
 * @param returnInfo as written
 * @param delivery what became of it
 */
public record SentReceipt(
        String guid, String msgType, String returnStatus, String returnInfo, Delivery delivery, Instant at) {

    public enum Delivery {
        /** published once */
        SENT,
        /** published twice, identical bytes (fault) */
        DUPLICATED,
        /** never published (fault) */
        DROPPED,
        /** held back to be published in reverse order with the list's other receipts (fault) */
        HELD
    }

    SentReceipt with(Delivery delivery) {
        return new SentReceipt(guid, msgType, returnStatus, returnInfo, delivery, at);
    }
}
