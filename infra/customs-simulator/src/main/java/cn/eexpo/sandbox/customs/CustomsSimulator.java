package cn.eexpo.sandbox.customs;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * A local China Customs single window (海关跨境电商统一版) for the clearance bridge, with the payment company and the
 * logistics company around it. It consumes the bridge's DXP envelopes from an AMQP queue, checks them as customs
 * does (envelope and CEB XSDs, the XML signature, duplicates, the 5,000 / 26,000 limits, the three-document match)
 * and answers with receipts in the official format on another queue, over time: 2 → 120 → 800 for a list, with a
 * CEB816 tax bill after release. See the module README for the rules, the receipts and the faults.
 *
 * <pre>{@code
 * try (CustomsSimulator customs = CustomsSimulator.start(Settings.defaults().withQueueSuffix("t1"))) {
 *     customs.faults().rejectNextLists(1);
 *     ... bridge connects to 127.0.0.1:customs.proxyPort(), posts payments to customs.partnerUrl() ...
 *     assertThat(customs.filings("ORDER1").received("CEB311Message")).hasSize(1);
 * }
 * }</pre>
 *
 * Everything lives in memory; {@link #reset()} forgets it. Thread-safe.
 */
public final class CustomsSimulator implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(CustomsSimulator.class.getName());

    private final Settings settings;
    private final Faults faults = new Faults();
    private final Customs customs;
    private final AmqpLink amqp;
    private final @Nullable AmqpProxy proxy;
    private final HttpServer http;
    private final ExecutorService httpExecutor = Executors.newVirtualThreadPerTaskExecutor();

    private CustomsSimulator(Settings settings) {
        this.settings = settings;
        AmqpLink link = null;
        AmqpProxy tcp = null;
        HttpServer server = null;
        Customs engine = null;
        try {
            link = new AmqpLink(settings);
            engine = new Customs(settings, faults, link);
            if (settings.proxyPort() >= 0) {
                tcp = new AmqpProxy(
                        settings.httpHost(), settings.proxyPort(), settings.rabbitHost(), settings.rabbitPort());
            }
            server = HttpServer.create(new InetSocketAddress(settings.httpHost(), settings.httpPort()), 128);
            HttpApi api = new HttpApi(this);
            server.createContext("/", api::handle);
            server.setExecutor(httpExecutor);
            server.start();
            link.consume(engine::receive);
        } catch (IOException | RuntimeException e) {
            if (server != null) server.stop(0);
            if (tcp != null) tcp.close();
            if (link != null) link.close();
            if (engine != null) engine.close();
            httpExecutor.shutdownNow();
            if (e instanceof IOException io) throw new UncheckedIOException("cannot start the customs simulator", io);
            throw (RuntimeException) e;
        }
        this.customs = engine;
        this.amqp = link;
        this.proxy = tcp;
        this.http = server;
        LOG.log(
                System.Logger.Level.INFO,
                "customs simulator: consuming {0}, receipts to {1}, HTTP {2}, AMQP proxy {3}",
                settings.outboundQueue(),
                settings.receiptQueue(),
                baseUrl(),
                proxy == null ? "off" : settings.httpHost() + ":" + proxy.port());
    }

    /** Connects to RabbitMQ, declares the queues, opens the HTTP API and the AMQP proxy. */
    public static CustomsSimulator start(Settings settings) {
        return new CustomsSimulator(settings);
    }

    public Settings settings() {
        return settings;
    }

    /** {@code http://127.0.0.1:<port>}: the control endpoints live under {@code /control}. */
    public String baseUrl() {
        return "http://" + settings.httpHost() + ":" + httpPort();
    }

    public int httpPort() {
        return http.getAddress().getPort();
    }

    /** The payment partner's API base, {@code <baseUrl>/partner} (payments go to {@code POST /payments} under it). */
    public String partnerUrl() {
        return baseUrl() + "/partner";
    }

    /** The AMQP proxy's port, the one the bridge connects to. */
    public int proxyPort() {
        if (proxy == null) throw new IllegalStateException("the AMQP proxy is off (proxy port -1)");
        return proxy.port();
    }

    /** The host the AMQP proxy listens on. */
    public String proxyHost() {
        return settings.httpHost();
    }

    public String outboundQueue() {
        return settings.outboundQueue();
    }

    public String receiptQueue() {
        return settings.receiptQueue();
    }

    public Faults faults() {
        return faults;
    }

    /** Closes every connection through the proxy and refuses new ones for {@code duration}. */
    public void transportDown(Duration duration) {
        if (proxy == null) throw new IllegalStateException("the AMQP proxy is off (proxy port -1)");
        proxy.down(duration);
    }

    /** Ends a transport outage early. */
    public void transportUp() {
        if (proxy != null) proxy.up();
    }

    public boolean transportIsDown() {
        return proxy != null && proxy.isDown();
    }

    /** Declares a payment as the payment partner's API does; {@code null} when accepted, else the conflict. */
    public @Nullable String declarePayment(PartnerPayment payment) {
        return customs.declarePayment(payment);
    }

    public @Nullable PartnerPayment payment(String ebpCode, String orderNo) {
        return customs.payment(ebpCode, orderNo);
    }

    /** What customs knows about one order number, or {@code null} when nothing arrived for it. */
    public @Nullable OrderFilings filings(String orderNo) {
        return customs.filings(orderNo);
    }

    /** Every order number customs has seen, in order of first arrival. */
    public List<OrderFilings> filings() {
        return customs.filings();
    }

    /** Messages that named no order (unreadable envelopes and the like). */
    public List<ReceivedMessage> unattributedMessages() {
        return customs.unattributedMessages();
    }

    /** The buyer's total of released lists this calendar year, less returns and cancellations (what −621018 checks). */
    public BigDecimal annualTotal(String buyerIdNumber) {
        return customs.annualTotal(buyerIdNumber);
    }

    /**
     * Records that the buyer bought goods worth {@code value} yuan this year on other platforms (customs' annual
     * 26,000 limit is across all platforms): the way to see a −621018 the platform's own quota could not foresee.
     */
    public void releasedElsewhere(String buyerIdNumber, BigDecimal value) {
        customs.releasedElsewhere(buyerIdNumber, value);
    }

    /** Counters, faults, transport and settings, as {@code GET /control/state} shows them. */
    public Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("counters", customs.counters());
        state.put("faults", faults.toMap());
        Map<String, Object> transport = new LinkedHashMap<>();
        transport.put("proxyPort", proxy == null ? null : proxy.port());
        transport.put("down", transportIsDown());
        transport.put(
                "downUntil",
                proxy == null || proxy.downUntil() == null
                        ? null
                        : proxy.downUntil().toString());
        transport.put("proxiedConnections", proxy == null ? 0 : proxy.connections());
        state.put("transport", transport);
        Map<String, Object> queues = new LinkedHashMap<>();
        queues.put("outbound", settings.outboundQueue());
        queues.put("receipts", settings.receiptQueue());
        state.put("queues", queues);
        Map<String, Object> delays = new LinkedHashMap<>();
        delays.put("acceptMs", settings.acceptDelay().toMillis());
        delays.put("entryMs", settings.entryDelay().toMillis());
        delays.put("releaseMs", settings.releaseDelay().toMillis());
        delays.put("matchTimeoutMs", settings.matchTimeout().toMillis());
        delays.put("inspectionHoldMs", settings.inspectionHold().toMillis());
        state.put("delays", delays);
        state.put("endpoints", HttpApi.endpoints());
        return state;
    }

    /** Deletes both queues (for test runs on queues of their own; the bridge's queues are left alone otherwise). */
    public void deleteQueues() {
        amqp.deleteQueues();
    }

    /** Forgets every document, message and receipt, clears the faults and brings the transport up. */
    public void reset() {
        customs.reset();
        faults.clear();
        transportUp();
    }

    @Override
    public void close() {
        http.stop(0);
        httpExecutor.shutdownNow();
        if (proxy != null) proxy.close();
        amqp.close();
        customs.close();
    }
}
