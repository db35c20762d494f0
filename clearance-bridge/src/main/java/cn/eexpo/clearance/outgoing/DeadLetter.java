package cn.eexpo.clearance.outgoing;

import cn.eexpo.clearance.ceb.CebMessageType;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A message that was not sent, and why.
 *
 * @param type the message type, when it got that far
 * @param guid the message guid, when one was built
 * @param orderNos the orders concerned
 * @param reason one line for operators, e.g. "the CEB621 message does not validate against the XSD"
 * @param problems each rule or schema violation (schema ones with line, column and field); no ID numbers
 * @param xml the signed message that failed validation, when there is one (it holds personal data: show it to
 *     operators only, never log it)
 */
public record DeadLetter(
        @Nullable CebMessageType type,
        @Nullable String guid,
        List<String> orderNos,
        String reason,
        List<String> problems,
        byte @Nullable [] xml,
        Instant at) {

    public DeadLetter {
        orderNos = List.copyOf(orderNos);
        problems = List.copyOf(problems);
    }

    @Override
    public String toString() {
        return "DeadLetter[" + type + " " + guid + " orders " + orderNos + ": " + reason + " " + problems + "]";
    }
}
