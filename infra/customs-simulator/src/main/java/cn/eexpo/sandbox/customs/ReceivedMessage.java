package cn.eexpo.sandbox.customs;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One message customs received (a DXP envelope), however often it arrived.
 *
 * @param copMsgId the envelope's CopMsgId ({@code null} when the envelope was unreadable)
 * @param guid the CEB message's guid ({@code null} when it was unreadable)
 * @param msgType the DXP MsgType, e.g. {@code CEB311Message}
 * @param appType the first business node's appType (1 new, 2 change), when readable
 * @param arrivals how many times the same message (same CopMsgId or guid) arrived: 1, or more for retransmissions
 * @param outcome what customs made of it: {@code accepted}, or the negative code and reason it answered
 */
public record ReceivedMessage(
        @Nullable String copMsgId,
        @Nullable String guid,
        String msgType,
        @Nullable String appType,
        int arrivals,
        Instant firstArrival,
        Instant lastArrival,
        String outcome) {}
