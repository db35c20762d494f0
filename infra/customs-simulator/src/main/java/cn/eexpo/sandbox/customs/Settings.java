package cn.eexpo.sandbox.customs;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

/**
 * How a {@link CustomsSimulator} starts. {@link #defaults()} is what tests want: RabbitMQ at 127.0.0.1:5672
 * guest/guest, the contract's queue names, HTTP and the AMQP proxy on free ports, receipts after 50/100/150 ms.
 * {@link #standalone()} is what a person running the simulator wants: HTTP 12112, proxy 5673, 1 s/2 s/3 s.
 *
 * @param rabbitHost RabbitMQ the simulator itself talks to (directly, never through its proxy)
 * @param rabbitPort its AMQP port
 * @param rabbitUsername user
 * @param rabbitPassword password
 * @param virtualHost the virtual host
 * @param outboundQueue bridge → customs: DXP envelopes the simulator consumes (declared durable)
 * @param receiptQueue customs → bridge: receipts the simulator publishes (declared durable)
 * @param httpHost the address the HTTP API (payment partner, control) listens on
 * @param httpPort its port, 0 for a free one
 * @param proxyPort the AMQP TCP proxy's port (forwards to RabbitMQ), 0 for a free one, -1 for no proxy
 * @param acceptDelay from a document's arrival to its status 2 receipt
 * @param entryDelay from arrival to 120 (the three-document match happens just before)
 * @param releaseDelay from arrival to 800 (lists) or 399 (cancellations, refunds)
 * @param matchTimeout how long a list waits for a missing order, payment or waybill before it is rejected (100)
 * @param inspectionHold how long an inspected list (500) is held before 800, or 501 when detention is asked
 * @param senderId the DXP id receipts come from
 * @param trustedCertificates when not empty, only signatures by these certificates verify; when empty the
 *     certificate in the signature's KeyInfo is trusted
 */
public record Settings(
        String rabbitHost,
        int rabbitPort,
        String rabbitUsername,
        String rabbitPassword,
        String virtualHost,
        String outboundQueue,
        String receiptQueue,
        String httpHost,
        int httpPort,
        int proxyPort,
        Duration acceptDelay,
        Duration entryDelay,
        Duration releaseDelay,
        Duration matchTimeout,
        Duration inspectionHold,
        String senderId,
        List<X509Certificate> trustedCertificates) {

    public static final String OUTBOUND_QUEUE = "eexpo.customs.outbound";
    public static final String RECEIPT_QUEUE = "eexpo.customs.receipts";
    public static final String CUSTOMS_SENDER_ID = "DXPEDCCEB0000002";

    public Settings {
        trustedCertificates = List.copyOf(trustedCertificates);
        if (entryDelay.compareTo(acceptDelay) < 0 || releaseDelay.compareTo(entryDelay) < 0) {
            throw new IllegalArgumentException("delays must grow: accept ≤ entry ≤ release");
        }
        if (senderId.length() > 16) throw new IllegalArgumentException("a DXP sender id has at most 16 characters");
    }

    /** For tests: free ports, the contract's queue names, receipts after 50/100/150 ms, a 2 s match timeout. */
    public static Settings defaults() {
        return new Settings(
                "127.0.0.1",
                5672,
                "guest",
                "guest",
                "/",
                OUTBOUND_QUEUE,
                RECEIPT_QUEUE,
                "127.0.0.1",
                0,
                0,
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(150),
                Duration.ofSeconds(2),
                Duration.ofMillis(200),
                CUSTOMS_SENDER_ID,
                List.of());
    }

    /** For a person: HTTP 12112, proxy 5673, receipts after 1/2/3 s, documents awaited 60 s, inspection 5 s. */
    public static Settings standalone() {
        return defaults()
                .withHttpPort(12112)
                .withProxyPort(5673)
                .withDelays(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(3))
                .withMatchTimeout(Duration.ofSeconds(60))
                .withInspectionHold(Duration.ofSeconds(5));
    }

    public Settings withRabbit(String host, int port, String username, String password) {
        return new Settings(
                host,
                port,
                username,
                password,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    public Settings withVirtualHost(String virtualHost) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    public Settings withQueues(String outboundQueue, String receiptQueue) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    /** Both queue names with {@code .<suffix>} appended: tests running side by side never share queues. */
    public Settings withQueueSuffix(String suffix) {
        return withQueues(OUTBOUND_QUEUE + "." + suffix, RECEIPT_QUEUE + "." + suffix);
    }

    public Settings withHttp(String host, int port) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                host,
                port,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    public Settings withHttpPort(int port) {
        return withHttp(httpHost, port);
    }

    public Settings withProxyPort(int proxyPort) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    /** The offsets from a document's arrival of its 2, 120 and 800/399 receipts. */
    public Settings withDelays(Duration accept, Duration entry, Duration release) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                accept,
                entry,
                release,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    public Settings withMatchTimeout(Duration matchTimeout) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    public Settings withInspectionHold(Duration inspectionHold) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                trustedCertificates);
    }

    public Settings withTrustedCertificates(List<X509Certificate> certificates) {
        return new Settings(
                rabbitHost,
                rabbitPort,
                rabbitUsername,
                rabbitPassword,
                virtualHost,
                outboundQueue,
                receiptQueue,
                httpHost,
                httpPort,
                proxyPort,
                acceptDelay,
                entryDelay,
                releaseDelay,
                matchTimeout,
                inspectionHold,
                senderId,
                certificates);
    }
}
