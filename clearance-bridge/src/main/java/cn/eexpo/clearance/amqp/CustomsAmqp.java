package cn.eexpo.clearance.amqp;

import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;

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

    /** Starts consuming receipts; {@code handler} throws to have a receipt delivered again later. */
    public synchronized void consumeReceipts(Consumer<byte[]> handler) {
        if (consumer != null) return;
        var container = new SimpleMessageListenerContainer(connections);
        container.setQueueNames(receiptQueue);
        container.setAcknowledgeMode(AcknowledgeMode.AUTO);
        container.setDefaultRequeueRejected(true);
        container.setPrefetchCount(50);
        // Receipts of one filing are applied under its row lock, each recorded once: consumers may take them in
        // parallel. A receipt mostly waits for PostgreSQL (the filing's row lock, the commit), so two per core.
        container.setConcurrentConsumers(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
        container.setRecoveryInterval(1000);
        container.setMissingQueuesFatal(false);
        container.setAmqpAdmin(admin);
        container.setMessageListener(message -> handler.accept(message.getBody()));
        container.afterPropertiesSet();
        container.start();
        consumer = container;
        log.info("Consuming customs receipts from {}", receiptQueue);
    }

    @Override
    public synchronized void close() {
        if (consumer != null) consumer.stop();
        connections.destroy();
    }
}
