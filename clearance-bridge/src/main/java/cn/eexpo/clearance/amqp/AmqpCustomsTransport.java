package cn.eexpo.clearance.amqp;

import cn.eexpo.clearance.dxp.CustomsTransport;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import java.time.Duration;
import java.util.List;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * DXP envelopes to customs over AMQP: one persistent message per envelope on the outbound queue (messageId = CopMsgId,
 * type = MsgType). {@link #send} and {@link #sendAll} return only once the broker confirmed every message; a batch
 * waits for its confirmations once. Anything else (no connection, a nack, no confirmation in time) is a
 * {@link CustomsTransport.TransportException}: the caller retries with the same messages.
 */
public final class AmqpCustomsTransport implements CustomsTransport {

    private final RabbitTemplate template;
    private final String queue;
    private final long confirmTimeoutMillis;

    public AmqpCustomsTransport(RabbitTemplate template, String queue, Duration confirmTimeout) {
        this.template = template;
        this.queue = queue;
        this.confirmTimeoutMillis = confirmTimeout.toMillis();
    }

    @Override
    public void send(DxpMessage message) {
        sendAll(List.of(message));
    }

    @Override
    public void sendAll(List<DxpMessage> messages) {
        sendEnvelopes(messages.stream()
                .map(m -> new Envelope(m.copMsgId(), m.msgType(), DxpEnvelope.write(m)))
                .toList());
    }

    /** Publishes all of them on one channel, then waits once for the broker to confirm them all. */
    @Override
    public void sendEnvelopes(List<Envelope> envelopes) {
        if (envelopes.isEmpty()) return;
        List<Message> amqp = envelopes.stream().map(AmqpCustomsTransport::amqp).toList();
        try {
            template.invoke(operations -> {
                for (Message message : amqp) operations.send("", queue, message);
                operations.waitForConfirmsOrDie(confirmTimeoutMillis);
                return null;
            });
        } catch (AmqpException e) {
            Envelope first = envelopes.getFirst();
            String which = envelopes.size() == 1
                    ? first.msgType() + " " + first.copMsgId()
                    : envelopes.size() + " messages from " + first.msgType() + " " + first.copMsgId();
            throw new TransportException("RabbitMQ did not take " + which + ": " + e.getMessage(), e);
        }
    }

    private static Message amqp(Envelope envelope) {
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(envelope.copMsgId());
        properties.setType(envelope.msgType());
        properties.setContentType("application/xml");
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(envelope.xml(), properties);
    }
}
