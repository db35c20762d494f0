package cn.eexpo.catalog.search;

import cn.eexpo.catalog.SearchIndex;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.bulk.OperationType;
import co.elastic.clients.elasticsearch.indices.TranslogDurability;
import co.elastic.clients.elasticsearch.tasks.GetTasksResponse;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import co.elastic.clients.util.BinaryData;
import co.elastic.clients.util.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The product index behind an alias, and the small suggestion index (distinct brands and categories) behind a second
 * one. A rebuild fills a fresh pair from PostgreSQL and then moves both aliases in one atomic request, so searches never
 * see a half-built index; the indices the aliases pointed at before are deleted.
 * Several application instances may ask for a rebuild at once: a PostgreSQL advisory lock lets one build at a time.
 */
@Component
class ProductIndex implements SearchIndex {

    private static final Logger log = LoggerFactory.getLogger(ProductIndex.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    /** Bytes per bulk request: large enough to amortise the request, small against the 512 MB heap of a dev node. */
    private static final int BULK_BYTES = 6 * 1024 * 1024;
    /** Bulk requests in flight: 3 × 6 MB stays below the indexing-pressure limit (10 % of the heap) of a 512 MB node. */
    private static final int BULK_IN_FLIGHT = 3;

    private final ElasticsearchClient es;
    /** Lucene's tiered merge policy: how many segments a tier holds, and how many one merge takes (default 10). */
    private static final String SEGMENTS_PER_TIER = "index.merge.policy.segments_per_tier";

    private static final String MAX_MERGE_AT_ONCE = "index.merge.policy.max_merge_at_once";

    private final Rest5Client http;
    private final ProductDocumentSource source;
    private final DataSource dataSource;
    private final String alias;
    private final String suggestionAlias;
    private final int replicas;

    ProductIndex(
            ElasticsearchClient es,
            Rest5Client http,
            ProductDocumentSource source,
            DataSource dataSource,
            SearchProperties properties) {
        this.es = es;
        this.http = http;
        this.source = source;
        this.dataSource = dataSource;
        this.alias = properties.index();
        this.suggestionAlias = properties.suggestionIndex();
        this.replicas = properties.replicas();
    }

    private static final String MAPPING_META = "eexpo_mappings";
    private static final String MAPPINGS = fingerprint("/search/products-index.json", "/search/suggestions-index.json");

    String alias() {
        return alias;
    }

    /**
     * Whether both aliases exist and point at indices built with this version's mappings: an index built before the
     * suggestion index existed, or with other mappings (an older release), is rebuilt too.
     */
    boolean exists() throws IOException {
        if (!es.indices().existsAlias(a -> a.name(alias)).value()
                || !es.indices().existsAlias(a -> a.name(suggestionAlias)).value()) {
            return false;
        }
        for (String name : List.of(alias, suggestionAlias)) {
            var mappings =
                    es.indices().getMapping(g -> g.index(name)).mappings().values();
            for (var mapping : mappings) {
                var stamp = mapping.mappings().meta().get(MAPPING_META);
                if (stamp == null || !MAPPINGS.equals(stamp.to(String.class))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Rebuilds the whole index from PostgreSQL; returns how many documents it indexed and how long that took. */
    @Override
    public Rebuilt rebuild() throws IOException {
        return whileHoldingRebuildLock(this::build);
    }

    /** Builds the index unless it exists, for instance because another instance built it meanwhile. */
    void rebuildIfMissing() throws IOException {
        whileHoldingRebuildLock(() -> exists() ? null : build());
    }

    private interface Build<T> {
        T run() throws IOException;
    }

    /** A session-level advisory lock on a connection of its own, held for the whole build. */
    private <T> T whileHoldingRebuildLock(Build<T> build) throws IOException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("select pg_advisory_lock(hashtext('eexpo-search-rebuild:" + alias + "'))");
            try {
                return build.run();
            } finally {
                statement.execute("select pg_advisory_unlock(hashtext('eexpo-search-rebuild:" + alias + "'))");
            }
        } catch (SQLException e) {
            throw new IOException("cannot take the search rebuild lock in PostgreSQL", e);
        }
    }

    private Rebuilt build() throws IOException {
        long started = System.nanoTime();
        String stamp = LocalDateTime.now(ZoneOffset.UTC).format(SUFFIX) + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        String index = alias + "-" + stamp;
        String suggestions = suggestionAlias + "-" + stamp;
        create(index, "/search/products-index.json");
        create(suggestions, "/search/suggestions-index.json");
        // No refreshes while filling: segments are built once, at the end. The translog is synced in the background
        // rather than per request: an index that is not behind the alias yet loses nothing if the node dies, the
        // rebuild is simply repeated. Segments are left to pile up (40 a tier rather than 10) instead of being merged
        // again and again: the merge into one segment at the end rewrites everything once (a fifth less rebuild time
        // at 1M products).
        es.indices()
                .putSettings(p -> p.index(index)
                        .settings(s -> s.refreshInterval(t -> t.time("-1"))
                                .translog(t -> t.durability(TranslogDurability.Async))
                                .otherSettings(SEGMENTS_PER_TIER, JsonData.of(40))
                                .otherSettings(MAX_MERGE_AT_ONCE, JsonData.of(40))));
        long filling = System.nanoTime();
        int count = fill(index);
        Duration bulkIndexing = Duration.ofNanos(System.nanoTime() - filling);
        mergeIntoOneSegment(index);
        fillSuggestions(suggestions);
        for (String filled : List.of(index, suggestions)) {
            es.indices()
                    .putSettings(p -> p.index(filled)
                            .settings(s -> s.refreshInterval(t -> t.time("1s"))
                                    .numberOfReplicas(String.valueOf(replicas))
                                    .translog(t -> t.durability(TranslogDurability.Request))
                                    .otherSettings(SEGMENTS_PER_TIER, JsonData.of(10))
                                    .otherSettings(MAX_MERGE_AT_ONCE, JsonData.of(10))));
        }
        es.indices().refresh(r -> r.index(index, suggestions));
        Set<String> previous = indicesBehind(alias);
        Set<String> previousSuggestions = indicesBehind(suggestionAlias);
        // Both aliases move in one request: searches and suggestions never come from different builds.
        es.indices().updateAliases(u -> {
            u.actions(a -> a.add(add -> add.index(index).alias(alias)));
            u.actions(a -> a.add(add -> add.index(suggestions).alias(suggestionAlias)));
            previous.forEach(old -> u.actions(a -> a.remove(r -> r.index(old).alias(alias))));
            previousSuggestions.forEach(
                    old -> u.actions(a -> a.remove(r -> r.index(old).alias(suggestionAlias))));
            return u;
        });
        for (String old : previous) {
            es.indices().delete(d -> d.index(old));
        }
        for (String old : previousSuggestions) {
            es.indices().delete(d -> d.index(old));
        }
        deleteOrphans(Set.of(index, suggestions));
        Rebuilt rebuilt = new Rebuilt(count, bulkIndexing, Duration.ofNanos(System.nanoTime() - started));
        log.info(
                "Search index {} rebuilt as {} with {} products in {} ms ({} ms of them indexing in bulk)",
                alias,
                index,
                count,
                rebuilt.total().toMillis(),
                bulkIndexing.toMillis());
        return rebuilt;
    }

    /**
     * Merges the new index into one segment before it goes live: a filled index has a few dozen segments, and each
     * query pays for looking up every term and facet value in each of them. At 1M products that is about 10 s of one
     * core here, and it halved the query time. The merge runs as a task that is polled, so that no request waits on it
     * longer than the client's socket timeout.
     */
    private void mergeIntoOneSegment(String index) throws IOException {
        String task = es.indices()
                .forcemerge(f -> f.index(index).maxNumSegments(1L).waitForCompletion(false))
                .task();
        if (task == null) {
            return;
        }
        try {
            while (true) {
                GetTasksResponse status = es.tasks().get(g -> g.taskId(task));
                if (status.completed()) {
                    if (status.error() != null) {
                        throw new IOException("merging " + index + " failed: "
                                + status.error().reason());
                    }
                    return;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while merging " + index, e);
        }
    }

    private void create(String index, String mappingResource) throws IOException {
        try (InputStream mapping = getClass().getResourceAsStream(mappingResource)) {
            es.indices().create(c -> c.index(index).withJson(mapping));
        }
        es.indices().putMapping(p -> p.index(index).meta(MAPPING_META, JsonData.of(MAPPINGS)));
    }

    /**
     * A fingerprint of both indices' settings and mappings, and of the price bands the documents carry, kept in each
     * index's {@code _meta}.
     */
    private static String fingerprint(String... resources) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(PriceBands.fingerprint().getBytes(StandardCharsets.UTF_8));
            for (String resource : resources) {
                try (InputStream in = ProductIndex.class.getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("missing " + resource);
                    }
                    digest.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The suggestion index is small (a few thousand distinct entries): one bulk request. */
    private void fillSuggestions(String index) throws IOException {
        List<Suggestion> entries = source.suggestions();
        if (entries.isEmpty()) {
            return;
        }
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(index);
        for (Suggestion entry : entries) {
            bulk.operations(op -> op.index(i -> i.document(entry)));
        }
        BulkResponse response = es.bulk(bulk.build());
        if (response.errors()) {
            throw new IOException("indexing suggestions into " + index + " failed, first error "
                    + response.items().stream()
                            .filter(item -> item.error() != null)
                            .map(item -> item.error().reason())
                            .findFirst()
                            .orElse("unknown"));
        }
    }

    /**
     * Brings the given products up to date: listed ones are (re)indexed, the others removed. Under the rebuild lock:
     * a change written to the old index just before a rebuild moved the alias would otherwise be lost.
     */
    void apply(List<String> skus) throws IOException {
        whileHoldingRebuildLock(() -> applyNow(skus));
    }

    private int applyNow(List<String> skus) throws IOException {
        List<ProductDocument> listed = source.listedAmong(skus);
        Set<String> present = new HashSet<>();
        BulkRequest.Builder bulk = new BulkRequest.Builder().index(alias).refresh(Refresh.WaitFor);
        for (ProductDocument doc : listed) {
            present.add(doc.sku());
            BinaryData json = BinaryData.of(doc.json(), ContentType.APPLICATION_JSON);
            bulk.operations(op -> op.index(i -> i.id(doc.sku()).document(json)));
        }
        for (String sku : skus) {
            if (!present.contains(sku)) {
                bulk.operations(op -> op.delete(d -> d.id(sku)));
            }
        }
        BulkResponse response = es.bulk(bulk.build());
        var failed = response.items().stream()
                .filter(item ->
                        item.error() != null && !(item.status() == 404 && item.operationType() == OperationType.Delete))
                .map(item -> item.id() + ": " + item.error().reason())
                .toList();
        if (!failed.isEmpty()) {
            throw new IOException("indexing changed products failed: " + failed);
        }
        return skus.size();
    }

    /**
     * Streams the listed products into the index in bulk requests of about {@value #BULK_BYTES} bytes, with up to
     * {@value #BULK_IN_FLIGHT} requests in flight: Elasticsearch indexes those while the next is read from PostgreSQL.
     */
    private int fill(String index) throws IOException {
        long start = System.nanoTime();
        int count;
        long waited;
        try (BulkLoader loader = new BulkLoader(http, index, BULK_BYTES, BULK_IN_FLIGHT)) {
            source.forEachListed(doc -> {
                try {
                    loader.add(doc.sku(), doc.json());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            waited = loader.waitedNanos();
            count = loader.finish();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        // Where the time went: while the loader waited for a free request slot, Elasticsearch set the pace; the rest
        // is reading PostgreSQL (and the last requests).
        log.info(
                "Filled {} with {} products in {} ms, {} ms of them waiting for Elasticsearch",
                index,
                count,
                (System.nanoTime() - start) / 1_000_000,
                waited / 1_000_000);
        return count;
    }

    /**
     * Indices named after the alias but not behind it were left by a rebuild that was interrupted (a crash, a killed
     * command). Only the holder of the rebuild lock calls this, so none of them is being filled right now.
     */
    private void deleteOrphans(Set<String> current) throws IOException {
        for (String name :
                es.indices().get(g -> g.index(alias + "-*")).indices().keySet()) {
            if (!current.contains(name)) {
                es.indices().delete(d -> d.index(name));
                log.info("Deleted {}, left behind by an interrupted rebuild", name);
            }
        }
    }

    private Set<String> indicesBehind(String alias) throws IOException {
        try {
            return es.indices().getAlias(g -> g.name(alias)).aliases().keySet();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return Set.of();
            }
            throw e;
        }
    }
}
