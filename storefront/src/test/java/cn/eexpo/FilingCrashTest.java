package cn.eexpo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.clearance.signing.DevKeystore;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.sandbox.customs.CustomsSimulator;
import cn.eexpo.sandbox.customs.CustomsSimulatorInitializer;
import cn.eexpo.sandbox.customs.OrderFilings;
import cn.eexpo.sandbox.customs.ReceivedMessage;
import cn.eexpo.sandbox.stripe.StripeSandboxInitializer;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * kill -9 during 1,000 customs filings: after the restart each order is filed exactly once.
 *
 * <p>The marketplace ({@link EexpoApplication}) runs as a child process on a database of its own, against the Stripe
 * sandbox and the customs simulator, which live in this JVM and so outlive it. With the customs transport down, 1,000
 * orders are placed and paid through the REST API, so that their CEB311 and CEB621 are built, signed and stored but
 * not sent. Then the transport comes up and the process is killed (SIGKILL) while the messages flow; a second process
 * on the same database finishes the work. Customs must then hold exactly one CEB311 guid and one CEB621 guid per
 * order (the same guid arriving twice is a retransmission, which customs recognises), and the database exactly two
 * messages per order, all sent.
 */
class FilingCrashTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    static final String DATABASE = "eexpo_crash_test";
    static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:5432/" + DATABASE;
    static final String SKU = "EX-NU-00010"; // HNBLC milk, 79 yuan
    static final int ORDERS = 1_000;
    static final int BUYERS = 20; // 50 orders of about 90 yuan each: well within the 26,000 a year
    static final int CONCURRENT_REQUESTS = 16;
    static final int KILL_AT = 400; // orders whose list reached customs
    static final String SENT = "select count(*) from customs_message where state = 'SENT'";
    static final String CEB311 = "CEB311Message";
    static final String CEB621 = "CEB621Message";

    static final Path LOGS = Path.of("target", "filing-crash-test");
    static final List<Process> PROCESSES = new ArrayList<>();

    /** The simulator logs every message and receipt: thousands of lines here. */
    static final java.util.logging.Logger SIMULATOR_LOG =
            java.util.logging.Logger.getLogger("cn.eexpo.sandbox.customs");

    static CustomsSimulator customs;
    static Path keystore;
    static int port;
    static String base;
    static JdbcClient jdbc;
    static String previousWebhookUrl;

    @BeforeAll
    static void setUp() throws IOException {
        // The database is infra/eexpo's (like the other test databases); each run starts from an empty schema.
        var ds = new PGSimpleDataSource();
        ds.setUrl(JDBC_URL);
        ds.setUser("eexpo");
        ds.setPassword("eexpo");
        jdbc = JdbcClient.create(ds);
        jdbc.sql("drop schema public cascade").update();
        jdbc.sql("create schema public").update();

        Files.createDirectories(LOGS);
        SIMULATOR_LOG.setLevel(java.util.logging.Level.WARNING);
        customs = CustomsSimulatorInitializer.simulator();
        keystore = DevKeystore.temporary();
        port = freePort();
        base = "http://127.0.0.1:" + port;
        previousWebhookUrl = StripeSandboxInitializer.SANDBOX.webhookUrl();
        StripeSandboxInitializer.SANDBOX.setWebhookUrl(base + "/api/v1/payments/stripe/webhook");
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        for (var process : PROCESSES) {
            process.destroyForcibly().waitFor();
        }
        if (customs != null) {
            customs.transportUp();
        }
        // Other tests of this JVM share the sandbox: give them their webhook back.
        StripeSandboxInitializer.SANDBOX.setWebhookUrl(previousWebhookUrl);
    }

    @Test
    void afterKill9DuringFilingEachOrderIsFiledExactlyOnce() throws Exception {
        long started = System.nanoTime();
        var first = start(1);
        // Order numbers of their own: the Stripe sandbox (idempotency keys) and the customs simulator (orders) are
        // shared with the other tests of this JVM, whose databases number orders from the same sequence start.
        jdbc.sql("select setval('order_number', :start)")
                .param("start", java.util.concurrent.ThreadLocalRandom.current().nextLong(50_000_000, 90_000_000))
                .query(Long.class)
                .single();

        // Built and stored, not sent: the customs link is cut while the orders are paid.
        customs.transportDown(Duration.ofMinutes(10));
        jdbc.sql("update stock set on_hand = reserved + :free where sku = :sku")
                .param("free", ORDERS + 100)
                .param("sku", SKU)
                .update();
        var buyers = new ArrayList<RestClient>();
        for (int i = 0; i < BUYERS; i++) {
            buyers.add(buyer());
        }
        long orderingStarted = System.nanoTime();
        var orderNos = placeAndPay(buyers);
        assertThat(orderNos).hasSize(ORDERS);

        await("1,000 filings built and stored while the transport is down")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> count("select count(*) from customs_message where state = 'PENDING'") == 2L * ORDERS
                        && count("select count(*) from customs_filing where state = 'QUEUED'") == ORDERS);
        var ordering = Duration.ofNanos(System.nanoTime() - orderingStarted);
        assertThat(reached(orderNos))
                .as("orders customs saw while the transport was down")
                .isZero();

        // Transport up; kill -9 while the messages flow.
        int listsBefore = lists();
        customs.transportUp();
        // Customs works through its queue slower than the bridge fills it on this machine: kill when customs holds
        // KILL_AT lists or when the broker confirmed 60 % of the messages, whichever comes first.
        await("messages reaching customs")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> lists() - listsBefore >= KILL_AT || count(SENT) >= 2L * ORDERS * 6 / 10);
        first.destroyForcibly().waitFor();
        int killedAt = reached(orderNos);
        long confirmedAtKill = count(SENT);
        long unsentAtKill = count("select count(*) from customs_message where state = 'PENDING'");
        assertThat(unsentAtKill)
                .as("messages not yet sent when the process was killed (else the kill proved nothing)")
                .isPositive();

        start(2);
        await("a CEB311 and a CEB621 at customs for every order")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> customs.filings().stream()
                                .filter(f -> orderNos.contains(f.orderNo()))
                                .filter(f -> !f.received(CEB311).isEmpty()
                                        && !f.received(CEB621).isEmpty())
                                .count()
                        == ORDERS);

        // Customs: one distinct guid per document; the same guid again is a retransmission.
        int retransmissions = 0;
        for (var orderNo : orderNos) {
            OrderFilings filings = customs.filings(orderNo);
            assertThat(filings).as("order %s at customs", orderNo).isNotNull();
            for (var type : List.of(CEB311, CEB621)) {
                var received = filings.received(type);
                assertThat(received.stream().map(ReceivedMessage::guid).distinct())
                        .as("%s guids customs received for order %s", type, orderNo)
                        .hasSize(1);
                retransmissions +=
                        received.stream().mapToInt(m -> m.arrivals() - 1).sum();
                assertThat(received)
                        .as("%s of order %s accepted", type, orderNo)
                        .allMatch(m -> m.outcome().equals("accepted"));
            }
            assertThat(filings.received())
                    .as("messages customs received for order %s", orderNo)
                    .extracting(ReceivedMessage::msgType)
                    .containsOnly(CEB311, CEB621);
        }

        // The database: two messages per order, both sent; no filing left to build or send.
        var perOrder = new HashMap<String, List<String>>();
        jdbc.sql("select order_no, msg_type, state from customs_message").query(rs -> {
            perOrder.computeIfAbsent(rs.getString("order_no"), k -> new ArrayList<>())
                    .add(rs.getString("msg_type") + ":" + rs.getString("state"));
        });
        assertThat(perOrder.keySet()).isEqualTo(orderNos);
        assertThat(perOrder.values())
                .allSatisfy(
                        messages -> assertThat(messages).containsExactlyInAnyOrder(CEB311 + ":SENT", CEB621 + ":SENT"));
        assertThat(count("select count(*) from customs_filing")).isEqualTo(ORDERS);
        assertThat(count("select count(*) from customs_filing where state in ('PENDING', 'QUEUED')"))
                .isZero();

        System.out.printf(
                "[filing-crash-test] orders: %d, killed at %d orders at customs (%d of %d messages confirmed by the"
                        + " broker, %d unsent), retransmissions: %d, duration: %d s (orders placed and paid in %d s)%n",
                ORDERS,
                killedAt,
                confirmedAtKill,
                2 * ORDERS,
                unsentAtKill,
                retransmissions,
                Duration.ofNanos(System.nanoTime() - started).toSeconds(),
                ordering.toSeconds());
    }

    /** Places {@link #ORDERS} orders of one milk, spread over the buyers, and pays each in the sandbox. */
    private Set<String> placeAndPay(List<RestClient> buyers) throws Exception {
        var orderNos = ConcurrentHashMap.<String>newKeySet();
        var gate = new Semaphore(CONCURRENT_REQUESTS);
        var tasks = new ArrayList<Future<?>>();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < ORDERS; i++) {
                var buyer = buyers.get(i % buyers.size());
                tasks.add(pool.submit(() -> {
                    gate.acquire();
                    try {
                        var orderNo = place(buyer);
                        pay(buyer, orderNo);
                        orderNos.add(orderNo);
                    } finally {
                        gate.release();
                    }
                    return null;
                }));
            }
            for (var task : tasks) {
                task.get();
            }
        }
        return Set.copyOf(orderNos);
    }

    private String place(RestClient buyer) {
        var key = UUID.randomUUID().toString();
        var body = Map.of(
                "lines", List.of(Map.of("sku", SKU, "quantity", 1)),
                "consignee",
                        Map.of(
                                "name", "张伟",
                                "phone", "13800138000",
                                "province", "河南省",
                                "city", "郑州市",
                                "district", "金水区",
                                "address", "花园路 1 号"),
                "paymentMethod", "card");
        var holder = new String[1];
        // The same request under the same key until it is answered: a retry never makes a second order.
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .ignoreException(ResourceAccessException.class)
                .until(() -> {
                    var response = buyer.post()
                            .uri("/api/v1/orders")
                            .header("Idempotency-Key", key)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(body)
                            .retrieve()
                            .toEntity(JSON);
                    if (response.getStatusCode().is5xxServerError()) return false;
                    assertThat(response.getStatusCode().is2xxSuccessful())
                            .as("placing an order: %s %s", response.getStatusCode(), response.getBody())
                            .isTrue();
                    holder[0] = (String) response.getBody().get("orderNo");
                    return holder[0] != null;
                });
        return holder[0];
    }

    private void pay(RestClient buyer, String orderNo) {
        var holder = new String[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInSameThread()
                .pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(100))
                .ignoreException(ResourceAccessException.class)
                .until(() -> {
                    var payment = buyer.get()
                            .uri("/api/v1/orders/{no}/payment", orderNo)
                            .retrieve()
                            .toEntity(JSON);
                    if (payment.getStatusCode().value() != 200) return false;
                    holder[0] = (String) payment.getBody().get("paymentIntentId");
                    return holder[0] != null;
                });
        StripeSandboxInitializer.SANDBOX.completePayment(holder[0]);
    }

    private RestClient buyer() {
        var buyer = TestBuyers.overHttp(base, "filing-crash");
        // The API is stateless: every request checks the password, a bcrypt hash of ~0.1 s of CPU. Thousands of them
        // would measure hashing on this shared machine, not filing: the test buyers' passwords are stored unhashed.
        jdbc.sql("update account set password_hash = :hash where email = :email")
                .param("hash", "{noop}" + buyer.password())
                .param("email", buyer.email())
                .update();
        return buyer.api();
    }

    /** Our orders of which customs received at least one message. */
    private static int reached(Set<String> orderNos) {
        return (int) customs.filings().stream()
                .filter(f -> orderNos.contains(f.orderNo()))
                .filter(f -> !f.received().isEmpty())
                .count();
    }

    /** Inventory lists customs holds: a cheap counter, polled often (other tests of this JVM may add to it). */
    private static int lists() {
        var counters = (Map<?, ?>) customs.state().get("counters");
        return ((Number) counters.get("lists")).intValue();
    }

    private static long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** Starts the marketplace as a child process on {@link #port} and waits until it answers. */
    private static Process start(int run) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = new ArrayList<>(List.of(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                EexpoApplication.class.getName(),
                "--server.port=" + port,
                "--eexpo.local-dir=" + System.getProperty("eexpo.local-dir", "../.local"),
                "--spring.datasource.url=" + JDBC_URL,
                "--spring.data.redis.database=6",
                "--eexpo.search.index=eexpo-crash-test-products",
                "--eexpo.stripe.api-base=" + StripeSandboxInitializer.SANDBOX.baseUrl(),
                "--eexpo.stripe.secret-key=" + StripeSandboxInitializer.SANDBOX.secretKey(),
                "--eexpo.stripe.webhook-secret=" + StripeSandboxInitializer.SANDBOX.webhookSecret(),
                "--eexpo.clearance.signing.keystore=" + keystore,
                "--eexpo.clearance.worker.threads=2",
                // A transport outage of the length of the test, not the production minute, between attempts.
                "--eexpo.clearance.worker.first-retry=500ms",
                "--eexpo.clearance.worker.max-retry=2s",
                "--logging.level.root=warn",
                "--logging.level.cn.eexpo=info"));
        CustomsSimulatorInitializer.properties(customs)
                .forEach((name, value) -> command.add("--" + name + "=" + value));
        var process = new ProcessBuilder(command)
                .directory(new File("."))
                .redirectErrorStream(true)
                .redirectOutput(LOGS.resolve("app-" + run + ".log").toFile())
                .start();
        PROCESSES.add(process);
        var http = RestClient.builder()
                .baseUrl(base)
                .defaultStatusHandler(s -> true, (q, r) -> {})
                .build();
        await("the application (run " + run + ", log in " + LOGS + ")")
                .atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .failFast("the application process ended (see " + LOGS + ")", () -> !process.isAlive())
                .ignoreExceptions()
                .until(() -> {
                    return http.get()
                                            .uri("/api/v1/orders")
                                            .retrieve()
                                            .toBodilessEntity()
                                            .getStatusCode()
                                            .value()
                                    == 401
                            && count("select count(*) from stock where sku = '" + SKU + "'") == 1;
                });
        return process;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
