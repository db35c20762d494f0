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

    /** Publishes all of them on one channel, then waits once for the broker to confirm them all. */
    @Override
    public void sendAll(List<DxpMessage> messages) {
        if (messages.isEmpty()) return;
        List<Message> amqp = messages.stream().map(AmqpCustomsTransport::amqp).toList();
        try {
            template.invoke(operations -> {
                for (Message message : amqp) operations.send("", queue, message);
                operations.waitForConfirmsOrDie(confirmTimeoutMillis);
                return null;
            });
        } catch (AmqpException e) {
            DxpMessage first = messages.getFirst();
            String which = messages.size() == 1
                    ? first.msgType() + " " + first.copMsgId()
                    : messages.size() + " messages from " + first.msgType() + " " + first.copMsgId();
            throw new TransportException("RabbitMQ did not take " + which + ": " + e.getMessage(), e);
        }
    }

    private static Message amqp(DxpMessage message) {
        byte[] body = DxpEnvelope.write(message);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(message.copMsgId());
        properties.setType(message.msgType());
        properties.setContentType("application/xml");
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        return new Message(body, properties);
    }
}
