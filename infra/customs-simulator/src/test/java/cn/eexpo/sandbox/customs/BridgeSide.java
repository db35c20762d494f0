package cn.eexpo.sandbox.customs;

import static org.awaitility.Awaitility.await;

import cn.eexpo.clearance.ceb.CebSchema;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.receipt.Receipt;
import cn.eexpo.clearance.receipt.ReceiptBatch;
import cn.eexpo.clearance.receipt.Receipts;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/** Plays the bridge in tests: publishes envelopes to the outbound queue, collects and parses receipts. */
final class BridgeSide implements AutoCloseable {

    /** A receipt message as it arrived, parsed with the bridge's own parser. */
    record Arrived(byte[] body, String messageId, String type, String contentType, ReceiptBatch batch) {
        Receipt receipt() {
            return batch.receipts().getFirst();
        }

        String status() {
            return batch.receipts().isEmpty() ? "tax" : receipt().returnStatus();
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    final CustomsSimulator customs;
    private final Connection connection;
    private final Channel channel;
    final List<Arrived> arrived = new CopyOnWriteArrayList<>();
    final List<String> problems = new CopyOnWriteArrayList<>();

    BridgeSide(CustomsSimulator customs) throws Exception {
        this.customs = customs;
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost("127.0.0.1");
        factory.setPort(customs.settings().rabbitPort());
        connection = factory.newConnection("customs-simulator-test");
        channel = connection.createChannel();
        channel.queueDeclare(customs.outboundQueue(), true, false, false, null);
        channel.queueDeclare(customs.receiptQueue(), true, false, false, null);
        channel.basicConsume(
                customs.receiptQueue(),
                true,
                (tag, delivery) -> {
                    byte[] body = delivery.getBody();
                    try {
                        var data = DxpEnvelope.read(body).data();
                        var schema = CebSchema.ceb().validate(data);
                        if (!schema.isEmpty()) problems.add("receipt does not validate: " + schema);
                        arrived.add(new Arrived(
                                body,
                                delivery.getProperties().getMessageId(),
                                delivery.getProperties().getType(),
                                delivery.getProperties().getContentType(),
                                Receipts.parseEnvelope(body)));
                    } catch (RuntimeException e) {
                        problems.add("unparseable receipt: " + e);
                    }
                },
                tag -> {});
    }

    void send(Fixtures.Signed message) throws IOException {
        send(message.envelope(), message.guid(), message.msgType());
    }

    void send(byte[] envelope, String messageId, String type) throws IOException {
        var properties = MessageProperties.PERSISTENT_BASIC
                .builder()
                .contentType("application/xml")
                .messageId(messageId)
                .type(type)
                .build();
        channel.basicPublish("", customs.outboundQueue(), properties, envelope);
    }

    /** Receipts of the given type about an order (312 by orderNo) or a list (622/624/626 by copNo). */
    List<Arrived> about(String type, String key) {
        return arrived.stream()
                .filter(a -> a.type().equals(type))
                .filter(a ->
                        a.batch().receipts().stream().anyMatch(r -> key.equals(r.orderNo()) || key.equals(r.copNo()))
                                || a.batch().taxes().stream().anyMatch(t -> key.equals(t.invtNo())))
                .toList();
    }

    List<String> statuses(String type, String key) {
        return about(type, key).stream().map(Arrived::status).toList();
    }

    List<Arrived> errorsFor(String copMsgId) {
        return arrived.stream()
                .filter(a -> a.type().equals("CEB900Message"))
                .filter(a -> Objects.equals(a.receipt().originalCopMsgId(), copMsgId))
                .toList();
    }

    void awaitStatuses(String type, String key, String... statuses) {
        await().atMost(Duration.ofSeconds(15)).until(() -> statuses(type, key).containsAll(List.of(statuses)));
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(customs.baseUrl() + path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(customs.baseUrl() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    void pay(cn.eexpo.clearance.ceb.Filing filing) throws Exception {
        var response = post(
                "/partner/payments",
                Fixtures.paymentJson(filing, filing.acturalPaid().toPlainString()));
        if (response.statusCode() != 202) throw new AssertionError(response.statusCode() + " " + response.body());
    }

    @Override
    public void close() throws Exception {
        try {
            channel.queueDelete(customs.outboundQueue());
            channel.queueDelete(customs.receiptQueue());
        } finally {
            connection.close();
        }
    }
}
