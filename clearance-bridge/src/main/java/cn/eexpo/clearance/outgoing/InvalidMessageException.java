package cn.eexpo.clearance.outgoing;

import cn.eexpo.clearance.ceb.SchemaProblem;
import java.util.List;

/** A signed message that does not validate against the official XSD; it must not be sent. */
public class InvalidMessageException extends RuntimeException {

    private final SignedMessage message;
    private final List<SchemaProblem> problems;

    public InvalidMessageException(SignedMessage message, List<SchemaProblem> problems) {
        super("the " + message.message().type().rootName() + " message "
                + message.message().guid()
                + " does not validate against the XSD: "
                + String.join(
                        "; ", problems.stream().map(SchemaProblem::toString).toList()));
        this.message = message;
        this.problems = List.copyOf(problems);
    }

    public SignedMessage message() {
        return message;
    }

    public List<SchemaProblem> problems() {
        return problems;
    }
}
