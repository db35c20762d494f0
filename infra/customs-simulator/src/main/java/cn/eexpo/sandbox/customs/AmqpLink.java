package cn.eexpo.sandbox.customs;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Date;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The simulator's own AMQP connection, straight to RabbitMQ (never through its proxy): consumes DXP envelopes from
 * the outbound queue (manual acknowledgement after processing) and publishes receipts, persistent, to the receipt
 * queue. Both queues are declared durable (idempotent). The client recovers the connection by itself.
 */
final class AmqpLink implements Customs.Publisher, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AmqpLink.class.getName());

    private final Settings settings;
    private final Connection connection;
    private final Channel consumer;
    private final Channel publisher;

    AmqpLink(Settings settings) {
        this.settings = settings;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(settings.rabbitHost());
        factory.setPort(settings.rabbitPort());
        factory.setUsername(settings.rabbitUsername());
        factory.setPassword(settings.rabbitPassword());
        factory.setVirtualHost(settings.virtualHost());
        factory.setAutomaticRecoveryEnabled(true);
        factory.setNetworkRecoveryInterval(1000);
        try {
            connection = factory.newConnection("customs-simulator");
            publisher = connection.createChannel();
            publisher.queueDeclare(settings.outboundQueue(), true, false, false, null);
            publisher.queueDeclare(settings.receiptQueue(), true, false, false, null);
            consumer = connection.createChannel();
            consumer.basicQos(32);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot reach RabbitMQ at " + settings.rabbitHost() + ":" + settings.rabbitPort(), e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("RabbitMQ did not answer in time", e);
        }
    }

    /** Starts consuming the outbound queue; each body goes to {@code handler}, then is acknowledged. */
    void consume(Consumer<byte[]> handler) {
        consume(consumer, handler);
        // More channels, more consumers: customs checks messages in parallel (a channel dispatches one at a time).
        for (int i = 1; i < CONSUMERS; i++) {
            try {
                Channel channel = connection.createChannel();
                channel.basicQos(32);
                consume(channel, handler);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open a consumer channel", e);
            }
        }
    }

    private static final int CONSUMERS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private void consume(Channel consumer, Consumer<byte[]> handler) {
        try {
            consumer.basicConsume(
                    settings.outboundQueue(),
                    false,
                    "",
                    (tag, delivery) -> {
                        try {
                            handler.accept(delivery.getBody());
                        } catch (RuntimeException e) {
                            LOG.log(System.Logger.Level.ERROR, "customs: could not process a message", e);
                        }
                        consumer.basicAck(delivery.getEnvelope().getDeliveryTag(), false);
                    },
                    tag -> {});
        } catch (IOException e) {
            throw new UncheckedIOException("cannot consume " + settings.outboundQueue(), e);
        }
    }

    @Override
    public synchronized void publish(byte[] body, String messageId, String type) {
        AMQP.BasicProperties properties = MessageProperties.PERSISTENT_BASIC
                .builder()
                .contentType("application/xml")
                .contentEncoding("UTF-8")
                .messageId(messageId)
                .type(type)
                .timestamp(new Date())
                .appId("customs-simulator")
                .build();
        try {
            publisher.basicPublish("", settings.receiptQueue(), properties, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void deleteQueues() {
        try {
            publisher.queueDelete(settings.outboundQueue());
            publisher.queueDelete(settings.receiptQueue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            connection.close(2000);
        } catch (IOException | RuntimeException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the AMQP connection", e);
        }
    }
}
