package cn.eexpo.benchmarks;

import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchResult.FacetValue;
import cn.eexpo.catalog.SearchResult.PriceRange;
import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same search on PostgreSQL alone, as a team without Elasticsearch would write it: full text with a
 * {@code tsvector} and a GIN index, the filters in SQL, the first page by {@code ts_rank}, the total, and each facet
 * counted with {@code GROUP BY} under all filters but its own, in one statement over a materialized CTE of the text
 * matches.
 *
 * <p>Chinese is indexed as overlapping character bigrams plus single characters ({@code bench_han_grams}), the
 * {@code simple} configuration takes the Latin words of {@code name_en}, {@code brand} and the Latin parts of the zh
 * fields. A query word in Chinese becomes the AND of its bigrams. That mirrors what Elasticsearch does here (the
 * standard analyzer indexes single Han characters, {@code name.shingles} their bigrams), and unlike {@code pg_trgm}
 * it serves two-character words, the commonest Chinese queries: a trigram index cannot answer
 * {@code like '%奶粉%'} from the index at all. Typos are forgiven as Elasticsearch's AUTO fuzziness does (one edit up to
 * five letters, two beyond, first letter kept): each Latin word is expanded to the indexed words within that distance,
 * found through a {@code pg_trgm} index on a table of the distinct words, the distance checked with transpositions.
 *
 * <p>A benchmark-only addition to {@code product} (generated column, GIN index, word table), created here and dropped
 * before products are regenerated; not a migration.
 */
final class PostgresSearch implements SearchEngine {

    private static final Logger log = LoggerFactory.getLogger(PostgresSearch.class);

    /** Han characters as {@code bench_han_grams} sees them: the CJK Unified Ideographs block. */
    private static final Pattern TOKENS = Pattern.compile("[\\x{4e00}-\\x{9fff}]+|[\\p{L}\\p{N}]+");

    private static final long[] PRICE_EDGES = {10_000, 20_000, 50_000, 100_000, 200_000, 500_000};

    private static final String HAN = "[\\u4e00-\\u9fff]";

    private static final List<String> SETUP = List.of(
            "create extension if not exists pg_trgm",
            """
            create or replace function bench_han_grams(t text) returns text
            language sql immutable strict parallel safe as $$
              select coalesce(string_agg(g, ' '), '')
                from (select substr(t, i, 1) as g from generate_series(1, char_length(t)) as i
                       where substr(t, i, 1) ~ '%1$s'
                      union all
                      select substr(t, i, 2) from generate_series(1, char_length(t) - 1) as i
                       where substr(t, i, 2) ~ '^%1$s{2}$') as grams
            $$
            """.formatted(HAN),
            """
            alter table product add column bench_tsv tsvector generated always as (
                setweight(to_tsvector('simple', brand || ' ' || regexp_replace(brand_zh, '%1$s+', ' ', 'g')), 'A')
             || setweight(to_tsvector('simple', bench_han_grams(brand_zh)), 'A')
             || setweight(to_tsvector('simple', name_en || ' ' || regexp_replace(name_zh, '%1$s+', ' ', 'g')), 'B')
             || setweight(to_tsvector('simple', bench_han_grams(name_zh)), 'B')) stored
            """.formatted(HAN),
            "create index product_bench_tsv_idx on product using gin (bench_tsv)",
            "drop table if exists bench_words",
            """
            create table bench_words as
              select word from ts_stat('select bench_tsv from product') where word !~ '%s'
            """.formatted(HAN),
            "create index bench_words_trgm_idx on bench_words using gin (word gin_trgm_ops)",
            "vacuum analyze product",
            "vacuum analyze stock",
            "analyze bench_words");

    private static final String EXPANSIONS = """
            select t.token, w.word
              from unnest(?::text[]) as t(token)
              join bench_words w on w.word %% t.token
                                and left(w.word, 1) = left(t.token, 1)
                                and abs(length(w.word) - length(t.token)) <= 2
            """.replace("%%", "%");

    enum Facet {
        CATEGORY("category_code", 30),
        BRAND("brand", 50),
        ORIGIN("origin_country", 30),
        TRADE_MODE("trade_mode", 5),
        WAREHOUSE("warehouse_code", 20),
        PRICE("price_fen", 0);

        final String column;
        final int size;

        Facet(String column, int size) {
            this.column = column;
            this.size = size;
        }
    }

    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Map<String, String> customsByIso = new HashMap<>();
    private final Map<String, String> isoByCustoms = new HashMap<>();

    PostgresSearch(DataSource dataSource) {
        this.dataSource = dataSource;
        this.jdbc = JdbcClient.create(dataSource);
        jdbc.sql("select customs_code, iso_code from country").query((ResultSet rs) -> {
            customsByIso.put(rs.getString(2), rs.getString(1));
            isoByCustoms.put(rs.getString(1), rs.getString(2));
        });
    }

    boolean ready() {
        return jdbc.sql("""
                        select exists (select 1 from information_schema.columns
                                        where table_name = 'product' and column_name = 'bench_tsv')
                           and to_regclass('bench_words') is not null
                        """).query(Boolean.class).single();
    }

