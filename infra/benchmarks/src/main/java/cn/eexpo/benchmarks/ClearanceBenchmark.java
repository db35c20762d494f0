package cn.eexpo.benchmarks;

import cn.eexpo.clearance.signing.DevKeystore;
import cn.eexpo.sandbox.customs.CustomsSimulator;
import cn.eexpo.sandbox.customs.CustomsSimulatorInitializer;
import cn.eexpo.sandbox.customs.Settings;
import cn.eexpo.sandbox.stripe.StripeSandbox;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * End-to-end clearance at a sustained rate: orders are paid at {@code --rate} a second (187, the national Double-11
 * 2017 peak) for {@code --seconds}; each PAID order goes through the outbox to the filing workflow (payment partner,
 * CEB311 and CEB621 built, signed, validated and stored, sent over RabbitMQ with publisher confirms), the customs
 * simulator checks them (schema, signature, 三单对碰, limits) and answers 2 then 120, and the receipts come back over
 * RabbitMQ and move the order. The latency is PAID → ACCEPTED as the order's own transitions record it (database
 * timestamps of the two commits).
 *
 * <p>Everything runs on this machine: PostgreSQL, RabbitMQ, the application (orders, catalog, clearance) and in its
 * JVM the Stripe sandbox and the customs simulator, whose own answer delays are {@code --customs-accept-ms} (2) and
 * {@code --customs-entry-ms} (120), included in the figure. Orders are placed and given their PaymentIntents before
 * the measured run; only the payments are paced.
 */
public final class ClearanceBenchmark {

    private static final String RUNS = "## Clearance runs";
    /**
     * Accepted by customs, or further: receipts are applied as they come, and a 120 that arrives after the 800 no
     * longer moves the order, so an order may go from DECLARED straight to RELEASED.
     */
    private static final List<String> ACCEPTED_OR_LATER = List.of("ACCEPTED", "INSPECTION", "DETAINED", "RELEASED");

    public static void main(String[] args) throws Exception {
        var given = BenchReport.arguments(args);
        int rate = BenchReport.number(given, "rate", 187);
        int seconds = BenchReport.number(given, "seconds", 30);
        int warmup = BenchReport.number(given, "warmup", 5000);
        int acceptMs = BenchReport.number(given, "customs-accept-ms", 20);
        int entryMs = BenchReport.number(given, "customs-entry-ms", 20);
        int threads = BenchReport.number(given, "filing-threads", 2);
        var report = given.getOrDefault("report", "docs/benchmarks.md");
        var command = System.getProperty("eexpo.bench.command", "ClearanceBenchmark " + String.join(" ", args));

        var sandbox = StripeSandbox.start(StripeSandbox.Options.defaults());
        // The payments, not the sandbox's one-at-a-time webhooks, set the pace (Stripe delivers side by side).
        sandbox.setWebhookConcurrency(32);
        String suffix = "bench-" + UUID.randomUUID().toString().substring(0, 8);
        var customs = CustomsSimulator.start(Settings.defaults()
                .withQueueSuffix(suffix)
                .withDelays(Duration.ofMillis(acceptMs), Duration.ofMillis(entryMs), Duration.ofMillis(entryMs))
                .withMatchTimeout(Duration.ofSeconds(30)));
        Map<String, String> extra = new HashMap<>();
        CustomsSimulatorInitializer.properties(customs).forEach((k, v) -> extra.put(k, String.valueOf(v)));
        extra.put("eexpo.clearance.signing.keystore", DevKeystore.temporary().toString());
        extra.put("eexpo.clearance.worker.threads", Integer.toString(threads));
        extra.put("eexpo.clearance.worker.poll-interval", "200ms");
        // Stripe's rate limit is not what is measured here: PaymentIntents are made before the run.
        extra.put("eexpo.stripe.requests-per-second", "1000");
        var application = new SpringApplication(ClearanceBenchmarkApplication.class);
        application.setLogStartupInfo(false);
        var arguments = OrderBenchmark.applicationArguments(
                given, args, sandbox, "eexpo_clearance_bench", "11", "clearance", extra);
        try (ConfigurableApplicationContext context = application.run(arguments)) {
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            sandbox.setWebhookUrl("http://127.0.0.1:" + port + "/api/v1/payments/stripe/webhook");
            new ClearanceBenchmark(context, sandbox)
                    .run(rate, seconds, warmup, acceptMs, entryMs, threads, Path.of(report), command);
        } finally {
            customs.deleteQueues();
            customs.close();
            sandbox.close();
        }
        System.exit(0);
    }

    private final ConfigurableApplicationContext context;
    private final JdbcClient jdbc;
    private final StripeSandbox sandbox;

