package cn.eexpo.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Load driver for the storefront's Vaadin UI: holds N concurrent anonymous browsing sessions against the running
 * application ({@code infra/eexpo run}), each going home → search → facet → product → add to cart and round again,
 * with think time between steps. It speaks Vaadin's own protocol as the browser does: the bootstrap page, the
 * {@code v-r=init} request that creates the UI, then UIDL requests ({@code v-r=uidl}) carrying the router's
 * {@code ui-navigate} events and the click on the add-to-cart button (found by its id in the server's changes), with
 * the session's CSRF token, sync id and client id. Browser-side work (rendering, JavaScript) is not simulated; the
 * server's work for a session is.
 *
 * <p>Reports the server round trip per step (p50/p95/p99, measured after the ramp-up) with the mean size of its answers,
 * the application's collector and heap limit, its CPU and the driver's, and the heap per session: the application's live heap after a full GC ({@code jcmd GC.run}, then
 * {@code GC.heap_info}) with the sessions held (once the application has worked off the requests still queued), less
 * the same before they were opened, divided by the number of sessions held. Before that baseline, a few warm-up
 * shoppers go once through every step without thinking, so that what the application keeps for all sessions alike
 * (search results shared for 20 s, class and route metadata, connection pools' buffers) is in the baseline and not
 * counted against the sessions; their own sessions stay open and count in the baseline. The JIT is not warmed that
 * way: a run just after the application started pays for its compilation.
 *
 * <p>Options: {@code --url=http://localhost:8080 --sessions=2000 --ramp=60 --seconds=120 --think=5000 --pid=<app>
 * --query=奶粉 --warmup-sessions=20 --report=docs/benchmarks.md}.
 */
public final class BrowsingLoad {

    private static final String SECTION = "## Storefront sessions (issue 6)";
    private static final Pattern SYNC_ID = Pattern.compile("\"syncId\":(-?\\d+)");
    private static final Pattern CLIENT_ID = Pattern.compile("\"clientId\":(\\d+)");
    private static final Pattern SECURITY_KEY = Pattern.compile("\"Vaadin-Security-Key\":\"([^\"]+)\"");
    private static final Pattern UI_ID = Pattern.compile("\"v-uiId\":(\\d+)");
    private static final String CLICK = "{\"event.shiftKey\":false,\"event.metaKey\":false,\"event.detail\":1,"
            + "\"event.ctrlKey\":false,\"event.clientX\":400,\"event.clientY\":500,\"event.altKey\":false,"
            + "\"event.button\":0,\"event.screenY\":600,\"event.screenX\":400}";
    private static final String[] STEPS = {"home", "search", "facet", "product", "add-to-cart"};

    private final URI base;
    private final HttpClient http;
    private final String query;
    private final List<String> brands;
    private final List<String> skus;
    private final int thinkMillis;
    private final AtomicBoolean measuring = new AtomicBoolean();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final Histograms[] histograms = new Histograms[STEPS.length];
    /** Characters of the answers to each step while measuring, for their mean size. */
    private final LongAdder[] answerChars = new LongAdder[STEPS.length];

    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong reopened = new AtomicLong();
    /** Sessions opened after the warm-up: the shoppers' first ones and those opened again after a failure. */
    private final AtomicLong sessionsOpened = new AtomicLong();
    /** True while the warm-up shoppers go through the steps: no thinking, no sessions counted. */
    private volatile boolean warmingUp;

    private int warmedUp;
    private final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();

    private BrowsingLoad(URI base, String query, List<String> brands, List<String> skus, int thinkMillis) {
        this.base = base;
        this.query = query;
        this.brands = brands;
        this.skus = skus;
        this.thinkMillis = thinkMillis;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
        for (int i = 0; i < STEPS.length; i++) {
            histograms[i] = new Histograms();
            answerChars[i] = new LongAdder();
        }
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> given = BenchReport.arguments(args);
        URI base = URI.create(given.getOrDefault("url", "http://localhost:8080"));
        int sessions = BenchReport.number(given, "sessions", 2000);
        int ramp = BenchReport.number(given, "ramp", 60);
        int seconds = BenchReport.number(given, "seconds", 120);
        int think = BenchReport.number(given, "think", 5000);
        int warmup = BenchReport.number(given, "warmup-sessions", 20);
        String query = given.getOrDefault("query", "奶粉");
        long pid = Long.parseLong(given.getOrDefault("pid", "0"));
        if (pid <= 0) {
            throw new IllegalArgumentException(
                    "--pid=<the application's process id> is required (infra/eexpo passes it)");
        }
        String command = System.getProperty("eexpo.bench.command", "BrowsingLoad");
        String loadAtStart = BenchReport.loadAverage();
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

        // What the shoppers will look at: products and brands the search finds.
        JsonMapper json = JsonMapper.builder().build();
        HttpClient plain = HttpClient.newHttpClient();
        String found = plain.send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/catalog/search?size=50&q="
                                        + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        JsonNode result = json.readTree(found);
        List<String> skus = new ArrayList<>();
        result.get("items").forEach(item -> skus.add(item.get("sku").asString()));
        List<String> brands = new ArrayList<>();
        result.get("facets").get("brand").forEach(b -> brands.add(b.get("value").asString()));
        if (skus.isEmpty() || brands.isEmpty()) {
            throw new IllegalStateException("the search for " + query + " found nothing: load the demo catalog first");
        }

        BrowsingLoad load = new BrowsingLoad(base, query, brands, skus, think);
        load.warmUp(warmup);
        String appJvm = collector(pid);
        long heapBefore = liveHeapKiB(pid);
        System.out.printf("live heap before the sessions (%d warm-up sessions held): %,d KiB%n", warmup, heapBefore);

        CountDownLatch opened = new CountDownLatch(sessions);
        try (ExecutorService shoppers = Executors.newVirtualThreadPerTaskExecutor()) {
            long rampNanos = Duration.ofSeconds(ramp).toNanos();
            long t0 = System.nanoTime();
            for (int i = 0; i < sessions; i++) {
                long startAt = t0 + rampNanos * i / sessions;
                shoppers.submit(() -> load.shop(startAt, opened));
            }
            opened.await();
            System.out.printf(
                    "%,d sessions opened after %.1f s; measuring for %d s%n",
                    sessions, (System.nanoTime() - t0) / 1e9, seconds);
            long appCpuStart = cpuNanos(pid);
            long driverCpuStart = driverCpuNanos();
            long wallStart = System.nanoTime();
            load.measuring.set(true);
            Thread.sleep(Duration.ofSeconds(seconds));
            load.measuring.set(false);
            long wall = System.nanoTime() - wallStart;
            double appCores = (cpuNanos(pid) - appCpuStart) / (double) wall;
            double driverCores = (driverCpuNanos() - driverCpuStart) / (double) wall;
            load.stopping.set(true);
            shoppers.shutdownNow();
            // Requests still queued in the application hold their buffers and answers: not what a session holds.
            double settled = awaitIdle(pid);
            System.out.printf("application settled at %.2f cores%n", settled);

            long heapWith = liveHeapKiB(pid);
            System.out.printf("live heap with %,d sessions: %,d KiB%n", sessions, heapWith);
            String report = load.report(
                    started,
                    command,
                    loadAtStart,
                    sessions,
                    ramp,
                    seconds,
                    appJvm,
                    heapBefore,
                    heapWith,
                    appCores,
                    driverCores,
                    wall);
            System.out.println(report);
            String file = given.get("report");
            if (file != null && !file.isBlank()) {
                BenchReport.append(Path.of(file), SECTION, report);
            }
        }
        System.exit(0);
    }

    /**
     * One shopper: opens the shop at its time in the ramp, then browses until the run ends, keeping its session. A
     * request that fails or times out is counted and the shopper starts over with a new session, as a person reloading
     * the page would.
     */
    private void shop(long startAt, CountDownLatch opened) {
        boolean counted = false;
        try {
            long wait = startAt - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            Session session = null;
            while (!stopping.get()) {
                try {
                    if (session == null) {
                        Session fresh = new Session();
                        try {
                            timed(0, fresh::open);
                        } finally {
                            // The ramp is over for this shopper once it tried, whether or not the shop answered.
                            if (!counted) {
                                opened.countDown();
                                counted = true;
                            }
                        }
                        session = fresh;
                    }
                    browse(
                            session,
                            brands.get(random.nextInt(brands.size())),
                            skus.get(random.nextInt(skus.size())),
                            random);
                } catch (IOException | IllegalStateException e) {
                    error(e.getClass().getSimpleName());
                    session = null;
                    think(random);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!counted) {
                opened.countDown();
            }
        }
    }

    /**
     * Shoppers who open the shop and go once through every step, one after another and without thinking, each with
     * the next brand and product. Their sessions stay open.
     */
    private void warmUp(int shoppers) throws IOException, InterruptedException {
        warmingUp = true;
        try {
            for (int i = 0; i < shoppers; i++) {
                Session session = new Session();
                session.open();
                browse(session, brands.get(i % brands.size()), skus.get(i % skus.size()), ThreadLocalRandom.current());
            }
        } finally {
            warmingUp = false;
        }
        warmedUp = shoppers;
    }

    /** One round: search, a brand, a product, into the cart, home again. */
    private void browse(Session session, String brand, String sku, ThreadLocalRandom random)
            throws IOException, InterruptedException {
        think(random);
        timed(1, () -> session.navigate("search", "q=" + encode(query)));
        think(random);
        timed(2, () -> session.navigate("search", "q=" + encode(query) + "&brand=" + encode(brand)));
        think(random);
        String page = timed(3, () -> session.navigate("product/" + sku, ""));
        think(random);
        Integer button = session.nodeWithId(page, "add-to-cart");
        if (button != null) {
            timed(4, () -> session.click(button));
        } else {
            error("no add-to-cart button on the product page (" + whatCame(page) + ")");
        }
        think(random);
        timed(0, () -> session.navigate("", ""));
    }

    /** What an answer without the product page was, as far as its changes tell. */
    private static String whatCame(String answer) {
        if (answer.contains("\"product-not-found\"")) {
            return "product not found";
        }
        if (answer.contains("\"product-name\"")) {
            return "the product, its button unchanged";
        }
        if (!answer.contains("\"changes\"")) {
            return "no changes";
        }
        if (answer.contains("There was an exception while trying to navigate")) {
            // Vaadin's error view: the application's log says why (under overload, no database connection in time).
            return "an error page";
        }
        return "other changes";
    }

    private void think(ThreadLocalRandom random) throws InterruptedException {
        if (warmingUp) {
            return;
        }
        // Uniform between half and one and a half times the mean: shoppers do not click in step.
        Thread.sleep(thinkMillis / 2 + random.nextInt(Math.max(1, thinkMillis)));
        if (stopping.get()) {
            throw new InterruptedException("run over");
        }
    }

    private interface Step {
        String run() throws IOException, InterruptedException;
    }

    private String timed(int step, Step action) throws IOException, InterruptedException {
        long start = System.nanoTime();
        String answer = action.run();
        long took = System.nanoTime() - start;
        if (measuring.get()) {
            histograms[step].record(took);
            answerChars[step].add(answer.length());
        }
        return answer;
    }

    private void error(String kind) {
        errors.incrementAndGet();
        errorKinds.computeIfAbsent(kind, k -> new AtomicLong()).incrementAndGet();
    }

    /** A browser tab: its cookies, its UI and where it is in the conversation with the server. */
    private final class Session {

        private final Map<String, String> cookies = new HashMap<>();
        private String csrfToken = "";
        private int uiId;
        private int syncId;
        private int clientId;

        /** The bootstrap page, the UI's creation and the router's first navigation, as a browser opening the shop. */
        String open() throws IOException, InterruptedException {
            send(HttpRequest.newBuilder(base.resolve("/")).GET());
            String init = send(HttpRequest.newBuilder(base.resolve("/?v-r=init&location=&query=&v-sw=1280&v-sh=900"
                                    + "&v-ww=1280&v-wh=900&v-bw=1280&v-bh=900&v-tzo=-480&v-rtzo=-480&v-dstd=0"
                                    + "&v-dston=false&v-tzid=Asia%2FShanghai&v-curdate=" + System.currentTimeMillis()
                                    + "&v-td=false&v-pr=1&v-wn=v-"
                                    + ThreadLocalRandom.current().nextLong()))
                            .GET())
                    .body();
            if (!warmingUp) {
                sessionsOpened.incrementAndGet();
            }
            csrfToken = group(SECURITY_KEY, init, "the security key");
            uiId = Integer.parseInt(group(UI_ID, init, "the UI id"));
            syncId = Integer.parseInt(group(SYNC_ID, init, "the sync id"));
            clientId = Integer.parseInt(group(CLIENT_ID, init, "the client id"));
            return navigate("", "");
        }

        String navigate(String route, String queryString) throws IOException, InterruptedException {
            return uidl("{\"type\":\"event\",\"node\":1,\"event\":\"ui-navigate\",\"data\":{\"route\":\"" + route
                    + "\",\"query\":\"" + queryString
                    + "\",\"appShellTitle\":\"\",\"historyState\":{\"idx\":0},\"trigger\":\"link\"}}");
        }

        String click(int node) throws IOException, InterruptedException {
            return uidl("{\"type\":\"event\",\"node\":" + node + ",\"event\":\"click\",\"data\":" + CLICK + "}");
        }

        /** The node of the element the server gave this id, from the changes it sent. */
        Integer nodeWithId(String changes, String id) {
            Matcher m = Pattern.compile("\"node\":(\\d+),\"type\":\"put\",\"key\":\"id\",\"feat\":\\d+,\"value\":\""
                            + Pattern.quote(id) + "\"")
                    .matcher(changes);
            return m.find() ? Integer.valueOf(m.group(1)) : null;
        }

        private String uidl(String rpc) throws IOException, InterruptedException {
            String body = "{\"csrfToken\":\"" + csrfToken + "\",\"rpc\":[" + rpc + "],\"syncId\":" + syncId
                    + ",\"clientId\":" + clientId + "}";
            String answer = send(HttpRequest.newBuilder(base.resolve("/?v-r=uidl&v-uiId=" + uiId))
                            .header("Content-Type", "application/json; charset=UTF-8")
                            .POST(HttpRequest.BodyPublishers.ofString(body)))
                    .body();
            if (answer.contains("\"appError\"")
                    || answer.contains("sessionExpired")
                    || answer.contains("\"resynchronize\"")) {
                error(answer.contains("appError") ? "application error" : "session lost");
                reopened.incrementAndGet();
                cookies.clear();
                open();
                return answer;
            }
            Matcher sync = SYNC_ID.matcher(answer);
            if (sync.find()) {
                syncId = Integer.parseInt(sync.group(1));
            }
            Matcher client = CLIENT_ID.matcher(answer);
            if (client.find()) {
                clientId = Integer.parseInt(client.group(1));
            }
            return answer;
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
            if (!cookies.isEmpty()) {
                StringBuilder header = new StringBuilder();
                cookies.forEach((name, value) -> header.append(header.isEmpty() ? "" : "; ")
                        .append(name)
                        .append('=')
                        .append(value));
                request.header("Cookie", header.toString());
            }
            HttpResponse<String> response = http.send(
                    request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(
                            pair.substring(0, eq).strip(),
                            pair.substring(eq + 1).strip());
                }
            }
            if (response.statusCode() != 200) {
                error("HTTP " + response.statusCode());
            }
            return response;
        }
    }

    private static String group(Pattern pattern, String text, String what) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(
                    "the server's answer has no " + what + ": " + text.substring(0, Math.min(200, text.length())));
        }
        return m.group(1);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Latencies of one step from many threads: a few stripes, each a histogram behind its own lock. */
    private static final class Histograms {

        private final LatencyHistogram[] stripes = new LatencyHistogram[16];

        Histograms() {
            for (int i = 0; i < stripes.length; i++) {
                stripes[i] = new LatencyHistogram();
            }
        }

        void record(long nanos) {
            LatencyHistogram stripe = stripes[(int) (Thread.currentThread().threadId() & (stripes.length - 1))];
            synchronized (stripe) {
                stripe.record(nanos);
            }
        }

        LatencyHistogram merged() {
            LatencyHistogram all = new LatencyHistogram();
            for (LatencyHistogram stripe : stripes) {
                synchronized (stripe) {
                    all.add(stripe);
                }
            }
            return all;
        }
    }

    /**
     * Waits until the application has worked off what it was sent: its CPU over a second below a tenth of a core, or
     * 60 seconds at most. Returns the cores it used in the last second.
     */
    private static double awaitIdle(long pid) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        double cores;
        do {
            long cpu = cpuNanos(pid);
            long wall = System.nanoTime();
            Thread.sleep(Duration.ofSeconds(1));
            cores = (cpuNanos(pid) - cpu) / (double) (System.nanoTime() - wall);
        } while (cores >= 0.1 && System.nanoTime() < deadline);
        return cores;
    }

    /** The application's live heap: a full GC first, then the heap in use as the JVM reports it. */
    private static long liveHeapKiB(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        String info = jcmd(pid, "GC.heap_info");
        // G1 and Parallel report kilobytes ("used 352785K"); ZGC megabytes ("used 128M").
        Matcher used = Pattern.compile("used (\\d+)([KMG])").matcher(info);
        if (!used.find()) {
            throw new IllegalStateException("jcmd GC.heap_info said: " + info);
        }
        long amount = Long.parseLong(used.group(1));
        return switch (used.group(2)) {
            case "G" -> amount * 1024 * 1024;
            case "M" -> amount * 1024;
            default -> amount;
        };
    }

    /** The application's garbage collector and maximum heap, from its flags (e.g. "ZGC, heap at most 2,048 MiB"). */
    private static String collector(long pid) throws IOException, InterruptedException {
        String flags = jcmd(pid, "VM.flags");
        Matcher gc = Pattern.compile("-XX:\\+Use(\\w+)GC\\b").matcher(flags);
        Matcher max = Pattern.compile("-XX:MaxHeapSize=(\\d+)").matcher(flags);
        String name = gc.find() ? gc.group(1) + "GC" : "the default collector";
        return max.find() ? String.format("%s, heap at most %,d MiB", name, Long.parseLong(max.group(1)) >> 20) : name;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(jcmd.toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + pid + " " + command + " failed: " + out);
        }
        return out;
    }

    /** User and system CPU time of a process, from /proc (clock ticks of 10 ms). */
    private static long cpuNanos(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 10_000_000L;
    }

    private static long driverCpuNanos() throws IOException {
        return cpuNanos(ProcessHandle.current().pid());
    }

    private String report(
            ZonedDateTime started,
            String command,
            String loadAtStart,
            int sessions,
            int ramp,
            int seconds,
            String appJvm,
            long heapBefore,
            long heapWith,
            double appCores,
            double driverCores,
            long wallNanos) {
        StringBuilder md = BenchReport.heading(
                started,
                command,
                loadAtStart,
                BenchReport.loadAverage(),
                "; the application, its services and this driver on the same machine");
        md.append("- Run: ")
                .append(warmedUp)
                .append(" warm-up sessions once through every step, then ")
                .append(String.format("%,d", sessions))
                .append(" anonymous sessions opened over ")
                .append(ramp)
                .append(" s, then measured for ")
                .append(seconds)
                .append(" s; think time ")
                .append(thinkMillis / 2)
                .append("–")
                .append(thinkMillis * 3 / 2)
                .append(" ms between steps; search text “")
                .append(query)
                .append("”, ")
                .append(brands.size())
                .append(" brands, ")
                .append(skus.size())
                .append(" products; the application's JVM: ")
                .append(appJvm)
                .append("\n\n");
        md.append("| step | requests | p50 ms | p95 ms | p99 ms | max ms | answer, chars |\n"
                + "|---|---:|---:|---:|---:|---:|---:|\n");
        LatencyHistogram all = new LatencyHistogram();
        long chars = 0;
        for (int i = 0; i < STEPS.length; i++) {
            LatencyHistogram h = histograms[i].merged();
            all.add(h);
            chars += answerChars[i].sum();
            row(md, STEPS[i], h, answerChars[i].sum());
        }
        row(md, "**all**", all, chars);
        double perSecond = all.count() / (wallNanos / 1e9);
        // Every session opened is still held (they expire after 30 minutes), the reopened ones too.
        long held = Math.max(sessions, sessionsOpened.get());
        long perSession = (heapWith - heapBefore) * 1024 / held;
        md.append("\n- Throughput: ")
                .append(String.format("%,.0f", perSecond))
                .append(" server round trips/s; errors ")
                .append(errors.get())
                .append(errorKinds.isEmpty() ? "" : " " + errorKinds)
                .append(", sessions reopened ")
                .append(reopened.get())
                .append("\n");
        md.append("- CPU: application ")
                .append(String.format("%.2f", appCores))
                .append(" cores (")
                .append(String.format("%.1f", perSecond == 0 ? 0 : appCores * 1000 / perSecond))
                .append(" ms per round trip), driver ")
                .append(String.format("%.2f", driverCores))
                .append(" cores (of ")
                .append(Runtime.getRuntime().availableProcessors())
                .append(")\n");
        md.append("- Live heap after a full GC: ")
                .append(String.format("%,d", heapBefore))
                .append(" KiB without the sessions (after the warm-up), ")
                .append(String.format("%,d", heapWith))
                .append(" KiB with them, once the application had worked off what was still queued; ")
                .append(String.format("%,d", held))
                .append(" sessions held (opened again after a failure included): **")
                .append(String.format("%,.1f", perSession / 1024.0))
                .append(" KiB per session**\n");
        md.append("- Measured at ").append(Instant.now()).append('\n');
        return md.toString();
    }

    private static void row(StringBuilder md, String step, LatencyHistogram h, long chars) {
        md.append("| ")
                .append(step)
                .append(" | ")
                .append(String.format("%,d", h.count()))
                .append(" | ")
                .append(String.format("%.1f", h.percentileMillis(50)))
                .append(" | ")
                .append(String.format("%.1f", h.percentileMillis(95)))
                .append(" | ")
                .append(String.format("%.1f", h.percentileMillis(99)))
                .append(" | ")
                .append(String.format("%.1f", h.maxMillis()))
                .append(" | ")
                .append(String.format("%,d", h.count() == 0 ? 0 : chars / h.count()))
                .append(" |\n");
    }
}