    /** Removes the benchmark's additions, so that regenerating products does not maintain them row by row. */
    void drop() {
        jdbc.sql("alter table product drop column if exists bench_tsv").update();
        jdbc.sql("drop table if exists bench_words").update();
    }

    /** Creates the generated column, its GIN index and the word table; returns how long each step took. */
    Map<String, Duration> setUp() throws SQLException {
        drop();
        Map<String, Duration> took = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            statement.execute("set maintenance_work_mem = '1GB'");
            statement.execute("set max_parallel_maintenance_workers = 2");
            for (String sql : SETUP) {
                long start = System.nanoTime();
                statement.execute(sql);
                Duration step = Duration.ofNanos(System.nanoTime() - start);
                String name = sql.strip().lines().findFirst().orElse(sql).replaceAll("\\s+", " ");
                took.put(name.length() > 60 ? name.substring(0, 60) + "…" : name, step);
                log.info("PostgreSQL: {} ({} ms)", name, step.toMillis());
            }
        }
        return took;
    }

    @Override
    public SearchResult search(SearchQuery query) {
        String tsquery = tsquery(query.text());
        Map<Facet, String> filters = new EnumMap<>(Facet.class);
        Map<String, Object> params = new HashMap<>();
        if (!query.categories().isEmpty()) {
            filters.put(Facet.CATEGORY, "(m.category_code in (:categories) or m.parent_code in (:categories))");
            params.put("categories", query.categories());
        }
        if (!query.brands().isEmpty()) {
            filters.put(Facet.BRAND, "m.brand in (:brands)");
            params.put("brands", query.brands());
        }
        if (!query.origins().isEmpty()) {
            filters.put(Facet.ORIGIN, "m.origin_country in (:origins)");
            params.put(
                    "origins",
                    query.origins().stream()
                            .map(iso -> customsByIso.getOrDefault(iso, "000"))
                            .toList());
        }
        if (!query.tradeModes().isEmpty()) {
            filters.put(Facet.TRADE_MODE, "m.trade_mode in (:tradeModes)");
            params.put("tradeModes", query.tradeModes());
        }
        if (!query.warehouses().isEmpty()) {
            filters.put(Facet.WAREHOUSE, "m.warehouse_code in (:warehouses)");
            params.put("warehouses", query.warehouses());
        }
        if (query.priceMin() != null || query.priceMax() != null) {
            StringJoiner price = new StringJoiner(" and ", "(", ")");
            if (query.priceMin() != null) {
                price.add("m.price_fen >= :priceMin");
                params.put("priceMin", fen(query.priceMin(), RoundingMode.CEILING));
            }
            if (query.priceMax() != null) {
                price.add("m.price_fen <= :priceMax");
                params.put("priceMax", fen(query.priceMax(), RoundingMode.FLOOR));
            }
            filters.put(Facet.PRICE, price.toString());
        }
        String match = tsquery == null ? "true" : "p.bench_tsv @@ to_tsquery('simple', :q)";
        String rank = tsquery == null ? "0::real" : "ts_rank(p.bench_tsv, to_tsquery('simple', :q))";
        if (tsquery != null) {
            params.put("q", tsquery);
        }
        params.put("size", query.size());
        params.put("offset", query.page() * query.size());
        StringBuilder sql = new StringBuilder("""
                with m as materialized (
                    select p.sku, p.category_code, c.parent_code, p.brand, p.origin_country, p.trade_mode,
                           p.warehouse_code, p.price_fen, %s as rank
                      from product p
                      join category c on c.code = p.category_code
                     where %s and p.status = 'LISTED'),
                page as (select sku, rank from m %s order by rank desc, sku limit :size offset :offset)
                select (select count(*) from m %s) as total,
                       (select array_agg(concat_ws(E'\\t', p.sku, p.name_zh, p.name_en, p.brand, p.price_fen,
                                                   co.iso_code, p.trade_mode, p.warehouse_code, p.hs_code,
                                                   coalesce(p.image_url, ''))
                                         order by page.rank desc, page.sku)
                          from page join product p on p.sku = page.sku
                          join country co on co.customs_code = p.origin_country) as items
                """.formatted(rank, match, where(filters, null), where(filters, null)));
        for (Facet facet : Facet.values()) {
            if (facet == Facet.PRICE) {
                StringJoiner buckets = new StringJoiner(", ", "array[", "]");
                long from = -1;
                for (long edge : PRICE_EDGES) {
                    buckets.add("count(*) filter (where price_fen %s< %d)"
                            .formatted(from < 0 ? "" : ">= " + from + " and price_fen ", edge));
                    from = edge;
                }
                buckets.add("count(*) filter (where price_fen >= " + from + ")");
                sql.append(",\n       (select %s from m %s) as price".formatted(buckets, where(filters, facet)));
            } else {
                sql.append("""
                        ,
                               (select array_agg(k || E'\\t' || n order by n desc, k)
                                  from (select %1$s as k, count(*) as n from m %2$s
                                         group by 1 order by 2 desc, 1 limit %3$d) f) as %4$s""".formatted(
                                facet.column,
                                where(filters, facet),
                                facet.size,
                                facet.name().toLowerCase(Locale.ROOT)));
            }
        }
        var statement = jdbc.sql(sql.toString());
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, row) -> result(rs)).single();
    }

    private SearchResult result(ResultSet rs) throws SQLException {
        long total = rs.getLong("total");
        List<SearchResult.Item> items = new ArrayList<>();
        for (String line : strings(rs.getArray("items"))) {
            String[] f = line.split("\t", -1);
            items.add(new SearchResult.Item(
                    f[0],
                    f[1],
                    f[2],
                    f[3],
                    new Money(Long.parseLong(f[4])),
                    f[5],
                    f[6],
                    f[7],
                    f[8],
                    f[9].isEmpty() ? null : f[9],
                    null));
        }
        var facets = new SearchResult.Facets(
                values(rs.getArray("category"), null),
                values(rs.getArray("brand"), null),
                values(rs.getArray("origin"), isoByCustoms),
                values(rs.getArray("trade_mode"), null),
                values(rs.getArray("warehouse"), null),
                prices(rs.getArray("price")));
        return new SearchResult(total, items, facets, null);
    }

    private static String where(Map<Facet, String> filters, @Nullable Facet except) {
        StringJoiner where = new StringJoiner(" and ", "where ", "").setEmptyValue("");
        filters.forEach((facet, condition) -> {
            if (facet != except) {
                where.add(condition);
            }
        });
        return where.toString();
    }

    /**
     * The query as a {@code tsquery}: every word must match; a Chinese word as the AND of its bigrams (a single
     * character as itself); a Latin word of three or more letters as the OR of the indexed words within Elasticsearch's
     * AUTO edit distance.
     */
    @Nullable
    String tsquery(@Nullable String text) {
        if (text == null) {
            return null;
        }
        List<String> han = new ArrayList<>();
        List<String> latin = new ArrayList<>();
        Matcher matcher = TOKENS.matcher(text.toLowerCase(Locale.ROOT));
        while (matcher.find()) {
            String token = matcher.group();
            if (Character.UnicodeScript.of(token.codePointAt(0)) == Character.UnicodeScript.HAN) {
                han.add(token);
            } else {
                latin.add(token);
            }
        }
        StringJoiner query = new StringJoiner(" & ");
        for (String run : han) {
            if (run.length() == 1) {
                query.add(quote(run));
            } else {
                for (int i = 0; i + 2 <= run.length(); i++) {
                    query.add(quote(run.substring(i, i + 2)));
                }
            }
        }
        Map<String, List<String>> expansions = expand(latin);
        for (String token : latin) {
            List<String> words = expansions.getOrDefault(token, List.of());
            if (words.isEmpty()) {
                query.add(quote(token));
            } else {
                StringJoiner any = new StringJoiner(" | ", "(", ")");
                any.add(quote(token));
                words.stream().filter(w -> !w.equals(token)).forEach(w -> any.add(quote(w)));
                query.add(any.toString());
            }
        }
        return query.length() == 0 ? null : query.toString();
    }

    private Map<String, List<String>> expand(List<String> tokens) {
        List<String> fuzzy =
                tokens.stream().filter(t -> t.length() >= 3).distinct().toList();
        Map<String, List<String>> expansions = new HashMap<>();
        if (fuzzy.isEmpty()) {
            return expansions;
        }
        jdbc.sql(EXPANSIONS).param(fuzzy.toArray(String[]::new)).query((ResultSet rs) -> {
            String token = rs.getString(1);
            String word = rs.getString(2);
            if (editDistance(token, word) <= (token.length() <= 5 ? 1 : 2)) {
                expansions.computeIfAbsent(token, t -> new ArrayList<>()).add(word);
            }
        });
        return expansions;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    private static String quote(String lexeme) {
        return "'" + lexeme.replace("'", "''").replace("\\", "\\\\") + "'";
    }

    private static long fen(BigDecimal yuan, RoundingMode rounding) {
        return yuan.movePointRight(2).setScale(0, rounding).longValueExact();
    }

    private static List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    private static List<FacetValue> values(@Nullable Array array, @Nullable Map<String, String> keys)
            throws SQLException {
        List<FacetValue> values = new ArrayList<>();
        for (String entry : strings(array)) {
            int tab = entry.lastIndexOf('\t');
            String key = entry.substring(0, tab);
            values.add(new FacetValue(
                    keys == null ? key : keys.getOrDefault(key, key), Long.parseLong(entry.substring(tab + 1))));
        }
        return values;
    }

    private static List<PriceRange> prices(Array array) throws SQLException {
        Long[] counts = (Long[]) array.getArray();
        List<PriceRange> ranges = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            BigDecimal from = i == 0 ? null : BigDecimal.valueOf(PRICE_EDGES[i - 1], 2);
            BigDecimal to = i == PRICE_EDGES.length ? null : BigDecimal.valueOf(PRICE_EDGES[i], 2);
            ranges.add(new PriceRange(from, to, counts[i]));
        }
        return ranges;
    }
}
