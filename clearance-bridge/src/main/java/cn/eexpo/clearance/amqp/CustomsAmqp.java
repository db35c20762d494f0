package cn.eexpo.clearance.amqp;

import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.amqp.rabbit.listener.api.ChannelAwareBatchMessageListener;

/**
 * The customs link's own AMQP connection (it may go through a relay or another broker than the rest of the
 * application): durable outbound and receipt queues, a confirming template, and the receipt consumer. The consumer
 * acknowledges a receipt only after it was recorded (or quarantined); a failure to record it (the database is down)
 * returns it to the queue.
 */
public final class CustomsAmqp implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CustomsAmqp.class);

    private final CachingConnectionFactory connections;
    private final RabbitTemplate template;
    private final RabbitAdmin admin;
    private final String outboundQueue;
    private final String receiptQueue;
    private SimpleMessageListenerContainer consumer;

    public CustomsAmqp(
            String host,
            int port,
            String username,
            String password,
            String virtualHost,
            String outboundQueue,
            String receiptQueue) {
        this.connections = new CachingConnectionFactory(host, port);
        connections.setUsername(username);
        connections.setPassword(password);
        connections.setVirtualHost(virtualHost);
        connections.setPublisherConfirmType(CachingConnectionFactory.ConfirmType.SIMPLE);
        connections.setConnectionNameStrategy(cf -> "eexpo-customs");
        connections.setConnectionTimeout(3000);
        this.outboundQueue = outboundQueue;
        this.receiptQueue = receiptQueue;
        this.template = new RabbitTemplate(connections);
        this.admin = new RabbitAdmin(connections);
        // Declared on every new connection (the broker may have been reset while we were away); publishing to a queue
        // that does not exist would be confirmed and lost.
        connections.addConnectionListener(connection -> {
            try (var channel = connection.createChannel(false)) {
                channel.queueDeclare(outboundQueue, true, false, false, null);
                channel.queueDeclare(receiptQueue, true, false, false, null);
            } catch (Exception e) {
                log.warn("Could not declare the customs queues: {}", e.toString());
            }
        });
    }

    public AmqpCustomsTransport transport(Duration confirmTimeout) {
        return new AmqpCustomsTransport(template, outboundQueue, confirmTimeout);
    }

    /**
     * Takes the receipts of one delivery batch; answers, for each, whether it was recorded (or quarantined) and may be
     * acknowledged. One not recorded is delivered again later; throwing has all of them delivered again.
     */
    @FunctionalInterface
    public interface ReceiptHandler {
        List<Boolean> accept(List<byte[]> bodies);
    }

    /**
     * Starts consuming receipts in batches: what is waiting, up to {@code batchSize} at a time, goes to the handler
     * together (one transaction for many receipts); a batch is handed over as soon as the queue has nothing more for
     * {@code linger}, so a quiet queue adds at most that to a receipt's way.
     */
    public synchronized void consumeReceipts(int batchSize, Duration linger, ReceiptHandler handler) {
        if (consumer != null) return;
        var container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(receiptQueue);
        container.setAcknowledgeMode(AcknowledgeMode.MANUAL);
        container.setConsumerBatchEnabled(true);
        container.setBatchSize(batchSize);
        container.setReceiveTimeout(Math.max(1, linger.toMillis()));
        container.setPrefetchCount(2 * batchSize);
        // Receipts of one filing are applied under its row lock, each recorded once: consumers may take batches in
        // parallel. A batch mostly waits for PostgreSQL (the filings' row locks, the commit).
        container.setConcurrentConsumers(Math.max(2, Runtime.getRuntime().availableProcessors()));
        container.setRecoveryInterval(1000);
        container.setMissingQueuesFatal(false);
        container.setAmqpAdmin(admin);
        container.setMessageListener((ChannelAwareBatchMessageListener) (messages, channel) -> {
            List<Boolean> recorded;
            try {
                recorded =
                        handler.accept(messages.stream().map(Message::getBody).toList());
            } catch (RuntimeException e) {
                log.warn("{} customs receipt(s) not recorded, delivered again: {}", messages.size(), e.toString());
                recorded = Collections.nCopies(messages.size(), false);
            }
            try {
                if (!recorded.contains(false)) {
                    channel.basicAck(messages.getLast().getMessageProperties().getDeliveryTag(), true);
                    return;
                }
                for (int i = 0; i < messages.size(); i++) {
                    long tag = messages.get(i).getMessageProperties().getDeliveryTag();
                    if (recorded.get(i)) channel.basicAck(tag, false);
                    else channel.basicNack(tag, false, true);
                }
            } catch (IOException e) {
                // The channel is gone: the broker delivers the unacknowledged ones again (recorded ones count once).
                log.warn("Could not acknowledge customs receipts: {}", e.toString());
            }
        });
        container.afterPropertiesSet();
        container.start();
        consumer = container;
        log.info("Consuming customs receipts from {} in batches of up to {}", receiptQueue, batchSize);
    }

    @Override
    public synchronized void close() {
        if (consumer != null) consumer.stop();
        connections.destroy();
    }
}
