package cn.eexpo.clearance.outgoing;

import cn.eexpo.clearance.dxp.DxpMessage;

/** What became of one outgoing message. */
public sealed interface Outcome {

    /** Handed to the transport. */
    record Sent(SignedMessage message, DxpMessage envelope) implements Outcome {}

    /** Not sent; recorded in the dead letters. */
    record DeadLettered(DeadLetter deadLetter) implements Outcome {}
}
