package cn.eexpo.clearance.ceb;

import java.util.List;

/** An outgoing CEB message, in the XSD's shape: what the builders produce and the reader parses back. */
public sealed interface CebMessage permits Ceb311Message, Ceb621Message, Ceb623Message, Ceb625Message {

    CebMessageType type();

    /** The message's 36-character upper-case guid (root attribute). */
    String guid();

    BaseTransfer baseTransfer();

    /** The order numbers of the business nodes, in order (one per node; a message holds 1 to 100). */
    List<String> orderNos();

    /** The message version attribute; {@code 1.0} for the 202205 spec. */
    default String version() {
        return "1.0";
    }
}
