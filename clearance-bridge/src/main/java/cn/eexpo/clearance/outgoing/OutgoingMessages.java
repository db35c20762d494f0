package cn.eexpo.clearance.outgoing;

import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.Cancellation;
import cn.eexpo.clearance.ceb.CebMessage;
import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.ceb.CebXml;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.FilingRejectedException;
import cn.eexpo.clearance.ceb.Refund;
import cn.eexpo.clearance.ceb.SchemaProblem;
import cn.eexpo.clearance.dxp.CustomsTransport;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.signing.XmlSigner;
import cn.eexpo.clearance.xml.Canonicalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import org.w3c.dom.Document;

/**
 * Builds, signs, validates, envelopes and sends CEB messages, and never sends one that fails: a filing that breaks
 * a customs rule, or a signed message or envelope that does not validate against the official schemas, goes to the
 * {@link DeadLetters} with the reason instead. A transport failure is thrown to the caller (nothing was sent; retry
 * with the same message). Thread-safe.
 */
public final class OutgoingMessages {

    private final CebMessages messages;
    private final Supplier<XmlSigner> signer;
    private final String senderId;
    private final List<String> receiverIds;
    private final CustomsTransport transport;
    private final DeadLetters deadLetters;
    private final Clock clock;

    /**
     * @param senderId this platform's DXP id (DxpMsg SenderId, ≤ 16)
     * @param receiverIds the DXP receivers, usually {@link DxpEnvelope#CUSTOMS_IMPORT}
     */
    public OutgoingMessages(
            CebMessages messages,
            XmlSigner signer,
            String senderId,
            List<String> receiverIds,
            CustomsTransport transport,
            DeadLetters deadLetters,
            Clock clock) {
        this(messages, () -> signer, senderId, receiverIds, transport, deadLetters, clock);
    }

    /** With a signer looked up on first use (the keystore is read when the first message is signed). */
    public OutgoingMessages(
            CebMessages messages,
            Supplier<XmlSigner> signer,
            String senderId,
            List<String> receiverIds,
            CustomsTransport transport,
            DeadLetters deadLetters,
            Clock clock) {
        this.messages = messages;
        this.signer = signer;
        this.senderId = senderId;
        this.receiverIds = List.copyOf(receiverIds);
        this.transport = transport;
        this.deadLetters = deadLetters;
        this.clock = clock;
    }

    /** Files an order: CEB311 then CEB621 (appType 1 new, 2 for an operator-corrected resubmission). */
    public List<Outcome> file(Filing filing, AppType appType) {
        return file(filing, appType, true);
    }

    /**
     * As {@link #file} without sending: the messages signed, validated and enveloped ({@link Outcome.Prepared}), for a
     * workflow that stores them before it sends them, so that a retry sends the very same guid.
     */
    public List<Outcome> prepareFiling(Filing filing, AppType appType) {
        return file(filing, appType, false);
    }

    private List<Outcome> file(Filing filing, AppType appType, boolean send) {
        CebMessages.FilingMessages built;
        try {
            built = messages.filing(filing, appType);
        } catch (FilingRejectedException e) {
            return List.of(rejected(filing, e));
        }
        // The list goes only with its order: customs matches them, and a dead-lettered order would leave it alone.
        Outcome order = process(built.order(), send);
        if (order instanceof Outcome.DeadLettered) return List.of(order);
        return List.of(order, process(built.inventory(), send));
    }

    /** Sends a CEB623 cancellation of the filing's declared list. */
    public Outcome cancel(Filing filing, Cancellation cancellation) {
        return build(filing, () -> messages.cancellation(filing, cancellation), true);
    }

    /** A CEB623 cancellation signed, validated and enveloped, not sent. */
    public Outcome prepareCancellation(Filing filing, Cancellation cancellation) {
        return build(filing, () -> messages.cancellation(filing, cancellation), false);
    }

    /** Sends a CEB625 refund request for returned items. */
    public Outcome refund(Filing filing, Refund refund) {
        return build(filing, () -> messages.refund(filing, refund), true);
    }

    /** A CEB625 refund request signed, validated and enveloped, not sent. */
    public Outcome prepareRefund(Filing filing, Refund refund) {
        return build(filing, () -> messages.refund(filing, refund), false);
    }

    /** Signs, validates, envelopes and sends a built message, or dead-letters it. */
    public Outcome send(CebMessage message) {
        return process(message, true);
    }

    private Outcome process(CebMessage message, boolean send) {
        SignedMessage signed;
        try {
            signed = sign(message);
        } catch (InvalidMessageException e) {
            return deadLetter(
                    message,
                    "the " + message.type().rootName() + " message does not validate against" + " the official XSD",
                    e.problems(),
                    e.message().xml());
        }
        DxpMessage envelope = new DxpMessage(
                message.guid(),
                senderId,
                receiverIds,
                LocalDateTime.now(clock.withZone(CebMessages.CHINA)),
                message.type().rootName(),
                signed.xml(),
                null);
        byte[] envelopeXml;
        try {
            envelopeXml = DxpEnvelope.write(envelope);
        } catch (DxpEnvelope.InvalidEnvelopeException e) {
            return deadLetter(
                    message, "the DXP envelope does not validate against the official XSD", e.problems(), signed.xml());
        }
        if (!send) return new Outcome.Prepared(signed, envelope, envelopeXml);
        transport.send(envelope);
        return new Outcome.Sent(signed, envelope);
    }

    /**
     * Signs {@code message} and validates the signed bytes against the official XSD: what {@link #send} sends.
     *
     * @throws InvalidMessageException when it does not validate
     */
    public SignedMessage sign(CebMessage message) {
        return sign(message, signer.get());
    }

    /** As {@link #sign(CebMessage)} with the given signer (used by benchmarks and tools). */
    public static SignedMessage sign(CebMessage message, XmlSigner signer) {
        Document document = CebXml.toDocument(message);
        signer.sign(document);
        var signed = new SignedMessage(message, Canonicalizer.serialize(document));
        List<SchemaProblem> problems = CebSchema.ceb().validate(signed.xml());
        if (!problems.isEmpty()) throw new InvalidMessageException(signed, problems);
        return signed;
    }

    private Outcome build(Filing filing, Supplier<CebMessage> builder, boolean send) {
        CebMessage message;
        try {
            message = builder.get();
        } catch (FilingRejectedException e) {
            return rejected(filing, e);
        }
        return process(message, send);
    }

    private Outcome rejected(Filing filing, FilingRejectedException e) {
        var letter = new DeadLetter(
                null,
                null,
                List.of(filing.orderNo()),
                "the filing breaks customs rules",
                e.problems(),
                null,
                Instant.now(clock));
        deadLetters.add(letter);
        return new Outcome.DeadLettered(letter);
    }

    private Outcome deadLetter(CebMessage message, String reason, List<SchemaProblem> problems, byte[] xml) {
        var letter = new DeadLetter(
                message.type(),
                message.guid(),
                message.orderNos(),
                reason,
                problems.stream().map(SchemaProblem::toString).toList(),
                xml,
                Instant.now(clock));
        deadLetters.add(letter);
        return new Outcome.DeadLettered(letter);
    }
}
