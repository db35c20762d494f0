package cn.eexpo.clearance.dxp;

import java.util.List;

/**
 * Moves DXP envelopes to customs. The AMQP adapter is one implementation; AS2 or an HTTP relay can be others. It is
 * only ever handed envelopes that passed the CEB and DXP schemas and carry a signed message.
 */
public interface CustomsTransport {

    /**
     * Sends {@code message}; returns once the transport has taken it (for AMQP: the broker confirmed it).
     *
     * @throws TransportException when it could not be handed over; the caller retries later with the same message
     */
    void send(DxpMessage message);

    /**
     * Sends {@code messages} in their order; returns once the transport has taken every one of them. When it throws,
     * the caller retries them all: customs treats a message that arrives twice with one guid as a retransmission.
     *
     * @throws TransportException when any of them could not be handed over
     */
    default void sendAll(List<DxpMessage> messages) {
        for (DxpMessage message : messages) send(message);
    }

    /** An envelope as it was written, validated and stored with its message: what is sent, byte for byte. */
    record Envelope(String copMsgId, String msgType, byte[] xml) {}

    /**
     * Sends stored envelopes, byte for byte, in their order; as {@link #sendAll}. A transport that cannot send bytes
     * as they are reads each back and sends the message.
     *
     * @throws TransportException when any of them could not be handed over
     */
    default void sendEnvelopes(List<Envelope> envelopes) {
        sendAll(envelopes.stream().map(e -> DxpEnvelope.read(e.xml())).toList());
    }

    /** The transport could not take a message; nothing is known to have reached customs. */
    class TransportException extends RuntimeException {
        public TransportException(String message, Throwable cause) {
            super(message, cause);
        }

        public TransportException(String message) {
            super(message);
        }
    }
}
