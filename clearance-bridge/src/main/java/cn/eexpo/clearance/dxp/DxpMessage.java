package cn.eexpo.clearance.dxp;

import java.time.LocalDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A DXP terminal message: the transfer information and the business message it carries.
 *
 * @param copMsgId the sender's unique id of this transfer (≤ 255); the CEB message's guid
 * @param senderId the sender's DXP id (≤ 16)
 * @param receiverIds 1 to 5 receivers, e.g. {@link DxpEnvelope#CUSTOMS_IMPORT} (≤ 16 each)
 * @param createdAt {@code CreatTime}, China local time, to the second
 * @param msgType the business message type, e.g. {@code CEB311Message} (≤ 30)
 * @param data the business message: the signed CEB XML, carried base64-encoded
 * @param fileName {@code AddInfo/FileName}, optional
 */
public record DxpMessage(
        String copMsgId,
        String senderId,
        List<String> receiverIds,
        LocalDateTime createdAt,
        String msgType,
        byte[] data,
        @Nullable String fileName) {

    public DxpMessage {
        receiverIds = List.copyOf(receiverIds);
        data = data.clone();
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DxpMessage m
                && copMsgId.equals(m.copMsgId)
                && senderId.equals(m.senderId)
                && receiverIds.equals(m.receiverIds)
                && createdAt.equals(m.createdAt)
                && msgType.equals(m.msgType)
                && java.util.Arrays.equals(data, m.data)
                && java.util.Objects.equals(fileName, m.fileName);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(copMsgId, msgType, java.util.Arrays.hashCode(data));
    }

    /** Without the data, which holds personal information. */
    @Override
    public String toString() {
        return "DxpMessage[" + msgType + " " + copMsgId + " from " + senderId + " to " + receiverIds + ", "
                + data.length + " bytes]";
    }
}
