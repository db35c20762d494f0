package cn.eexpo.benchmarks;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.cart.CartFullException;
import cn.eexpo.orders.cart.CartOwner;
import cn.eexpo.orders.cart.CartProperties;
import cn.eexpo.orders.cart.Carts;
import cn.eexpo.orders.cart.InsufficientStockException;
import cn.eexpo.orders.cart.RedisCartStore;
import cn.eexpo.orders.cart.RedisCarts;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Load driver for the cart: the real {@link RedisCarts} and {@link RedisCartStore} (Lua scripts, one shared Lettuce
 * connection per store, flush consolidation, as the application configures them) against the local Redis, with the product look-ups served from memory (a map standing in for
 * a cached {@link ProductCatalog}), so that what is measured is the cart's own work: validation, Redis round trips,
 * scripts and decoding. No Spring, no HTTP.
 *
 * <p>N carts (one in five anonymous, the others accounts), each drawing its SKUs from a pool of 30 of the synthetic
 * products, filled with a few lines first; then a warm-up and a measured run of the mix 50 % get, 30 % add, 10 % set,
 * 5 % remove, 2.5 % merge (a random anonymous cart into a random account's), 2.5 % clear, from many virtual threads.
 * Closed loop by default (each client issues its next operation when the last one answered); with {@code --rate=R}
 * open loop at R operations/s, each latency counted from the moment the operation was due, so that a stall shows in
 * the figures instead of slowing the load (no coordinated omission). Latencies are taken in the client around each
 * {@code Carts} call, into log-linear histograms.
 *
 * <p>Run it with {@code infra/eexpo bench-cart}; arguments {@code --carts=10000 --skus=2000 --clients=64 --rate=0
 * --warmup=10 --duration=30 --connections=1 --seed=1 --redis-host=127.0.0.1 --redis-port=6379 --redis-database=9
 * --key-prefix=eexpo:bench-cart: --report=docs/benchmarks.md}.
 */
public final class CartBenchmark {

    private static final String RUNS = "## Cart runs";
    private static final int POOL = 30;
    /** How often the open loop's pacer releases the operations that fell due (each is still timed from its due time). */
    private static final long PACER_TICK_NANOS = 100_000;

    private static final int STOCK = 1_000_000;

    enum Op {
        GET,
        ADD,
        SET,
        REMOVE,
        MERGE,
        CLEAR
    }

    record Settings(
            int carts,
            int skus,
            int clients,
            int rate,
            int warmupSeconds,
            int durationSeconds,
            int connections,
            long seed,
            String redisHost,
            int redisPort,
            int redisDatabase,
            String keyPrefix,
            String report,
            String command) {

        static Settings parse(String... args) {
            Map<String, String> given = new HashMap<>();
            for (String arg : args) {
                if (arg.startsWith("--") && arg.contains("=")) {
                    given.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
                }
            }
            return new Settings(
                    number(given, "carts", 10_000),
                    number(given, "skus", 2_000),
                    number(given, "clients", 64),
                    number(given, "rate", 0),
                    number(given, "warmup", 10),
                    number(given, "duration", 30),
                    number(given, "connections", 1),
                    number(given, "seed", 1),
                    given.getOrDefault("redis-host", env("SPRING_DATA_REDIS_HOST", "127.0.0.1")),
                    Integer.parseInt(given.getOrDefault("redis-port", env("SPRING_DATA_REDIS_PORT", "6379"))),
                    number(given, "redis-database", 9),
                    given.getOrDefault("key-prefix", "eexpo:bench-cart:"),
                    given.getOrDefault("report", "docs/benchmarks.md"),
                    System.getProperty("eexpo.bench.command", "CartBenchmark " + String.join(" ", args)));
        }

        private static int number(Map<String, String> given, String name, int otherwise) {
            String value = given.get(name);
            return value == null ? otherwise : Integer.parseInt(value.replace("_", ""));
        }

        private static String env(String name, String otherwise) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? otherwise : value;
        }
    }

    private final Settings settings;
    private final List<Sku> skus = new ArrayList<>();
    private final CartOwner[] owners;
    private final int[] anonymous;
    private final int[] accounts;

    CartBenchmark(Settings settings) {
        this.settings = settings;
        for (int i = 0; i < settings.skus(); i++) {
            skus.add(new Sku("BENCH-%06d".formatted(i)));
        }
        owners = new CartOwner[settings.carts()];
        List<Integer> anon = new ArrayList<>();
        List<Integer> acct = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(settings.seed());
        for (int i = 0; i < owners.length; i++) {
            if (i % 5 == 0) {
                byte[] token = new byte[16];
                for (int b = 0; b < token.length; b++) {
                    token[b] = (byte) random.nextInt(256);
                }
                owners[i] = CartOwner.anonymous(HexFormat.of().formatHex(token));
                anon.add(i);
            } else {
                owners[i] = CartOwner.account(1_000_000_000L + i);
                acct.add(i);
            }
        }
        anonymous = anon.stream().mapToInt(Integer::intValue).toArray();
        accounts = acct.stream().mapToInt(Integer::intValue).toArray();
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        String report = new CartBenchmark(settings).run();
        System.out.println();
        System.out.println(report);
        if (!settings.report().isBlank()) {
            BenchReport.append(Path.of(settings.report()), RUNS, report);
            System.out.println(
                    "[bench-cart] appended to " + Path.of(settings.report()).toAbsolutePath());
        }
        System.exit(0);
    }

    String run() throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String loadAtStart = BenchReport.loadAverage();
        RedisURI uri = RedisURI.builder()
                .withHost(settings.redisHost())
                .withPort(settings.redisPort())
                .withDatabase(settings.redisDatabase())
                .withTimeout(Duration.ofSeconds(2))
                .build();
        ProductCatalog catalog = inMemoryCatalog();
        CartProperties properties = new CartProperties(settings.keyPrefix(), Duration.ofDays(30));
        // As the application configures it (CartConfiguration): flush consolidation on the store's connections.
        ClientResources resources = RedisCartStore.withFlushConsolidation(DefaultClientResources.create());
        List<RedisCartStore> stores = new ArrayList<>();
        List<Carts> carts = new ArrayList<>();
        for (int i = 0; i < settings.connections(); i++) {
            RedisClient client = RedisClient.create(resources, uri);
            RedisCartStore store = new RedisCartStore(client, properties, Duration.ofSeconds(2));
            stores.add(store);
            carts.add(new RedisCarts(store, catalog));
        }
        RedisClient admin = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> adminConnection = admin.connect()) {
            RedisCommands<String, String> redis = adminConnection.sync();
            String redisVersion = info(redis.info("server"), "redis_version");
            deleteKeys(redis);

            log("filling %,d carts with about 5 lines each".formatted(settings.carts()));
            long fillStart = System.nanoTime();
            fill(carts);
            double fillSeconds = (System.nanoTime() - fillStart) / 1e9;

            log("warm-up: %d s".formatted(settings.warmupSeconds()));
            drive(carts, settings.warmupSeconds(), settings.seed() + 1);

            log("measuring: %d s, %s".formatted(settings.durationSeconds(), load()));
            double redisCpuBefore = redisCpu(redis);
            Map<String, long[]> commandsBefore = commandStats(redis);
            long clientCpuBefore = clientCpuNanos();
            long allocatedBefore = allocatedBytes();
            long start = System.nanoTime();
            Result result = drive(carts, settings.durationSeconds(), settings.seed() + 2);
            double wall = (System.nanoTime() - start) / 1e9;
            double redisCores = (redisCpu(redis) - redisCpuBefore) / wall;
            String commands = commandCosts(commandsBefore, commandStats(redis));
            double clientCores = (clientCpuNanos() - clientCpuBefore) / 1e9 / wall;
            double allocatedPerOp =
                    (allocatedBytes() - allocatedBefore) / (double) result.all().count();
            String loadAtEnd = BenchReport.loadAverage();
            String keys = "%,d keys, %s".formatted(redis.dbsize(), info(redis.info("memory"), "used_memory_human"));

            deleteKeys(redis);
            stores.forEach(RedisCartStore::close);
            return report(
                    started,
                    loadAtStart,
                    loadAtEnd,
                    redisVersion,
                    result,
                    wall,
                    redisCores,
                    clientCores,
                    fillSeconds,
                    keys,
                    commands,
                    allocatedPerOp);
        } finally {
            admin.shutdown();
            resources.shutdown();
        }
    }

    private String load() {
        return settings.rate() > 0
                ? "open loop at %,d ops/s over %d clients".formatted(settings.rate(), settings.clients())
                : "closed loop, %d clients".formatted(settings.clients());
    }

    /** Every cart gets 3 to 7 lines from its pool, from the same clients as the run. */
    private void fill(List<Carts> carts) throws Exception {
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < settings.clients(); c++) {
                int client = c;
                running.add(threads.submit(() -> {
                    SplittableRandom random = new SplittableRandom(settings.seed() * 31 + client);
                    for (int cart = client; cart < owners.length; cart += settings.clients()) {
                        int lines = 3 + random.nextInt(5);
                        for (int l = 0; l < lines; l++) {
                            carts.get(cart % carts.size()).add(owners[cart], sku(cart, random), 1 + random.nextInt(3));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        }
    }

    record Result(Map<Op, LatencyHistogram> byOp, LatencyHistogram all, long refused) {}

    private Result drive(List<Carts> carts, int seconds, long seed) throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        long begin = System.nanoTime();
        long end = begin + Duration.ofSeconds(seconds).toNanos();
        int clients = settings.clients();
        double interval = settings.rate() > 0 ? 1e9 / settings.rate() : 0;
        // Open loop: one pacer releases the operations as they fall due and idle clients take them in order, each
        // timed from its due moment. A client parking on a timer of its own for every operation cost the client
        // about a fifth more CPU per operation at 50,000 a second, on the cores the cart shares with Redis.
        Semaphore dueOperations = new Semaphore(0);
        AtomicLong taken = new AtomicLong();
        List<Future<Worker>> running = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int c = 0; c < clients; c++) {
                Worker worker = new Worker(new SplittableRandom(seed * 1_000_003 + c), carts.get(c % carts.size()));
                running.add(threads.submit(() -> {
                    while (!stop.get()) {
                        long due;
                        if (interval > 0) {
                            dueOperations.acquire();
                            if (stop.get()) {
                                break;
                            }
                            due = begin + (long) (taken.getAndIncrement() * interval);
                        } else {
                            due = System.nanoTime();
                        }
                        if (due >= end) {
                            break;
                        }
                        worker.once(due);
                    }
                    return worker;
                }));
            }
            long released = 0;
            long now;
            while ((now = System.nanoTime()) < end) {
                if (interval > 0) {
                    long due = (long) ((now - begin) / interval) + 1;
                    dueOperations.release(Math.toIntExact(due - released));
                    released = due;
                    LockSupport.parkNanos(PACER_TICK_NANOS);
                } else {
                    Thread.sleep(Math.max(1, (end - now) / 1_000_000));
                }
            }
            stop.set(true);
            dueOperations.release(clients);
            Map<Op, LatencyHistogram> byOp = new HashMap<>();
            for (Op op : Op.values()) {
                byOp.put(op, new LatencyHistogram());
            }
            LatencyHistogram all = new LatencyHistogram();
            long refused = 0;
            for (Future<Worker> future : running) {
                Worker worker = future.get();
                for (Op op : Op.values()) {
                    byOp.get(op).add(worker.latencies[op.ordinal()]);
                    all.add(worker.latencies[op.ordinal()]);
                }
                refused += worker.refused;
            }
            return new Result(byOp, all, refused);
        }
    }

    /** One client: its own random numbers and histograms, so that recording needs no locks. */
    private final class Worker {

        final SplittableRandom random;
        final Carts carts;
        final LatencyHistogram[] latencies = new LatencyHistogram[Op.values().length];
        long refused;

        Worker(SplittableRandom random, Carts carts) {
            this.random = random;
            this.carts = carts;
            for (int i = 0; i < latencies.length; i++) {
                latencies[i] = new LatencyHistogram();
            }
        }

        void once(long due) {
            int dice = random.nextInt(1000);
            Op op = dice < 500
                    ? Op.GET
                    : dice < 800
                            ? Op.ADD
                            : dice < 900 ? Op.SET : dice < 950 ? Op.REMOVE : dice < 975 ? Op.MERGE : Op.CLEAR;
            int cart = random.nextInt(owners.length);
            CartOwner owner = owners[cart];
            try {
                switch (op) {
                    case GET -> carts.get(owner);
                    case ADD -> carts.add(owner, sku(cart, random), 1 + random.nextInt(3));
                    case SET -> carts.set(owner, sku(cart, random), random.nextInt(6));
                    case REMOVE -> carts.remove(owner, sku(cart, random));
                    case MERGE ->
                        carts.merge(
                                owners[anonymous[random.nextInt(anonymous.length)]],
                                owners[accounts[random.nextInt(accounts.length)]]);
                    case CLEAR -> carts.clear(owner);
                }
            } catch (CartFullException | InsufficientStockException e) {
                refused++;
            }
            latencies[op.ordinal()].record(System.nanoTime() - due);
        }
    }

    /** A cart's SKUs come from a pool of its own, so that sets and removes mostly find the line. */
    private Sku sku(int cart, SplittableRandom random) {
        return skus.get((cart * 7 + random.nextInt(POOL)) % skus.size());
    }

    /** Every synthetic product listed with plenty of stock: the cart's checks pass without touching PostgreSQL. */
    private ProductCatalog inMemoryCatalog() {
        Map<Sku, ProductDetails> products = new HashMap<>();
        ProductDetails.Warehouse warehouse =
                new ProductDetails.Warehouse("HNBLC", "BONDED", "河南保税物流中心", "Henan BLC", "4612", null, null, null);
        for (Sku sku : skus) {
            products.put(
                    sku,
                    new ProductDetails(
                            sku.value(),
                            new ProductDetails.Party("bench", "基准", "Bench", "0000000000"),
                            new ProductDetails.Named("bench", "基准", "Bench"),
                            "Bench",
                            "基准",
                            "基准商品 " + sku,
                            "Bench product " + sku,
                            "",
                            "",
                            "1901101000",
                            new ProductDetails.Country("303", "GB", "英国", "United Kingdom"),
                            "122",
                            "035",
                            BigDecimal.ONE,
                            BigDecimal.ONE,
                            BigDecimal.ONE,
                            new BigDecimal("99.00"),
                            "CNY",
                            new BigDecimal("0.13"),
                            BigDecimal.ZERO,
                            BigDecimal.ZERO,
                            "1210",
                            warehouse,
                            null,
                            null,
                            null,
                            STOCK));
        }
        return new ProductCatalog() {
            @Override
            public Optional<ProductDetails> find(Sku sku) {
                return Optional.ofNullable(products.get(sku));
            }

            @Override
            public Optional<ProductDetails.Warehouse> warehouse(String code) {
                return Optional.of(warehouse);
            }
        };
    }

    private String report(
            String started,
            String loadAtStart,
            String loadAtEnd,
            String redisVersion,
            Result result,
            double wall,
            double redisCores,
            double clientCores,
            double fillSeconds,
            String keys,
            String commands,
            double allocatedPerOp) {
        LatencyHistogram all = result.all();
        double opsPerSecond = all.count() / wall;
        double p99 = all.percentileMillis(99);
        boolean met = p99 <= 2.0 && opsPerSecond >= 50_000;
        StringBuilder md = new StringBuilder();
        md.append("### ").append(started).append(" UTC · ").append(load()).append("\n\n");
        md.append("- Command: `").append(settings.command()).append("`\n");
        md.append("- Machine: ")
                .append(BenchReport.machine())
                .append("; load average at start ")
                .append(loadAtStart)
                .append(", at end ")
                .append(loadAtEnd)
                .append(" (the machine is shared: other builds and test runs may have competed for the CPUs)\n");
        md.append("- Software: JDK %s %s, Lettuce %s, Redis %s on the same machine (database %d)\n"
                .formatted(
                        System.getProperty("java.vm.vendor"),
                        Runtime.version(),
                        Optional.ofNullable(RedisClient.class.getPackage().getImplementationVersion())
                                .orElse("?"),
                        redisVersion,
                        settings.redisDatabase()));
        md.append("- Revision: ")
                .append(System.getProperty("eexpo.bench.revision", "unknown"))
                .append('\n');
        md.append(
                ("- Load: %,d carts (1 in 5 anonymous), %,d SKUs (each cart draws from 30), filled with 3–7 lines each"
                                + " in %.1f s; %d s warm-up, %d s measured; %d Lettuce connection(s); product look-ups from memory\n")
                        .formatted(
                                settings.carts(),
                                settings.skus(),
                                fillSeconds,
                                settings.warmupSeconds(),
                                settings.durationSeconds(),
                                settings.connections()));
        double clientMicros = clientCores * 1e6 / opsPerSecond;
        double redisMicros = redisCores * 1e6 / opsPerSecond;
        md.append(
                ("- CPU during the measured run: client %.2f cores, Redis %.2f cores (of %d), that is %.1f µs and %.1f µs"
                                + " of CPU per operation: two idle cores would carry at most about %,.0f ops/s of this mix;"
                                + " Redis at the end: %s\n")
                        .formatted(
                                clientCores,
                                redisCores,
                                Runtime.getRuntime().availableProcessors(),
                                clientMicros,
                                redisMicros,
                                Runtime.getRuntime().availableProcessors() * 1e6 / (clientMicros + redisMicros),
                                keys));
        md.append("- Client allocation: %,.0f bytes per operation (what its garbage collector has to clear)\n"
                .formatted(allocatedPerOp));
        md.append("- Redis's own time per command during the run (`INFO commandstats`; the server is shared, so other"
                        + " programs' commands count too): ")
                .append(commands)
                .append("\n\n");
        md.append("| operation | count | ops/s | mean ms | p50 ms | p99 ms | p99.9 ms | max ms |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Op op : Op.values()) {
            md.append(line(
                    op.name().toLowerCase(java.util.Locale.ROOT), result.byOp().get(op), wall));
        }
        md.append(line("**all**", all, wall));
        md.append('\n');
        if (result.refused() > 0) {
            md.append("Refused writes (cart full or out of stock), counted as adds: %,d.\n\n"
                    .formatted(result.refused()));
        }
        md.append("Goal p99 ≤ 2 ms at ≥ 50,000 ops/s: **%s** (p99 %s ms at %,.0f ops/s)\n"
                .formatted(met ? "met" : "not met", ms(p99), opsPerSecond));
        return md.toString();
    }

    private static String line(String name, LatencyHistogram h, double wall) {
        return "| %s | %,d | %,.0f | %s | %s | %s | %s | %s |\n"
                .formatted(
                        name,
                        h.count(),
                        h.count() / wall,
                        ms(h.meanMillis()),
                        ms(h.percentileMillis(50)),
                        ms(h.percentileMillis(99)),
                        ms(h.percentileMillis(99.9)),
                        ms(h.maxMillis()));
    }

    private static String ms(double millis) {
        return millis < 10 ? "%.2f".formatted(millis) : "%,.0f".formatted(millis);
    }

    private void deleteKeys(RedisCommands<String, String> redis) {
        ScanCursor cursor = ScanCursor.INITIAL;
        ScanArgs match = ScanArgs.Builder.matches(settings.keyPrefix() + "*").limit(1_000);
        do {
            KeyScanCursor<String> page = redis.scan(cursor, match);
            if (!page.getKeys().isEmpty()) {
                redis.unlink(page.getKeys().toArray(String[]::new));
            }
            cursor = page;
        } while (!cursor.isFinished());
    }

    /** Calls and microseconds per command since Redis started, from {@code INFO commandstats}. */
    private static Map<String, long[]> commandStats(RedisCommands<String, String> redis) {
        Map<String, long[]> stats = new HashMap<>();
        for (String line : redis.info("commandstats").split("\r?\n")) {
            if (!line.startsWith("cmdstat_")) {
                continue;
            }
            String name = line.substring("cmdstat_".length(), line.indexOf(':'));
            long calls = 0;
            long usec = 0;
            for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
                if (field.startsWith("calls=")) {
                    calls = Long.parseLong(field.substring(6));
                } else if (field.startsWith("usec=")) {
                    usec = Long.parseLong(field.substring(5));
                }
            }
            stats.put(name, new long[] {calls, usec});
        }
        return stats;
    }

    private static String commandCosts(Map<String, long[]> before, Map<String, long[]> after) {
        StringBuilder text = new StringBuilder();
        for (String command : List.of("evalsha", "eval", "hgetall", "del")) {
            long[] now = after.getOrDefault(command, new long[2]);
            long[] then = before.getOrDefault(command, new long[2]);
            long calls = now[0] - then[0];
            if (calls > 0) {
                text.append(text.isEmpty() ? "" : ", ")
                        .append("%s %.1f µs (%,d calls)"
                                .formatted(
                                        command.toUpperCase(java.util.Locale.ROOT),
                                        (now[1] - then[1]) / (double) calls,
                                        calls));
            }
        }
        return text.toString();
    }

    private static double redisCpu(RedisCommands<String, String> redis) {
        String info = redis.info("cpu");
        return Double.parseDouble(info(info, "used_cpu_user")) + Double.parseDouble(info(info, "used_cpu_sys"));
    }

    /** Bytes allocated by all threads of the client (virtual threads' allocation counts on their carriers). */
    private static long allocatedBytes() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getTotalThreadAllocatedBytes();
    }

    private static long clientCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String info(String info, String field) {
        for (String line : info.split("\r?\n")) {
            if (line.startsWith(field + ":")) {
                return line.substring(field.length() + 1).trim();
            }
        }
        return "?";
    }

    private static void log(String message) {
        System.out.println("[bench-cart] " + message);
    }
}
