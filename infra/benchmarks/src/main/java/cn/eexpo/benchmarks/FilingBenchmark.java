package cn.eexpo.benchmarks;

import cn.eexpo.clearance.ceb.AppType;
import cn.eexpo.clearance.ceb.BaseTransfer;
import cn.eexpo.clearance.ceb.CebMessages;
import cn.eexpo.clearance.ceb.CodeTables;
import cn.eexpo.clearance.ceb.Filing;
import cn.eexpo.clearance.ceb.Filing.Buyer;
import cn.eexpo.clearance.ceb.Filing.Clearance;
import cn.eexpo.clearance.ceb.Filing.Consignee;
import cn.eexpo.clearance.ceb.Filing.Enterprise;
import cn.eexpo.clearance.ceb.Filing.Line;
import cn.eexpo.clearance.ceb.Filing.Payment;
import cn.eexpo.clearance.ceb.Filing.TradeMode;
import cn.eexpo.clearance.ceb.IdNumber;
import cn.eexpo.clearance.outgoing.OutgoingMessages;
import cn.eexpo.clearance.signing.DevKeystore;
import cn.eexpo.clearance.signing.SignatureAlgorithm;
import cn.eexpo.clearance.signing.XmlSigner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Customs filings per second: one paid order's CEB311 and CEB621 built from a {@link Filing} (rules checked),
 * written, signed and validated against the official XSD, exactly as {@link OutgoingMessages} prepares what it
 * sends (the DXP envelope and the transport not included). RSA-SHA1 (2048-bit key) and SM2-SM3.
 *
 * <p>{@code infra/eexpo bench-filings [--threads=N] [--iterations=N] [--seconds=N]} runs it and appends the figures
 * to {@code docs/benchmarks.md}; the goal is at least 1,000 filings/s.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FilingBenchmark {

    static final int GOAL = 1_000;

    @Param({"RSA_SHA1", "SM2_SM3"})
    public String algorithm;

    private CebMessages messages;
    private XmlSigner signer;
    private final AtomicLong orders = new AtomicLong();

    @Setup
    public void setUp() throws Exception {
        signer = XmlSigner.of(
                SignatureAlgorithm.valueOf(algorithm) == SignatureAlgorithm.RSA_SHA1
                        ? DevKeystore.rsa()
                        : DevKeystore.sm2());
        messages = new CebMessages(
                BaseTransfer.dxp("4101660000", "郑州E贸易科技有限公司", "DXPENT0000012345"),
                CodeTables.bundled(),
                Clock.systemUTC());
    }

    /** One filing: both messages built, signed and schema-validated; returns their size so nothing is elided. */
    @Benchmark
    public int filing() {
        var built = messages.filing(filing("E2026112800" + orders.incrementAndGet()), AppType.NEW);
        return OutgoingMessages.sign(built.order(), signer).xml().length
                + OutgoingMessages.sign(built.inventory(), signer).xml().length;
    }

    /** A bonded (1210) order of two lines, like the orders the marketplace files. */
    static Filing filing(String orderNo) {
        return new Filing(
                orderNo,
                new Enterprise("4101660000", "郑州E贸易科技有限公司"),
                new Enterprise("4101960001", "河南保税直供商贸有限公司"),
                "142",
                new BigDecimal("280.00"),
                new BigDecimal("10.00"),
                new BigDecimal("5.00"),
                new BigDecimal("25.48"),
                new BigDecimal("310.48"),
                new Buyer("u-100234", "张三", "13800138000", new IdNumber("41010519900307123X")),
                new Consignee("张三", "13800138000", "河南省郑州市金水区花园路100号", "410105"),
                new Payment(new Enterprise("4403169D3W", "财付通支付科技有限公司"), "4200000681202611280001"),
                new Clearance(
                        TradeMode.BONDED_1210,
                        "EX" + orderNo.substring(Math.max(0, orderNo.length() - 18)),
                        new Enterprise("4101980002", "河南邮政速递物流有限公司"),
                        "EY" + orderNo.substring(Math.max(0, orderNo.length() - 12)) + "CN",
                        "4101960001",
                        "T4612W000123",
                        "4612",
                        "4612",
                        new Enterprise("4101980009", "郑州报关服务有限公司"),
                        new Enterprise("4101930088", "河南保税物流中心仓储有限公司"),
                        "W",
                        null,
                        null,
                        null,
                        "142",
                        new BigDecimal("10.00"),
                        BigDecimal.ZERO,
                        new BigDecimal("1.45"),
                        new BigDecimal("1.20"),
                        LocalDate.of(2026, 11, 28)),
                List.of(
                        new Line(
                                1,
                                "SKU-MILK-900",
                                "爱他美婴儿配方奶粉3段900g",
                                "900g/罐,3段,牛奶蛋白",
                                "4008976022336",
                                "1901101010",
                                "122",
                                BigDecimal.ONE,
                                "035",
                                new BigDecimal("0.9"),
                                null,
                                null,
                                new BigDecimal("220.00"),
                                new BigDecimal("220.00"),
                                "304",
                                "ITEM000001"),
                        new Line(
                                2,
                                "SKU-VIT-C",
                                "维生素C咀嚼片",
                                "60片/瓶",
                                null,
                                "2106909090",
                                "142",
                                new BigDecimal("2"),
                                "035",
                                new BigDecimal("0.3"),
                                null,
                                null,
                                new BigDecimal("30.00"),
                                new BigDecimal("60.00"),
                                "601",
                                "ITEM000002")));
    }

    /** Runs the benchmark with JMH (one fork) and appends the figures to the report. */
    public static void main(String[] args) throws Exception {
        Map<String, String> given = BenchReport.arguments(args);
        int threads = BenchReport.number(given, "threads", Runtime.getRuntime().availableProcessors());
        int iterations = BenchReport.number(given, "iterations", 5);
        int seconds = BenchReport.number(given, "seconds", 5);
        Path report = Path.of(given.getOrDefault("report", "docs/benchmarks.md"));
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String loadBefore = BenchReport.loadAverage();

        var options = new OptionsBuilder()
                .include(FilingBenchmark.class.getName() + ".filing")
                .forks(1)
                .threads(threads)
                .warmupIterations(3)
                .warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations)
                .measurementTime(TimeValue.seconds(seconds))
                .jvmArgsAppend("-Xmx1g")
                .build();
        Collection<RunResult> results = new Runner(options).run();
        String loadAfter = BenchReport.loadAverage();

        // CPU time per filing, measured on one thread in this JVM: what the work costs whatever else the machine runs.
        var cpuRows = new ArrayList<String>();
        for (String algorithm : List.of("RSA_SHA1", "SM2_SM3")) {
            var bench = new FilingBenchmark();
            bench.algorithm = algorithm;
            bench.setUp();
            var threadMx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int i = 0; i < 3_000; i++) bench.filing();
            int measured = 3_000;
            long cpu = threadMx.getCurrentThreadCpuTime();
            for (int i = 0; i < measured; i++) bench.filing();
            double ms = (threadMx.getCurrentThreadCpuTime() - cpu) / 1e6 / measured;
            cpuRows.add("| %s | %.3f | %,.0f | %,.0f |".formatted(algorithm, ms, 1000 / ms, 1000 / ms * threads));
        }

        var rows = new ArrayList<String>();
        var verdicts = new ArrayList<String>();
        for (RunResult result : results) {
            String algorithm = result.getParams().getParam("algorithm");
            var primary = result.getPrimaryResult();
            double score = primary.getScore();
            double error = primary.getScoreError();
            rows.add("| %s | %d | %,.0f | ± %,.0f | %,.0f | %.2f |"
                    .formatted(
                            algorithm,
                            threads,
                            score,
                            Double.isNaN(error) ? 0 : error,
                            score / threads,
                            1000.0 * threads / score));
            verdicts.add("%s **%s** (%,.0f filings/s)".formatted(algorithm, score >= GOAL ? "met" : "not met", score));
        }
        String command = System.getProperty("eexpo.bench.command", "infra/eexpo bench-filings");
        String revision = System.getProperty("eexpo.bench.revision", "unknown");
        String text = """
                ### %s UTC · build + validate + sign

                - Command: `%s`
                - Machine: %s; load average at start %s, at end %s (the machine is shared: other builds and test runs may have competed for the CPUs)
                - Software: JDK %s %s; BouncyCastle %s; JMH %s, 1 fork, %d threads, %d warm-up and %d measured iterations of %d s
                - Revision: %s
                - One filing = one bonded order (2 lines): `CebMessages.filing` (rules checked) → CEB311 and CEB621 written, signed (enveloped, inclusive C14N), serialised and validated against ceb-import-202205.xsd (`OutgoingMessages.sign`, twice). DXP envelope and transport not included.

                | algorithm | threads | filings/s | error (99.9 %%) | filings/s per thread | ms per filing per thread |
                |---|---:|---:|---:|---:|---:|
                %s

                CPU time per filing (one thread, %s filings after as many for warm-up, in the launching JVM): what the machine's load does not change.

                | algorithm | CPU ms per filing | filings/s per uncontended core | × %d cores |
                |---|---:|---:|---:|
                %s

                Goal ≥ 1,000 filings/s (JMH figure): %s
                """.formatted(
                        started,
                        command,
                        BenchReport.machine(),
                        loadBefore,
                        loadAfter,
                        System.getProperty("java.vm.vendor"),
                        System.getProperty("java.version"),
                        new org.bouncycastle.jce.provider.BouncyCastleProvider().getVersionStr(),
                        org.openjdk.jmh.util.Version.getPlainVersion(),
                        threads,
                        3,
                        iterations,
                        seconds,
                        revision,
                        String.join("\n", rows),
                        "3,000",
                        threads,
                        String.join("\n", cpuRows),
                        String.join("; ", verdicts));
        System.out.println(text);
        if (!report.toString().isBlank()) {
            BenchReport.append(report, "## Customs filing runs", text);
            System.out.println("appended to " + report.toAbsolutePath());
        }
    }
}
