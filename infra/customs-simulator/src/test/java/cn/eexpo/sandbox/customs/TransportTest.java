package cn.eexpo.sandbox.customs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.Filing;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.MessageProperties;
import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge's AMQP connection goes through the simulator's proxy, which a test can take down and bring back. */
class TransportTest {

    static CustomsSimulator customs;
    static BridgeSide receipts;

    @BeforeAll
    static void start() throws Exception {
        customs = CustomsSimulator.start(Settings.defaults()
                .withQueueSuffix("transport-" + UUID.randomUUID().toString().substring(0, 8)));
        receipts = new BridgeSide(customs);
    }

    @AfterAll
    static void stop() throws Exception {
        customs.close();
        receipts.close();
    }

    @BeforeEach
    void transportUp() {
        customs.reset();
    }

    private static Connection connectThroughProxy() throws Exception {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(customs.proxyHost());
        factory.setPort(customs.proxyPort());
        factory.setAutomaticRecoveryEnabled(false);
        factory.setConnectionTimeout(2000);
        factory.setHandshakeTimeout(2000);
        return factory.newConnection("bridge-through-proxy");
    }

    private static void publish(Channel channel, Fixtures.Signed message) throws IOException {
        channel.basicPublish(
                "",
                customs.outboundQueue(),
                MessageProperties.PERSISTENT_BASIC
                        .builder()
                        .contentType("application/xml")
                        .messageId(message.guid())
                        .type(message.msgType())
                        .build(),
                message.envelope());
    }

    @Test
    void transportDownClosesProxiedConnectionsRefusesNewOnesThenComesBack() throws Exception {
        Filing filing = Fixtures.bonded(Fixtures.orderNo(), Fixtures.idNumber());
        var messages = Fixtures.filingMessages(filing, AppType.NEW, Fixtures.rsa());
        receipts.pay(filing);

        Connection connection = connectThroughProxy();
        publish(connection.createChannel(), messages.get(0));
        receipts.awaitStatuses("CEB312Message", filing.orderNo(), "2", "120");

        customs.transportDown(Duration.ofSeconds(2));
        assertThat(customs.transportIsDown()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> !connection.isOpen());
        assertThatThrownBy(TransportTest::connectThroughProxy).isInstanceOf(Exception.class);

        await().atMost(Duration.ofSeconds(10)).until(() -> !customs.transportIsDown());
        try (Connection again = connectThroughProxy()) {
            publish(again.createChannel(), messages.get(1));
            receipts.awaitStatuses("CEB622Message", filing.clearance().copNo(), "2", "120", "800");
        }
        assertThat(customs.filings(filing.orderNo()).received()).hasSize(2);
    }

    @Test
    void theControlEndpointTakesTheTransportDownAndUp() throws Exception {
        Connection connection = connectThroughProxy();
        var response = receipts.post("/control/faults", "{\"transportDownSeconds\": 30}");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"down\": true");
        await().atMost(Duration.ofSeconds(5)).until(() -> !connection.isOpen());
        assertThat(receipts.post("/control/faults", "{\"transportUp\": true}").body())
                .contains("\"down\": false");
        try (Connection again = connectThroughProxy()) {
            assertThat(again.isOpen()).isTrue();
        }
    }
}
