package cn.eexpo.benchmarks;

import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.cart.CartOwner;
import cn.eexpo.orders.cart.Carts;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.sandbox.stripe.StripeSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Load driver for the order leg: from a filled cart to a committed order, many buyers at once. Each buyer has an
 * account, a registered real-name identity (its own ID number, so its own quota) and a cart of one to three bonded
 * products in Redis. A client takes the next buyer, reads the cart, places the order through {@link Checkout} (tax,
 * quota, stock reservation, the order, its lines and the {@code OrderPlaced} event in the outbox, one PostgreSQL
 * transaction) and clears the cart; the latency is taken around those three calls. The payment leg runs as in
 * production: the outbox hands each order to the payment listener, which creates its PaymentIntent in the Stripe
 * sandbox at the application's own rate (90 a second) behind the sandbox's limit of Stripe's 100 a second; the run
 * reports how far it got and how long the queue takes to drain.
 *
 * <p>The orders module runs in this JVM against the real PostgreSQL ({@code eexpo_orders_bench}) and Redis (database
 * 10), with the web server on a random port for the sandbox's webhooks. Run it with {@code infra/eexpo bench-orders};
 * arguments {@code --buyers=20000 --warmup=2000 --clients=32 --drain=true --report=docs/benchmarks.md}.
 */
public final class OrderBenchmark {

    private static final String RUNS = "## Order runs";
    private static final String WAREHOUSE = "HNBLC";
    private static final String SELLER = "rhein-main";

