package cn.eexpo.benchmarks;

import cn.eexpo.benchmarks.QuerySet.BenchQuery;
import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchIndex;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SyntheticCatalog;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Catalog search, Elasticsearch against PostgreSQL on the same data. Boots the catalog module against its own database
 * ({@code eexpo_bench}) and index alias ({@code eexpo-bench-products}), then:
 *
 * <ol>
 *   <li>makes sure N synthetic products exist, generating them when the count differs (time, rows/s);
 *   <li>sets up PostgreSQL full text when needed (generated {@code tsvector} column, GIN index, word table);
 *   <li>rebuilds the Elasticsearch index through {@link SearchIndex#rebuild()} (docs/s);
 *   <li>runs a deterministic mix of queries, each a text, two filters and all facets, through
 *       {@link ProductSearch#search} and through the equivalent SQL ({@link PostgresSearch}): a warm-up, then a
 *       measured run with one client in which the engines take turns query by query, then a short run with several
 *       clients per engine;
 *   <li>prints a Markdown report and appends it to {@code docs/benchmarks.md}.
 * </ol>
 *
 * Run it with {@code infra/eexpo bench-search [N]}; arguments: {@code --products=N --seed=S --queries=500
 * --warmup=200 --measured=2000 --clients=4 --concurrent-queries=1000 --regenerate=false --rebuild=true --rebuild-only=false
 * --report=docs/benchmarks.md}.
 */
public final class CatalogSearchBenchmark {

    private static final Logger log = LoggerFactory.getLogger(CatalogSearchBenchmark.class);

    private final Options options;
    private final SyntheticCatalog synthetic;
    private final SearchIndex index;
    private final SearchEngine elasticsearch;
    private final PostgresSearch postgres;
    private final ElasticsearchClient es;
    private final JdbcClient jdbc;
    private final String alias;
    private static final String RUNS = "## Catalog search runs";

    private final List<String> steps = new ArrayList<>();

    /** Documents a second in the rebuild's bulk indexing, and in the whole rebuild; 0 when the run rebuilt nothing. */
    private double bulkIndexingRate;

    private double rebuildRate;

    CatalogSearchBenchmark(ConfigurableApplicationContext context, Options options) {
        this.options = options;
        this.synthetic = context.getBean(SyntheticCatalog.class);
        this.index = context.getBean(SearchIndex.class);
        this.elasticsearch = context.getBean(ProductSearch.class)::search;
        this.es = context.getBean(ElasticsearchClient.class);
        DataSource dataSource = context.getBean(DataSource.class);
        this.postgres = new PostgresSearch(dataSource);
        this.jdbc = JdbcClient.create(dataSource);
        this.alias = context.getEnvironment().getRequiredProperty("eexpo.search.index");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        var application = new SpringApplication(BenchmarkApplication.class);
        application.setLogStartupInfo(false);
        int status;
        try (ConfigurableApplicationContext context = application.run(args)) {
            new CatalogSearchBenchmark(context, options).run();
            status = 0;
        }
        System.exit(status);
    }

    void run() throws Exception {
        String started = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        Map<String, String> machine = machine();
        ensureProducts();
        long listed = jdbc.sql("select count(*) from product where status = 'LISTED'")
                .query(Long.class)
                .single();

        if (options.rebuild() || !es.indices().existsAlias(a -> a.name(alias)).value()) {
            long start = System.nanoTime();
            SearchIndex.Rebuilt rebuilt = index.rebuild();
            Duration rebuild = Duration.ofNanos(System.nanoTime() - start);
            int indexed = rebuilt.products();
            bulkIndexingRate = indexed / seconds(rebuilt.bulkIndexing());
            rebuildRate = indexed / seconds(rebuild);
            steps.add(row(
                    "Elasticsearch bulk indexing: the products read from PostgreSQL and sent in bulk requests",
                    rebuilt.bulkIndexing(),
                    "%,.0f docs/s".formatted(bulkIndexingRate)));
            steps.add(row(
                    "Elasticsearch full rebuild (`SearchIndex.rebuild()`): the bulk indexing, then the merge into one"
                            + " segment, the suggestions and the alias swap; index " + indexSize(),
                    rebuild,
                    "%,.0f docs/s".formatted(rebuildRate)));
            log.info("Elasticsearch rebuilt with {} documents in {} s", indexed, seconds(rebuild));
        } else {
            steps.add("| Elasticsearch index already built (not rebuilt), " + indexSize() + " | | |");
        }
        if (options.rebuildOnly()) {
            steps.forEach(System.out::println);
            return;
        }

        Map<String, String> parents = new HashMap<>();
        jdbc.sql("select code, parent_code from category where parent_code is not null")
                .query((ResultSet rs) -> {
                    parents.put(rs.getString(1), rs.getString(2));
                });
        List<QuerySet.Combination> combinations = jdbc.sql("""
                        select p.category_code, c.iso_code, p.trade_mode, p.warehouse_code, count(*)
                          from product p join country c on c.customs_code = p.origin_country
                         where p.status = 'LISTED'
                         group by 1, 2, 3, 4 order by 1, 2, 3, 4
                        """)
                .query((rs, row) -> new QuerySet.Combination(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
        List<BenchQuery> queries = new QuerySet(synthetic.searchTerms(), parents, combinations, options.seed())
                .generate(options.distinctQueries());

        log.info("Warm-up: {} queries per engine", options.warmup());
        for (int i = 0; i < options.warmup(); i++) {
            BenchQuery query = queries.get(i % queries.size());
            elasticsearch.search(query.query());
            postgres.search(query.query());
        }

        log.info("Measuring: {} queries per engine, one client, engines alternating", options.measured());
        Latencies esOne = new Latencies(options.measured());
        Latencies pgOne = new Latencies(options.measured());
        Map<Integer, SearchResult> esResults = new HashMap<>();
        Map<Integer, SearchResult> pgResults = new HashMap<>();
        for (int i = 0; i < options.measured(); i++) {
            BenchQuery query = queries.get(i % queries.size());
            if (i % 2 == 0) {
                esResults.put(query.id(), timed(elasticsearch, query, esOne));
                pgResults.put(query.id(), timed(postgres, query, pgOne));
            } else {
                pgResults.put(query.id(), timed(postgres, query, pgOne));
                esResults.put(query.id(), timed(elasticsearch, query, esOne));
            }
            if ((i + 1) % 500 == 0) {
                log.info(
                        "{} queries: Elasticsearch p50 {} ms, PostgreSQL p50 {} ms",
                        i + 1,
                        ms(esOne.percentile(50)),
                        ms(pgOne.percentile(50)));
            }
        }

        log.info("Each engine alone: {} queries, one client", options.concurrentQueries());
        Latencies esAlone = alone(elasticsearch, queries);
        Latencies pgAlone = alone(postgres, queries);

        log.info("Concurrent: {} clients, {} queries per engine", options.clients(), options.concurrentQueries());
        Latencies esMany = concurrently(elasticsearch, queries);
        Latencies pgMany = concurrently(postgres, queries);

        String report = report(
                started, machine, listed, queries, esOne, pgOne, esAlone, pgAlone, esMany, pgMany, esResults,
                pgResults);
        System.out.println();
        System.out.println(report);
        if (!options.report().toString().isBlank()) {
            BenchReport.append(options.report(), RUNS, report);
            log.info("Appended to {}", options.report().toAbsolutePath());
        }
    }

    /** Generates the products when PostgreSQL does not hold exactly N synthetic ones; sets up full text as needed. */
    private void ensureProducts() throws Exception {
        long existing = synthetic.count();
        boolean generate = existing != options.products() || options.regenerate();
        if (generate) {
            log.info("{} synthetic products in PostgreSQL, generating {}", existing, options.products());
            postgres.drop();
            SyntheticCatalog.Generated generated = synthetic.replace(options.products(), options.seed());
            steps.add(row(
                    "generate %,d products (seed %d), COPY into `product` and `stock`"
                            .formatted(options.products(), options.seed()),
                    generated.took(),
                    "%,.0f rows/s".formatted(generated.perSecond())));
        } else {
            steps.add("| %,d products already in PostgreSQL (not regenerated) | | |".formatted(existing));
        }
        if (generate || !postgres.ready()) {
            long start = System.nanoTime();
            Map<String, Duration> setUp = postgres.setUp();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Duration column = setUp.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("alter table"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(Duration.ZERO);
            Duration gin = setUp.entrySet().stream()
                    .filter(e -> e.getKey().startsWith("create index product_bench"))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(Duration.ZERO);
            steps.add(row(
                    "PostgreSQL full-text setup: generated `tsvector` column %.0f s, GIN index %.0f s, word table and VACUUM ANALYZE"
                            .formatted(seconds(column), seconds(gin)),
                    took,
                    "%,.0f rows/s".formatted(options.products() / seconds(took))));
        } else {
            steps.add("| PostgreSQL full-text column and indexes already in place | | |");
        }
    }

    private static SearchResult timed(SearchEngine engine, BenchQuery query, Latencies latencies) {
        long start = System.nanoTime();
        SearchResult result = engine.search(query.query());
        latencies.add(System.nanoTime() - start);
        return result;
    }

    /** One client, one engine, the other idle: what each does without the other on the same CPUs. */
    private Latencies alone(SearchEngine engine, List<BenchQuery> queries) {
        Latencies latencies = new Latencies(options.concurrentQueries());
        long start = System.nanoTime();
        for (int i = 0; i < options.concurrentQueries(); i++) {
            timed(engine, queries.get((i * 3 + 7) % queries.size()), latencies);
        }
        latencies.wall(System.nanoTime() - start);
        return latencies;
    }

    private Latencies concurrently(SearchEngine engine, List<BenchQuery> queries) throws Exception {
        Latencies latencies = new Latencies(options.concurrentQueries());
        int clients = options.clients();
        try (ExecutorService pool = Executors.newFixedThreadPool(clients)) {
            List<Future<?>> running = new ArrayList<>();
            long start = System.nanoTime();
            for (int client = 0; client < clients; client++) {
                int first = client;
                running.add(pool.submit(() -> {
                    for (int i = first; i < options.concurrentQueries(); i += clients) {
                        timed(engine, queries.get((i * 7 + 13) % queries.size()), latencies);
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
            latencies.wall(System.nanoTime() - start);
        }
        return latencies;
    }

    private String report(
            String started,
            Map<String, String> machine,
            long listed,
            List<BenchQuery> queries,
            Latencies esOne,
            Latencies pgOne,
            Latencies esAlone,
            Latencies pgAlone,
            Latencies esMany,
            Latencies pgMany,
            Map<Integer, SearchResult> esResults,
            Map<Integer, SearchResult> pgResults) {
        boolean esFacets =
                esResults.values().stream().anyMatch(r -> !r.facets().brand().isEmpty());
        StringBuilder md = new StringBuilder();
        md.append("### ")
                .append(started)
                .append(" UTC · ")
                .append("%,d products".formatted(listed))
                .append("\n\n");
        md.append("- Command: `").append(options.command()).append("`\n");
        md.append("- Machine: ")
                .append(machine.get("machine"))
                .append("; load average at start ")
                .append(machine.get("load"))
                .append(", at end ")
                .append(BenchReport.loadAverage())
                .append(" (the machine is shared: other builds and test runs may have competed for the CPUs)\n");
        md.append("- Software: ").append(machine.get("software")).append("\n");
        md.append("- Revision: ").append(System.getProperty("eexpo.bench.revision", "unknown"));
        md.append(
                esFacets
                        ? "; Elasticsearch side: filters and disjunctive facets (`ElasticsearchProductSearch`)\n"
                        : "; **Elasticsearch side ran WITHOUT filters and facets** (the `ElasticsearchProductSearch` of this"
                                + " revision ignores filters and returns no facets), so its figures understate its work\n");
        md.append(
                "- Queries: %d distinct (seed %d): %s; each with two filters and all six facets, first page of 20 by relevance. %d warm-up per engine; %,d measured per engine with one client, the engines alternating query by query; %,d per engine with one client and the other engine idle; %,d per engine with %d concurrent clients, the other engine idle\n\n"
                        .formatted(
                                queries.size(),
                                options.seed(),
                                kinds(queries),
                                options.warmup(),
                                options.measured(),
                                options.concurrentQueries(),
                                options.concurrentQueries(),
                                options.clients()));
        md.append("| step | time | rate |\n|---|---:|---:|\n");
        steps.forEach(step -> md.append(step).append('\n'));
        md.append('\n');
        md.append("| engine | clients | queries | p50 ms | p95 ms | p99 ms | max ms | queries/s |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        md.append(line("Elasticsearch", "1, alternating", esOne));
        md.append(line("PostgreSQL", "1, alternating", pgOne));
        md.append(line("Elasticsearch", "1, alone", esAlone));
        md.append(line("PostgreSQL", "1, alone", pgAlone));
        md.append(line("Elasticsearch", options.clients() + ", alone", esMany));
        md.append(line("PostgreSQL", options.clients() + ", alone", pgMany));
        md.append('\n');
        md.append("| Elasticsearch's advantage: PostgreSQL latency ÷ Elasticsearch latency (queries/s: Elasticsearch ÷"
                + " PostgreSQL) | p50 | p95 | p99 | queries/s |\n|---|---:|---:|---:|---:|\n");
        md.append(ratio("1 client, alternating", pgOne, esOne));
        md.append(ratio("1 client, each alone", pgAlone, esAlone));
        md.append(ratio(options.clients() + " clients, each alone", pgMany, esMany));
        md.append('\n');
        double esP95 = esOne.percentile(95);
        double speedup = pgOne.percentile(95) / esP95;
        md.append(
                "Goals, judged on the alternating run: Elasticsearch p95 ≤ 20 ms: **%s** (%.1f ms; alone %.1f ms); Elasticsearch ≥ 10× faster than PostgreSQL at p95: **%s** (%.1f×; each alone %.1f×); bulk indexing ≥ 20,000 docs/s: **%s** (%s)\n\n"
                        .formatted(
                                esP95 <= 20 ? "met" : "not met",
                                esP95,
                                esAlone.percentile(95),
                                speedup >= 10 ? "met" : "not met",
                                speedup,
                                pgAlone.percentile(95) / esAlone.percentile(95),
                                bulkIndexingRate == 0 ? "not measured" : bulkIndexingRate >= 20_000 ? "met" : "not met",
                                bulkIndexingRate == 0
                                        ? "no rebuild in this run"
                                        : "%,.0f docs/s; the whole rebuild with the merge into one segment %,.0f docs/s"
                                                .formatted(bulkIndexingRate, rebuildRate)));
        md.append(comparison(queries, esResults, pgResults)).append("\n");
        return md.toString();
    }

    /** How far the two engines agree: they match differently (fields, analysis, fuzziness), so not exactly. */
    private static String comparison(
            List<BenchQuery> queries, Map<Integer, SearchResult> esResults, Map<Integer, SearchResult> pgResults) {
        List<Long> esTotals = new ArrayList<>();
        List<Long> pgTotals = new ArrayList<>();
        int both = 0;
        int compared = 0;
        double overlap = 0;
        for (BenchQuery query : queries) {
            SearchResult es = esResults.get(query.id());
            SearchResult pg = pgResults.get(query.id());
            if (es == null || pg == null) {
                continue;
            }
            esTotals.add(es.total());
            pgTotals.add(pg.total());
            if (es.total() > 0 && pg.total() > 0) {
                both++;
                Set<String> esSkus = skus(es);
                Set<String> pgSkus = skus(pg);
                Set<String> common = new HashSet<>(esSkus);
                common.retainAll(pgSkus);
                overlap += (double) common.size() / Math.max(1, Math.min(esSkus.size(), pgSkus.size()));
                compared++;
            }
        }
        return ("What the engines found (they match differently: Elasticsearch also searches descriptions, category and"
                        + " country names, single Han characters across fields): median hits per query Elasticsearch %,d,"
                        + " PostgreSQL %,d (mean %,.0f and %,.0f); queries with hits in both %d of %d; top-20 overlap where both"
                        + " found something %.0f %%.")
                .formatted(
                        median(esTotals),
                        median(pgTotals),
                        esTotals.stream().mapToLong(Long::longValue).average().orElse(0),
                        pgTotals.stream().mapToLong(Long::longValue).average().orElse(0),
                        both,
                        esTotals.size(),
                        compared == 0 ? 0 : 100 * overlap / compared);
    }

    private static Set<String> skus(SearchResult result) {
        Set<String> skus = new HashSet<>();
        result.items().forEach(item -> skus.add(item.sku()));
        return skus;
    }

    private static long median(List<Long> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static String kinds(List<BenchQuery> queries) {
        Map<String, Integer> kinds = new java.util.TreeMap<>();
        queries.forEach(q -> kinds.merge(q.kind(), 1, Integer::sum));
        StringBuilder text = new StringBuilder();
        kinds.forEach((kind, n) ->
                text.append(text.isEmpty() ? "" : ", ").append(n).append(' ').append(kind));
        return text.toString();
    }

    private static String line(String engine, String clients, Latencies l) {
        return "| %s | %s | %,d | %s | %s | %s | %s | %,.0f |\n"
                .formatted(
                        engine,
                        clients,
                        l.count(),
                        ms(l.percentile(50)),
                        ms(l.percentile(95)),
                        ms(l.percentile(99)),
                        ms(l.max()),
                        l.throughput());
    }

    private static String ratio(String label, Latencies pg, Latencies es) {
        Function<Double, String> x = value -> "%.1f×".formatted(value);
        return "| %s | %s | %s | %s | %s |\n"
                .formatted(
                        label,
                        x.apply(pg.percentile(50) / es.percentile(50)),
                        x.apply(pg.percentile(95) / es.percentile(95)),
                        x.apply(pg.percentile(99) / es.percentile(99)),
                        x.apply(es.throughput() / pg.throughput()));
    }

    private static String row(String step, Duration took, String rate) {
        return "| %s | %s s | %s |".formatted(step, "%,.1f".formatted(seconds(took)), rate);
    }

    private static String ms(double millis) {
        return millis < 10 ? "%.1f".formatted(millis) : "%,.0f".formatted(millis);
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private String indexSize() {
        try {
            long bytes = es.indices()
                    .stats(s -> s.index(alias))
                    .all()
                    .primaries()
                    .store()
                    .sizeInBytes();
            return "%.2f GB".formatted(bytes / 1e9);
        } catch (IOException | RuntimeException e) {
            return "size unknown";
        }
    }

    private Map<String, String> machine() {
        String esVersion = "?";
        String esHeap = "?";
        try {
            var node = es.nodes()
                    .info(n -> n.metric("jvm"))
                    .nodes()
                    .values()
                    .iterator()
                    .next();
            esVersion = node.version();
            esHeap = "%d MiB".formatted(node.jvm().mem().heapMaxInBytes() / 1024 / 1024);
        } catch (IOException | RuntimeException e) {
            log.warn("cannot read the Elasticsearch version and heap: {}", e.toString());
        }
        String pg = jdbc.sql("select split_part(version(), ' ', 2)")
                .query(String.class)
                .single();
        String sharedBuffers =
                jdbc.sql("show shared_buffers").query(String.class).single();
        String sessions = jdbc.sql("select current_setting('work_mem') || ', jit ' || current_setting('jit')")
                .query(String.class)
                .single();
        return Map.of(
                "load",
                BenchReport.loadAverage(),
                "machine",
                BenchReport.machine(),
                "software",
                "JDK %s %s (max heap %d MiB); Elasticsearch %s, heap %s, 1 shard, 0 replicas; PostgreSQL %s, shared_buffers %s (benchmark sessions: work_mem %s)"
                        .formatted(
                                System.getProperty("java.vm.vendor"),
                                Runtime.version(),
                                Runtime.getRuntime().maxMemory() / 1024 / 1024,
                                esVersion,
                                esHeap,
                                pg,
                                sharedBuffers,
                                sessions));
    }
}