    ClearanceBenchmark(ConfigurableApplicationContext context, StripeSandbox sandbox) {
        this.context = context;
        this.jdbc = context.getBean(JdbcClient.class);
        this.sandbox = sandbox;
    }

    void run(int rate, int seconds, int warmup, int acceptMs, int entryMs, int threads, Path report, String command)
            throws Exception {
        var started = ZonedDateTime.now(ZoneOffset.UTC);
        int measured = rate * seconds;
        var orders = new OrderBenchmark(context, sandbox);
        // One buyer per order (its own quota), as in the order benchmark; stock that never runs out.
        jdbc.sql("update stock set on_hand = reserved + 1000000 where warehouse_code = 'HNBLC'")
                .update();
        var skus = jdbc.sql("""
                        select p.sku from product p join exhibitor e on e.id = p.exhibitor_id
                         where p.warehouse_code = 'HNBLC' and e.code = 'rhein-main' and p.status = 'LISTED'
                         order by p.sku
                        """).query(String.class).list();
        log("placing %,d orders (warm-up %,d, measured %,d at %d/s for %d s)"
                .formatted(warmup + measured, warmup, measured, rate, seconds));
        String since = jdbc.sql("select coalesce(max(order_no), '') from customer_order")
                .query(String.class)
                .single();
        var buyers = orders.prepareBuyers(warmup + measured, skus);
        orders.place(buyers, 16);
        List<String[]> placed = jdbc.sql("""
                        select order_no, payment_intent_id from customer_order
                         where order_no > :since order by order_no
                        """)
                .param("since", since)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        await(
                "PaymentIntents for every order",
                Duration.ofMinutes(10),
                () -> jdbc.sql("""
                                select count(*) from customer_order
                                 where order_no > :since and payment_intent_id is null
                                """).param("since", since).query(Long.class).single() == 0);
        placed = jdbc.sql("select order_no, payment_intent_id from customer_order where order_no > :since order by 1")
                .param("since", since)
                .query((rs, row) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();

        log("warm-up: paying %,d orders".formatted(warmup));
        pay(placed.subList(0, warmup), rate);
        awaitAccepted(placed.subList(0, warmup), Duration.ofMinutes(5));

        var measuredOrders = placed.subList(warmup, placed.size());
        // Without autovacuum (CI machines switch it off) the dead rows of every earlier run stay: the database is
        // vacuumed and analysed before the measured run, as autovacuum keeps a production one, so that runs compare.
        String autovacuum = jdbc.sql("show autovacuum").query(String.class).single();
        if (autovacuum.equals("off")) {
            log("PostgreSQL runs without autovacuum: vacuum (analyze) before the measured run");
            jdbc.sql("vacuum (analyze)").update();
        }
        var loadAtStart = BenchReport.loadAverage();
        log("measured: paying %,d orders at %d/s".formatted(measuredOrders.size(), rate));
        var jvm = JvmCpu.now();
        var machine = MachineCpu.now();
        var threadsBefore = threadCpuByGroup();
        long t0 = System.nanoTime();
        double paySeconds = pay(measuredOrders, rate);
        boolean all = awaitAccepted(measuredOrders, Duration.ofMinutes(5));
        double totalSeconds = (System.nanoTime() - t0) / 1e9;
        var jvmUsed = JvmCpu.now().minus(jvm);
        var machineUsed = MachineCpu.now().minus(machine);
        log("measured: %s after %.1f s".formatted(all ? "all accepted" : "NOT all accepted", totalSeconds));
        var threadsAfter = threadCpuByGroup();
        threadsAfter.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - threadsBefore.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(15)
                .forEach(e -> log("  CPU per order, threads %-32s %6.2f ms"
                        .formatted(e.getKey(), e.getValue() / 1e6 / measuredOrders.size())));
        var loadAtEnd = BenchReport.loadAverage();

        String first = measuredOrders.getFirst()[0];
        String last = measuredOrders.getLast()[0];
        var latencies = sincePaid(first, last, ACCEPTED_OR_LATER);
        var declared = sincePaid(first, last, List.of("DECLARED", "ACCEPTED", "INSPECTION", "DETAINED", "RELEASED"));
        long filed = jdbc.sql("""
                        select count(*) from customs_message where order_no between :first and :last and state = 'SENT'
                        """)
                .param("first", first)
                .param("last", last)
                .query(Long.class)
                .single();

        var md = BenchReport.heading(started, command, loadAtStart, loadAtEnd, "");
        md.append(
                ("- Setup: PostgreSQL, RabbitMQ and the application (orders, catalog, clearance; %d filing workers) on"
                                + " this machine, the Stripe sandbox and the customs simulator in the application's JVM"
                                + " (customs answers 2 after %d ms, 120 after %d ms more); SM2-SM3 signatures; %,d warm-up"
                                + " orders, then %,d paid at %d/s; PostgreSQL autovacuum %s\n")
                        .formatted(
                                threads,
                                acceptMs,
                                entryMs,
                                warmup,
                                measuredOrders.size(),
                                rate,
                                autovacuum.equals("off")
                                        ? "off (vacuumed and analysed before the measured run)"
                                        : "on"));
        md.append("\n| PAID → ACCEPTED | figure |\n|---|---|\n");
        md.append("| orders paid | %,d in %.1f s (%.0f/s) |\n"
                .formatted(measuredOrders.size(), paySeconds, measuredOrders.size() / paySeconds));
        md.append("| accepted | %,d%s, all within %.1f s of the first payment |\n"
                .formatted(latencies.size(), all ? "" : " (NOT ALL)", totalSeconds));
        md.append("| messages sent (CEB311 + CEB621) | %,d (%.0f/s) |\n".formatted(filed, filed / totalSeconds));
        md.append("| CPU of the benchmark's JVM per order (all of it: orders, clearance, sandbox, simulator) | %.1f ms,"
                        .formatted(jvmUsed.cpuMillis() / measuredOrders.size())
                + " of which its JIT compilers %.1f ms |\n".formatted(jvmUsed.jitMillis() / measuredOrders.size()));
        int n = measuredOrders.size();
        md.append(("| CPU per order, whole machine (idle %.0f %% of the run) | %.1f ms: the benchmark's JVM %.1f,"
                        + " PostgreSQL %.1f, RabbitMQ %.1f, the rest %.1f |\n")
                .formatted(
                        machineUsed.idlePercent(),
                        machineUsed.busyMillis() / n,
                        jvmUsed.cpuMillis() / n,
                        machineUsed.postgresMillis() / n,
                        machineUsed.rabbitMillis() / n,
                        (machineUsed.busyMillis()
                                        - jvmUsed.cpuMillis()
                                        - machineUsed.postgresMillis()
                                        - machineUsed.rabbitMillis())
                                / n));
        md.append("| PAID → DECLARED p50 / p99 | %.0f / %.0f ms |\n".formatted(pct(declared, 50), pct(declared, 99)));
        md.append(
                "| **PAID → ACCEPTED p50 / p95 / p99 / max** | **%.0f / %.0f / %.0f / %.0f ms** (goal p99 ≤ 2,000) |\n"
                        .formatted(pct(latencies, 50), pct(latencies, 95), pct(latencies, 99), pct(latencies, 100)));
        var text = md.toString();
        System.out.println(text);
        if (!report.toString().isBlank()) {
            BenchReport.append(report, RUNS, text);
        }
    }

    /** Milliseconds from PAID to the first of {@code statuses}, per order, sorted. */
    private List<Double> sincePaid(String first, String last, List<String> statuses) {
        return jdbc.sql("""
                        select extract(epoch from (min(a.at) - p.at)) * 1000 as ms
                          from order_transition p
                          join order_transition a on a.order_no = p.order_no and a.to_status in (:statuses)
                         where p.to_status = 'PAID' and p.order_no between :first and :last
                         group by p.order_no, p.at
                         order by ms
                        """)
                .param("statuses", statuses)
                .param("first", first)
                .param("last", last)
                .query(Double.class)
                .list();
    }

    /** Completes the payments at {@code rate} a second, open loop; returns the seconds it took. */
    private double pay(List<String[]> orders, int rate) throws InterruptedException {
        var done = new LongAdder();
        long start = System.nanoTime();
        long interval = 1_000_000_000L / rate;
        try (var scheduler = Executors.newScheduledThreadPool(2);
                var workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < orders.size(); i++) {
                String intent = orders.get(i)[1];
                scheduler.schedule(
                        () -> workers.submit(() -> {
                            sandbox.completePayment(intent);
                            done.increment();
                        }),
                        i * interval,
                        TimeUnit.NANOSECONDS);
            }
            scheduler.shutdown();
            scheduler.awaitTermination(1, TimeUnit.HOURS);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private boolean awaitAccepted(List<String[]> orders, Duration patience) throws InterruptedException {
        String first = orders.getFirst()[0];
        String last = orders.getLast()[0];
        return await(
                "ACCEPTED for %,d orders".formatted(orders.size()),
                patience,
                () -> jdbc.sql("""
                                select count(distinct order_no) from order_transition
                                 where to_status in (:accepted) and order_no between :first and :last
                                """)
                                .param("accepted", ACCEPTED_OR_LATER)
                                .param("first", first)
                                .param("last", last)
                                .query(Long.class)
                                .single()
                        >= orders.size());
    }

    private static boolean await(String what, Duration patience, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                log("gave up waiting for " + what);
                return false;
            }
            // Once a second: the check is a count over the run's transitions in the PostgreSQL being measured, and the
            // latencies come from the transitions' own timestamps, not from this loop.
            Thread.sleep(1000);
        }
        return true;
    }