    public static void main(String[] args) throws Exception {
        var given = BenchReport.arguments(args);
        int buyers = BenchReport.number(given, "buyers", 20_000);
        int warmup = BenchReport.number(given, "warmup", 2_000);
        int clients = BenchReport.number(given, "clients", 32);
        boolean drain = Boolean.parseBoolean(given.getOrDefault("drain", "true"));
        var report = given.getOrDefault("report", "docs/benchmarks.md");
        var command = System.getProperty("eexpo.bench.command", "OrderBenchmark " + String.join(" ", args));

        var sandbox = StripeSandbox.start(StripeSandbox.Options.defaults());
        sandbox.faults().rateLimit(BenchReport.number(given, "stripe-limit", 100));
        var application = new SpringApplication(OrderBenchmarkApplication.class);
        application.setLogStartupInfo(false);
        var arguments = applicationArguments(given, args, sandbox, "eexpo_orders_bench", "10", "orders", Map.of());
        int status;
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            sandbox.setWebhookUrl("http://127.0.0.1:" + port + "/api/v1/payments/stripe/webhook");
            new OrderBenchmark(context, sandbox).run(buyers, warmup, clients, drain, Path.of(report), command);
            status = 0;
        } finally {
            sandbox.close();
        }
        System.exit(status);
    }

    /**
     * The settings an order-taking application runs with in a benchmark: its own database, Redis database, cart keys
     * and index alias, the sandbox as Stripe, benchmark-only identity keys; {@code extra} and then the command line
     * win.
     */
    static String[] applicationArguments(
            Map<String, String> given,
            String[] args,
            StripeSandbox sandbox,
            String database,
            String redisDatabase,
            String name,
            Map<String, String> extra) {
        Map<String, String> defaults = new HashMap<>();
        defaults.put("spring.config.import", "optional:file:.local/elasticsearch.properties");
        defaults.put("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/" + database);
        defaults.put("spring.datasource.username", "eexpo");
        defaults.put("spring.datasource.password", "eexpo");
        defaults.put("spring.datasource.hikari.maximum-pool-size", "24");
        defaults.put("spring.data.redis.database", redisDatabase);
        defaults.put("spring.threads.virtual.enabled", "true");
        defaults.put("spring.modulith.events.republish-outstanding-events-on-restart", "true");
        defaults.put("server.port", "0");
        defaults.put("eexpo.search.index", "eexpo-" + name + "-bench-products");
        defaults.put("eexpo.search.maintenance", "false");
        defaults.put("eexpo.cart.key-prefix", "eexpo:bench-" + name + ":");
        defaults.put("eexpo.stripe.api-base", sandbox.baseUrl());
        defaults.put("eexpo.stripe.secret-key", sandbox.secretKey());
        defaults.put("eexpo.stripe.webhook-secret", sandbox.webhookSecret());
        defaults.put("eexpo.stripe.requests-per-second", "90");
        defaults.put("eexpo.identity.encryption-key", "YmVuY2htYXJrLW9ubHktZW5jcnlwdGlvbi1rZXkhISE=");
        defaults.put("eexpo.identity.hash-key", "YmVuY2htYXJrLW9ubHktaGFzaC1rZXktbm90LXJlYWwhIQ==");
        defaults.put("logging.level.root", "warn");
        defaults.put("logging.level.cn.eexpo", "warn");
        defaults.put("spring.main.web-application-type", "servlet");
        // As the storefront runs (its application.yml): no application event after every request.
        defaults.put("spring.mvc.publish-request-handled-events", "false");
        defaults.put("eexpo.demo-data.load-on-empty", "true");
        defaults.putAll(extra);
        // As arguments, so that they win over the search benchmark's application.yml in the same jar.
        var arguments = new ArrayList<String>();
        defaults.forEach((key, value) -> {
            if (!given.containsKey(key)) {
                arguments.add("--" + key + "=" + value);
            }
        });
        arguments.addAll(List.of(args));
        return arguments.toArray(String[]::new);
    }

    private final JdbcClient jdbc;
    private final Identities identities;
    private final Carts carts;
    private final Checkout checkout;
    private final StripeSandbox sandbox;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    OrderBenchmark(ConfigurableApplicationContext context, StripeSandbox sandbox) {
        this.jdbc = context.getBean(JdbcClient.class);
        this.identities = context.getBean(Identities.class);
        this.carts = context.getBean(Carts.class);
        this.checkout = context.getBean(Checkout.class);
        this.sandbox = sandbox;
    }

    record Buyer(long accountId, CartOwner cart) {}

    void run(int buyerCount, int warmup, int clients, boolean drain, Path report, String command) throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        var loadAtStart = BenchReport.loadAverage();
        var skus = jdbc.sql("""
                        select p.sku from product p join exhibitor e on e.id = p.exhibitor_id
                         where p.warehouse_code = :w and e.code = :seller and p.status = 'LISTED' order by p.sku
                        """)
                .param("w", WAREHOUSE)
                .param("seller", SELLER)
                .query(String.class)
                .list();
        jdbc.sql("update stock set on_hand = reserved + 1000000 where warehouse_code = :w")
                .param("w", WAREHOUSE)
                .update();
        log("preparing %,d buyers (accounts, identities, carts of 1-3 of %d products)"
                .formatted(buyerCount + warmup, skus.size()));
        long t0 = System.nanoTime();
        var all = prepareBuyers(buyerCount + warmup, skus);
        log("prepared in %.1f s".formatted((System.nanoTime() - t0) / 1e9));

        log("warm-up: %,d orders".formatted(warmup));
        place(all.subList(0, warmup), clients);
        var measuredBuyers = all.subList(warmup, all.size());
        int intentsBefore = sandbox.paymentIntents().size();
        log("measured: %,d orders from %d concurrent clients".formatted(measuredBuyers.size(), clients));
        var result = place(measuredBuyers, clients);
        int intentsDuring = sandbox.paymentIntents().size() - intentsBefore;
        var loadAtEnd = BenchReport.loadAverage();

        double drainSeconds = -1;
        long backlog = pendingPayments();
        if (drain) {
            log("draining the payment queue (%,d orders without a PaymentIntent)".formatted(backlog));
            long d0 = System.nanoTime();
            while (pendingPayments() > 0
                    && System.nanoTime() - d0 < Duration.ofMinutes(15).toNanos()) {
                Thread.sleep(1000);
            }
            drainSeconds = (System.nanoTime() - d0) / 1e9;
        }

        var md = BenchReport.heading(started, command, loadAtStart, loadAtEnd, " (shared machine)");
        var setup = "- Setup: PostgreSQL and Redis on the same machine; the orders module in the benchmark's JVM;"
                + " %d clients (virtual threads); %,d warm-up orders, then %,d measured, each a different buyer with"
                + " 1-3 lines of one seller (rhein-main) in %s\n";
        md.append(setup.formatted(clients, warmup, measuredBuyers.size(), WAREHOUSE));
        md.append("\n| order leg (cart → committed order + reservation + outbox event) | figure |\n|---|---|\n");
        md.append("| orders placed | %,d (%d refused: %s) |\n".formatted(result.ok, result.refused, result.reasons));
        md.append("| throughput | **%,.0f orders/s** (goal ≥ 300) |\n".formatted(result.ok / result.seconds));
        md.append("| latency p50 / p95 / p99 / max | %.1f / %.1f / %.1f / %.1f ms |\n"
                .formatted(
                        result.latencies.percentileMillis(50),
                        result.latencies.percentileMillis(95),
                        result.latencies.percentileMillis(99),
                        result.latencies.maxMillis()));
        md.append(
                "\n| payment leg (outbox → PaymentIntent in the sandbox, limit 100 requests/s) | figure |\n|---|---|\n");
        md.append("| PaymentIntents created during the %.1f s of the measured run | %,d (%.0f/s) |\n"
                .formatted(result.seconds, intentsDuring, intentsDuring / result.seconds));
        md.append("| orders still waiting for one at the end of the run | %,d |\n".formatted(backlog));
        if (drain) {
            md.append("| time to drain that queue | %.0f s (%s) |\n"
                    .formatted(drainSeconds, pendingPayments() == 0 ? "all created" : "not drained"));
        }
        var text = md.toString();
        System.out.println(text);
        if (!report.toString().isBlank()) {
            BenchReport.append(report, RUNS, text);
        }
    }

    private long pendingPayments() {
        return jdbc.sql("select count(*) from customer_order where status = 'CREATED' and payment_intent_id is null")
                .query(Long.class)
                .single();
    }

    List<Buyer> prepareBuyers(int count, List<String> skus) throws Exception {
        var buyers = new ArrayList<Buyer>(count);
        var random = new SplittableRandom(42);
        for (int i = 0; i < count; i++) {
            long id = jdbc.sql("""
                            insert into account (email, password_hash, display_name)
                            values (:email, '{noop}not-for-sign-in', 'Benchmark buyer') returning id
                            """)
                    .param("email", "bench-" + run + "-" + i + "@example.cn")
                    .query(Long.class)
                    .single();
            buyers.add(new Buyer(id, CartOwner.account(id)));
        }
        try (var pool = Executors.newFixedThreadPool(8)) {
            var futures = new ArrayList<java.util.concurrent.Future<?>>();
            for (var buyer : buyers) {
                int lines = 1 + random.nextInt(3);
                var picks = new ArrayList<String>();
                for (int l = 0; l < lines; l++) {
                    picks.add(skus.get(random.nextInt(skus.size())));
                }
                futures.add(pool.submit(() -> {
                    identities.register(buyer.accountId(), "张伟", IdNumbers.random(), "13800138000");
                    for (var sku : picks) {
                        carts.add(buyer.cart(), new Sku(sku), 1);
                    }
                    return null;
                }));
            }
            for (var f : futures) {
                f.get();
            }
        }
        return buyers;
    }

    record Result(int ok, int refused, Map<String, Integer> reasons, double seconds, LatencyHistogram latencies) {}

    Result place(List<Buyer> buyers, int clients) throws Exception {
        var next = new AtomicInteger();
        var ok = new LongAdder();
        var reasons = new ConcurrentHashMap<String, Integer>();
        var histograms = new ArrayList<LatencyHistogram>();
        var consignee = new CheckoutRequest.Consignee("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路 1 号");
        long start = System.nanoTime();
        try (var pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                var histogram = new LatencyHistogram();
                histograms.add(histogram);
                pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < buyers.size()) {
                        var buyer = buyers.get(i);
                        long t = System.nanoTime();
                        try {
                            var cart = carts.get(buyer.cart());
                            var lines = cart.lines().stream()
                                    .map(l -> new CheckoutRequest.Line(l.sku().value(), l.quantity()))
                                    .toList();
                            checkout.place(
                                    buyer.accountId(),
                                    new CheckoutRequest(lines, consignee, "card"),
                                    UUID.randomUUID().toString());
                            carts.clear(buyer.cart());
                            histogram.record(System.nanoTime() - t);
                            ok.increment();
                        } catch (RuntimeException e) {
                            reasons.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                        }
                    }
                });
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        var all = new LatencyHistogram();
        histograms.forEach(all::add);
        int refused = reasons.values().stream().mapToInt(Integer::intValue).sum();
        return new Result(ok.intValue(), refused, reasons, seconds, all);
    }

    static void log(String message) {
        System.out.println("[bench-orders] " + message);
    }
}
