package cn.eexpo.orders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.sandbox.stripe.StripeSandbox;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * kill -9 in the middle of checkouts and payments. The application runs as a separate process against the real
 * PostgreSQL and Redis and the Stripe sandbox (which lives in this JVM and so outlives it). Buyers place orders and pay
 * them while the process is killed, then restarted. Afterwards every succeeded PaymentIntent has exactly one PAID
 * order, no order is PAID without a succeeded PaymentIntent for its amount, and every order a buyer was told about
 * exists.
 */
class CrashTest {

    static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    static final String[] SKUS = {"EX-DP-00010", "EX-NU-00010", "EX-IF-00040", "EX-IF-00023"};

    final StripeSandbox sandbox = StripeSandbox.start(
            StripeSandbox.Options.defaults().withWebhookRetries(Duration.ofMillis(200), Duration.ofSeconds(2), 60));
    final int port = freePort();
    final String base = "http://127.0.0.1:" + port;
    final JdbcClient jdbc = JdbcClient.create(dataSource());
    final List<Process> processes = new ArrayList<>();
    final Path logs = Path.of("target", "crash-test");
    final String run = Long.toString(System.currentTimeMillis(), 36);

    @AfterEach
    void stop() {
        processes.forEach(Process::destroyForcibly);
        sandbox.close();
    }

    int atKill;

    @Test
    void afterKill9DuringCheckoutsEveryPaymentHasExactlyOnePaidOrder() throws Exception {
        Files.createDirectories(logs);
        sandbox.setWebhookUrl(base + "/api/v1/payments/stripe/webhook");
        var app = start(1);
        for (var sku : SKUS) {
            jdbc.sql("update stock set on_hand = reserved + 1000 where sku = :sku")
                    .param("sku", sku)
                    .update();
        }
        var buyers = new ArrayList<RestClient>();
        for (int i = 0; i < 8; i++) {
            buyers.add(TestBuyers.overHttp(base, "crash-" + run).api());
        }

        var confirmed = ConcurrentHashMap.<String>newKeySet(); // order numbers the API answered with
        var placed = new AtomicInteger();
        var stop = new AtomicBoolean();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (var buyer : buyers) {
                pool.submit(() -> shop(buyer, confirmed, placed, stop));
            }
            await().atMost(Duration.ofSeconds(60)).until(() -> placed.get() >= 40);
            app.destroyForcibly().waitFor();
            atKill = placed.get();
            app = start(2);
            int killedAt = atKill;
            await().atMost(Duration.ofSeconds(60)).until(() -> placed.get() >= killedAt + 20);
            stop.set(true);
        }

