package cn.eexpo.clearance.amqp;

import cn.eexpo.clearance.dxp.CustomsTransport;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import java.time.Duration;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.MessageDeliveryMode;
import org.springframework.amqp.core.MessageProperties;
import org.springframework.amqp.rabbit.core.RabbitTemplate;

/**
 * DXP envelopes to customs over AMQP: one persistent message per envelope on the outbound queue (messageId = CopMsgId,
 * type = MsgType), and {@link #send} returns only once the broker confirmed it. Anything else (no connection, a nack,
 * no confirmation in time) is a {@link CustomsTransport.TransportException}: the caller retries with the same message.
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
        byte[] body = DxpEnvelope.write(message);
        MessageProperties properties = new MessageProperties();
        properties.setMessageId(message.copMsgId());
        properties.setType(message.msgType());
        properties.setContentType("application/xml");
        properties.setContentEncoding("UTF-8");
        properties.setDeliveryMode(MessageDeliveryMode.PERSISTENT);
        Message amqp = new Message(body, properties);
        try {
            template.invoke(operations -> {
                operations.send("", queue, amqp);
                operations.waitForConfirmsOrDie(confirmTimeoutMillis);
                return null;
            });
        } catch (AmqpException e) {
            throw new TransportException(
                    "RabbitMQ did not take " + message.msgType() + " " + message.copMsgId() + ": " + e.getMessage(), e);
        }
    }
}