    /**
     * CPU time of this JVM and the part of it its JIT compiler threads used, in milliseconds. The compilers' share is
     * read from Linux's per-thread accounting ({@code /proc/self/task}); the JVM's own compilation time counts waiting
     * for a core too.
     */
    private record JvmCpu(double cpuMillis, double jitMillis) {
        static JvmCpu now() {
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            return new JvmCpu(os.getProcessCpuTime() / 1e6, compilerThreadsMillis());
        }

        JvmCpu minus(JvmCpu earlier) {
            return new JvmCpu(cpuMillis - earlier.cpuMillis, jitMillis - earlier.jitMillis);
        }

        private static double compilerThreadsMillis() {
            long ticks = 0;
            try (var tasks = Files.list(Path.of("/proc/self/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String name = Files.readString(task.resolve("comm"));
                        if (!name.startsWith("C1 Compiler") && !name.startsWith("C2 Compiler")) continue;
                        String stat = Files.readString(task.resolve("stat"));
                        String[] fields =
                                stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
                    } catch (IOException | RuntimeException e) {
                        // the thread ended meanwhile
                    }
                }
            } catch (IOException e) {
                return Double.NaN; // not Linux
            }
            return ticks * 10.0; // USER_HZ is 100 on Linux
        }
    }

    /**
     * CPU time of the whole machine ({@code /proc/stat}) and of the PostgreSQL and RabbitMQ processes on it, with what
     * their ended children used ({@code /proc/PID/stat}), in milliseconds; NaN where not on Linux.
     */
    private record MachineCpu(double busyMillis, double idleMillis, double postgresMillis, double rabbitMillis) {
        static MachineCpu now() {
            double busy = Double.NaN, idle = Double.NaN, postgres = 0, rabbit = 0;
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat"))
                        .getFirst()
                        .trim()
                        .split("\\s+");
                long all = 0;
                for (int i = 1; i <= 8; i++) all += Long.parseLong(cpu[i]); // user … steal
                long idleTicks = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]); // idle, iowait
                busy = (all - idleTicks) * 10.0;
                idle = idleTicks * 10.0;
                try (var processes = Files.list(Path.of("/proc"))) {
                    for (Path process : processes.toList()) {
                        if (!process.getFileName().toString().chars().allMatch(Character::isDigit)) continue;
                        try {
                            String stat = Files.readString(process.resolve("stat"));
                            String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                            if (!name.equals("postgres") && !name.equals("beam.smp")) continue;
                            String[] f =
                                    stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                            // utime, stime, cutime, cstime
                            double ms = (Long.parseLong(f[11])
                                            + Long.parseLong(f[12])
                                            + Long.parseLong(f[13])
                                            + Long.parseLong(f[14]))
                                    * 10.0;
                            if (name.equals("postgres")) postgres += ms;
                            else rabbit += ms;
                        } catch (IOException | RuntimeException e) {
                            // the process ended meanwhile
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                return new MachineCpu(Double.NaN, Double.NaN, Double.NaN, Double.NaN); // not Linux
            }
            return new MachineCpu(busy, idle, postgres, rabbit);
        }

        MachineCpu minus(MachineCpu earlier) {
            return new MachineCpu(
                    busyMillis - earlier.busyMillis,
                    idleMillis - earlier.idleMillis,
                    postgresMillis - earlier.postgresMillis,
                    rabbitMillis - earlier.rabbitMillis);
        }

        double idlePercent() {
            return 100 * idleMillis / (busyMillis + idleMillis);
        }
    }

    /**
     * CPU time of this JVM's platform threads (virtual threads count in their carriers), summed by name with the
     * numbers left out, in nanoseconds: where the benchmark's JVM spends it. The JIT compilers are not among them.
     */
    private static Map<String, Long> threadCpuByGroup() {
        var threads = ManagementFactory.getThreadMXBean();
        var groups = new HashMap<String, Long>();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info == null) continue;
            long nanos = threads.getThreadCpuTime(info.getThreadId());
            if (nanos > 0) groups.merge(info.getThreadName().replaceAll("\\d+", "N"), nanos, Long::sum);
        }
        return groups;
    }

    private static double pct(List<Double> sorted, int p) {
        if (sorted.isEmpty()) return Double.NaN;
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.clamp(i, 0, sorted.size() - 1));
    }

    private static void log(String message) {
        System.out.println("[bench-clearance] " + message);
    }
}
