package cn.eexpo.clearance.outgoing;

import cn.eexpo.clearance.dxp.DxpMessage;

/** What became of one outgoing message. */
public sealed interface Outcome {

    /** Handed to the transport. */
    record Sent(SignedMessage message, DxpMessage envelope) implements Outcome {}

    /** Signed, validated and enveloped, not sent yet: {@code envelopeXml} is what the transport will carry. */
    record Prepared(SignedMessage message, DxpMessage envelope, byte[] envelopeXml) implements Outcome {
        @Override
        public byte[] envelopeXml() {
            return envelopeXml.clone();
        }
    }

    /** Not sent; recorded in the dead letters. */
    record DeadLettered(DeadLetter deadLetter) implements Outcome {}
}