        // Whatever was in flight settles: webhooks redelivered, the outbox resubmitted, reconciliation run.
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> {
                    var succeeded = sandbox.paymentIntents().stream()
                            .filter(pi -> pi.status().equals("succeeded"))
                            .toList();
                    assertThat(succeeded).isNotEmpty();
                    for (var pi : succeeded) {
                        var paid = jdbc.sql("""
                                select count(*) from customer_order
                                 where payment_intent_id = :pi and status = 'PAID' and total_fen = :amount
                                """)
                                .param("pi", pi.id())
                                .param("amount", pi.amount())
                                .query(Long.class)
                                .single();
                        assertThat(paid)
                                .as("PAID orders for succeeded payment %s", pi.id())
                                .isEqualTo(1);
                        assertThat(pi.successfulCharges()).isEqualTo(1);
                    }
                    var succeededIds =
                            succeeded.stream().map(pi -> pi.id()).collect(java.util.stream.Collectors.toSet());
                    var paidOrders = jdbc.sql("select payment_intent_id from customer_order where status = 'PAID' and"
                                    + " account_id in (select id from account where email like :run)")
                            .param("run", "crash-" + run + "-%")
                            .query(String.class)
                            .list();
                    assertThat(succeededIds).containsAll(paidOrders);
                });
        var stored = Set.copyOf(jdbc.sql("select order_no from customer_order")
                .query(String.class)
                .list());
        assertThat(stored).containsAll(confirmed);
        var perOrder = sandbox.paymentIntents().stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        pi -> pi.metadata().get("order_no"), java.util.stream.Collectors.counting()));
        assertThat(perOrder.values()).allMatch(n -> n == 1);
        System.out.printf(
                "[crash-test] orders confirmed to buyers: %d (%d before the kill); PaymentIntents: %d, succeeded: %d;"
                        + " PAID orders: %d%n",
                confirmed.size(),
                atKill,
                sandbox.paymentIntents().size(),
                sandbox.paymentIntents().stream()
                        .filter(pi -> pi.status().equals("succeeded"))
                        .count(),
                jdbc.sql("select count(*) from customer_order where status = 'PAID' and order_no in (:nos)")
                        .param("nos", List.copyOf(confirmed))
                        .query(Long.class)
                        .single());
    }

    /** One buyer: order, wait for the payment, pay it in the sandbox; again, until told to stop. */
    private void shop(RestClient buyer, Set<String> confirmed, AtomicInteger placed, AtomicBoolean stop) {
        int i = 0;
        while (!stop.get()) {
            var key = UUID.randomUUID().toString();
            var body = Map.of(
                    "lines", List.of(Map.of("sku", SKUS[i++ % SKUS.length], "quantity", 1)),
                    "consignee",
                            Map.of(
                                    "name",
                                    "张伟",
                                    "phone",
                                    "13800138000",
                                    "province",
                                    "河南省",
                                    "city",
                                    "郑州市",
                                    "district",
                                    "金水区",
                                    "address",
                                    "花园路 1 号"),
                    "paymentMethod", "card");
            try {
                String orderNo = null;
                // Retry the same request under the same key until the application answers: a retry never duplicates.
                while (orderNo == null && !stop.get()) {
                    try {
                        var response = buyer.post()
                                .uri("/api/v1/orders")
                                .header("Idempotency-Key", key)
                                .contentType(MediaType.APPLICATION_JSON)
                                .body(body)
                                .retrieve()
                                .toEntity(JSON);
                        if (response.getStatusCode().is2xxSuccessful()) {
                            orderNo = (String) response.getBody().get("orderNo");
                        }
                    } catch (RuntimeException down) {
                        Thread.sleep(200);
                    }
                }
                if (orderNo == null) {
                    return;
                }
                confirmed.add(orderNo);
                placed.incrementAndGet();
                String intent = null;
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (intent == null && System.nanoTime() < until && !stop.get()) {
                    try {
                        var payment = buyer.get()
                                .uri("/api/v1/orders/{no}/payment", orderNo)
                                .retrieve()
                                .toEntity(JSON);
                        if (payment.getStatusCode().value() == 200) {
                            intent = (String) payment.getBody().get("paymentIntentId");
                        }
                    } catch (RuntimeException down) {
                        // the application is being restarted
                    }
                    if (intent == null) {
                        Thread.sleep(100);
                    }
                }
                if (intent != null) {
                    sandbox.completePayment(intent);
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Process start(int run) throws IOException {
        var java = ProcessHandle.current().info().command().orElse("java");
        var command = List.of(
                java,
                "--sun-misc-unsafe-memory-access=allow",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                OrdersTestApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl(),
                "--eexpo.stripe.api-base=" + sandbox.baseUrl(),
                "--eexpo.stripe.secret-key=" + sandbox.secretKey(),
                "--eexpo.stripe.webhook-secret=" + sandbox.webhookSecret(),
                "--eexpo.stripe.housekeeping-interval=2s",
                "--eexpo.stripe.reconcile-interval=3s",
                "--eexpo.search.maintenance=false");
        var process = new ProcessBuilder(command)
                .directory(new File("."))
                .redirectErrorStream(true)
                .redirectOutput(logs.resolve("app-" + run + ".log").toFile())
                .start();
        processes.add(process);
        var health = RestClient.builder()
                .baseUrl(base)
                .defaultStatusHandler(s -> true, (q, r) -> {})
                .build();
        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> {
                    assertThat(process.isAlive())
                            .as("the application process (see %s)", logs)
                            .isTrue();
                    return health.get()
                                    .uri("/api/v1/orders")
                                    .retrieve()
                                    .toBodilessEntity()
                                    .getStatusCode()
                                    .value()
                            == 401;
                });
        return process;
    }

    private static String jdbcUrl() {
        var fromEnv = System.getenv("SPRING_DATASOURCE_URL");
        return fromEnv != null ? fromEnv : "jdbc:postgresql://127.0.0.1:5432/eexpo_orders_test";
    }

    private static PGSimpleDataSource dataSource() {
        var ds = new PGSimpleDataSource();
        ds.setUrl(jdbcUrl());
        ds.setUser("eexpo");
        ds.setPassword("eexpo");
        return ds;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
