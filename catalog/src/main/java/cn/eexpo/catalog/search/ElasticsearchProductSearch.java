package cn.eexpo.catalog.search;

import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchResult.FacetValue;
import cn.eexpo.catalog.SearchResult.PriceRange;
import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.common.Money;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Search over zh and en names with disjunctive facets. The index copies names, brands, category and country names into
 * one field, {@code text}, so one match query finds every query word across them. The standard analyzer splits Chinese
 * into single characters, so every query word must match (AND), and among the best matches a phrase match on the
 * same field rewards the words in the right order; Latin words tolerate typos. Descriptions are searched only when no
 * name matches the words, whatever the filters. Facet filters go into the {@code post_filter}, and each facet is
 * counted under all filters but its own, so choosing a brand still shows the other brands with their counts.
 */
@Service
class ElasticsearchProductSearch implements ProductSearch {

    private static final String POINT_IN_TIME_KEEP_ALIVE = "2m";

    /** How many of the best matches by relevance get the bonus for their words side by side (see {@link #phrase}). */
    private static final int PHRASE_WINDOW = 100;

    /** What a search result shows of a product: only these fields of the document are fetched. */
    record Shown(
            String sku,
            String name,
            String nameEn,
            String brand,
            long priceFen,
            String origin,
            String tradeMode,
            String warehouse,
            String hsCode,
            @Nullable String imageUrl) {

        static final List<String> FIELDS = Arrays.stream(Shown.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /**
     * The aggregation that counts, under all chosen filters, the facets that have none of their own chosen; it sits
     * inside the aggregation of the last facet that has (see {@link #facetAggregations}).
     */
    private static final String UNFILTERED_FACETS = "facets";

    /** The counts of a facet with a chosen value, inside its filter aggregation. */
    private static final String VALUES = "values";

    /** Where the words of a query are looked for: names first, descriptions too only when the names find nothing. */
    private enum Scope {
        NAMES,
        NAMES_AND_DESCRIPTIONS
    }

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}+");

    private final ElasticsearchClient es;
    private final String alias;
    private final String suggestionAlias;

    ElasticsearchProductSearch(ElasticsearchClient es, SearchProperties properties) {
        this.es = es;
        this.alias = properties.index();
        this.suggestionAlias = properties.suggestionIndex();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        SearchCursor cursor = query.cursor() == null ? null : SearchCursor.decode(query.cursor());
        boolean relevance = query.sort() == SearchQuery.Sort.RELEVANCE;
        if (cursor != null && relevance != cursor.byPosition()) {
            throw new IllegalArgumentException("cursor is not one this search gave out; start again from page 0");
        }
        try {
            String pointInTime = cursor == null || cursor.byPosition() ? null : pointInTime(cursor);
            long from = cursor == null ? (long) query.page() * query.size() : cursor.position();
            SearchResponse<Shown> response =
                    es.search(request(query, Scope.NAMES, from, cursor, pointInTime), Shown.class);
            SearchResult.Facets facets = facets(response.aggregations());
            if (query.text() != null && !namesMatchSomething(query, response, facets)) {
                response =
                        es.search(request(query, Scope.NAMES_AND_DESCRIPTIONS, from, cursor, pointInTime), Shown.class);
                facets = facets(response.aggregations());
            }
            List<Hit<Shown>> hits = response.hits().hits();
            long total = total(response);
            Set<String> words = Highlights.words(query.text());
            var items = hits.stream()
                    .filter(hit -> hit.source() != null)
                    .map(hit -> item(hit.source(), words))
                    .toList();
            long position = from + hits.size();
            String next = null;
            if (position < total && !hits.isEmpty()) {
                if (!relevance) {
                    String pit = response.pitId() != null ? response.pitId() : pointInTime;
                    next = new SearchCursor(pit, hits.getLast().sort(), position).encode();
                } else if (position + query.size() <= SearchQuery.MAX_WINDOW) {
                    next = SearchCursor.at(position).encode();
                }
            }
            return new SearchResult(total, items, facets, next);
        } catch (ElasticsearchException e) {
            if (cursor != null && e.status() == 404) {
                throw new IllegalArgumentException("the cursor has expired; start again from page 0");
            }
            if (e.status() == 404) {
                throw new SearchUnavailableException("The search index is being built; try again in a minute.", e);
            }
            throw new SearchUnavailableException("Search is temporarily unavailable.", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw (IllegalArgumentException) e;
            }
            throw new SearchUnavailableException("Search is temporarily unavailable.", e);
        }
    }

    /**
     * Whether the words match some product's names, whatever the shopper's filters: when the names match some but the
     * filters leave none, the descriptions are not searched (they almost never hold a product the filters would let
     * through, and searching them costs a second request). A result or any facet count answers it; only when the
     * matches fail two filters or more does nothing in the response show them, and a count of one match decides.
     */
    private boolean namesMatchSomething(SearchQuery query, SearchResponse<Shown> response, SearchResult.Facets facets)
            throws IOException {
        if (total(response) > 0) {
            return true;
        }
        if (filters(query).isEmpty()) {
            return false;
        }
        boolean counted =
                Stream.of(facets.category(), facets.brand(), facets.origin(), facets.tradeMode(), facets.warehouse())
                                .flatMap(List::stream)
                                .anyMatch(value -> value.count() > 0)
                        || facets.price().stream().anyMatch(range -> range.count() > 0);
        if (counted) {
            return true;
        }
        Query names = textQuery(query.text(), Scope.NAMES);
        return es.count(c -> c.index(alias).query(names).terminateAfter(1L)).count() > 0;
    }

    private static long total(SearchResponse<Shown> response) {
        return response.hits().total() == null
                ? response.hits().hits().size()
                : response.hits().total().value();
    }

    @Override
    public List<String> suggest(String prefix, int size) {
        String typed = prefix.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        try {
            SearchResponse<Void> response = es.search(
                    s -> s.index(suggestionAlias)
                            .size(0)
                            .source(src -> src.fetch(false))
                            .suggest(sg -> sg.suggesters(
                                    "names",
                                    f -> f.prefix(typed)
                                            .completion(c -> c.field("suggest")
                                                    .skipDuplicates(true)
                                                    .size(size)))),
                    Void.class);
            return response.suggest().getOrDefault("names", List.of()).stream()
                    .flatMap(suggestion -> suggestion.completion().options().stream())
                    .map(option -> option.text())
                    .distinct()
                    .limit(size)
                    .toList();
        } catch (ElasticsearchException e) {
            throw new SearchUnavailableException(
                    e.status() == 404
                            ? "The search index is being built; try again in a minute."
                            : "Search is temporarily unavailable.",
                    e);
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException("Search is temporarily unavailable.", e);
        }
    }

    /** The first deep page opens a point in time; later pages keep reading from it. */
    private String pointInTime(SearchCursor cursor) throws IOException {
        if (cursor.pointInTime() != null) {
            return cursor.pointInTime();
        }
        return es.openPointInTime(p -> p.index(alias).keepAlive(t -> t.time(POINT_IN_TIME_KEEP_ALIVE)))
                .id();
    }

    /**
     * Results by relevance are paged by number within the first {@link SearchQuery#MAX_WINDOW}; the others by number
     * there too, and past it with {@code search_after} on a point in time ({@code cursor} carries the sort values).
     */
    private SearchRequest request(
            SearchQuery query, Scope scope, long from, @Nullable SearchCursor cursor, @Nullable String pointInTime) {
        Map<Facet, Query> filters = filters(query);
        var request = new SearchRequest.Builder()
                .query(textQuery(query.text(), scope))
                .postFilter(allBut(filters, null))
                .size(query.size())
                .source(src -> src.filter(f -> f.includes(Shown.FIELDS)))
                .trackTotalHits(t -> t.enabled(true));
        if (query.sort() != SearchQuery.Sort.RELEVANCE) {
            request.sort(sort(query.sort()));
        } else if (query.text() != null) {
            request.rescore(r -> r.windowSize(PHRASE_WINDOW)
                    .query(q -> q.query(phrase(query.text())).queryWeight(1.0).rescoreQueryWeight(1.0)));
        }
        facetAggregations(filters).forEach(request::aggregations);
        if (cursor == null || cursor.byPosition()) {
            request.index(alias).from(Math.toIntExact(from));
        } else {
            request.pit(p -> p.id(pointInTime).keepAlive(t -> t.time(POINT_IN_TIME_KEEP_ALIVE)))
                    .searchAfter(cursor.after());
        }
        return request.build();
    }

    /**
     * The words side by side and in order (the characters of a Chinese word, a brand and its product) rank first: a
     * bonus worked out only for the best {@link #PHRASE_WINDOW} matches by the words alone, since checking positions
     * for every match cost as much as the rest of a broad search (a Chinese product word matching 50,000 products: 36
     * ms with the phrase on every match, 22 ms with it on the best hundred).
     */
    private static Query phrase(String text) {
        return Query.of(q -> q.matchPhrase(m -> m.field("text").query(text).boost(2f)));
    }

    /**
     * Every word must match, anywhere in the names, brands, category and country names. In {@link
     * Scope#NAMES_AND_DESCRIPTIONS} the words may match in the descriptions instead.
     */
    private static Query textQuery(@Nullable String text, Scope scope) {
        if (text == null) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return scope == Scope.NAMES
                ? allWords(text, "text")
                : Query.of(q -> q.bool(b -> b.should(allWords(text, "text"))
                        .should(allWords(text, "details"))
                        .minimumShouldMatch("1")));
    }

    /**
     * All words of {@code text} in {@code field}. Han characters must match exactly (each is a word of its own), Latin
     * words may have a typo (AUTO: one edit from three letters, two from six; the first letter fixed).
     */
    private static Query allWords(String text, String field) {
        List<String> han = new ArrayList<>();
        Matcher runs = HAN.matcher(text);
        while (runs.find()) {
            han.add(runs.group());
        }
        String latin = HAN.matcher(text).replaceAll(" ").strip();
        List<Query> must = new ArrayList<>();
        if (!han.isEmpty()) {
            must.add(Query.of(q ->
                    q.match(m -> m.field(field).query(String.join(" ", han)).operator(Operator.And))));
        }
        if (latin.codePoints().anyMatch(Character::isLetterOrDigit)) {
            must.add(Query.of(q -> q.match(m -> m.field(field)
                    .query(latin)
                    .operator(Operator.And)
                    .fuzziness("AUTO")
                    .prefixLength(1)
                    .maxExpansions(10))));
        }
        if (must.isEmpty()) {
            return Query.of(q -> q.match(m -> m.field(field).query(text).operator(Operator.And)));
        }
        return must.size() == 1 ? must.getFirst() : Query.of(q -> q.bool(b -> b.must(must)));
    }

    private static Map<Facet, Query> filters(SearchQuery query) {
        Map<Facet, Query> filters = new EnumMap<>(Facet.class);
        for (Facet facet : Facet.values()) {
            List<String> chosen = facet.chosen(query);
            if (!chosen.isEmpty()) {
                List<FieldValue> values = chosen.stream().map(FieldValue::of).toList();
                filters.put(
                        facet,
                        Query.of(q -> q.terms(t -> t.field(facet.filterField).terms(v -> v.value(values)))));
            }
        }
        if (query.priceMin() != null || query.priceMax() != null) {
            Double min = fen(query.priceMin(), RoundingMode.CEILING);
            Double max = fen(query.priceMax(), RoundingMode.FLOOR);
            filters.put(
                    Facet.PRICE,
                    Query.of(q -> q.range(
                            r -> r.number(n -> n.field("priceFen").gte(min).lte(max)))));
        }
        return filters;
    }

    /** A price bound in whole fen; a bound in the middle of a fen rounds inwards. */
    private static @Nullable Double fen(@Nullable BigDecimal yuan, RoundingMode rounding) {
        return yuan == null
                ? null
                : yuan.movePointRight(2).setScale(0, rounding).doubleValue();
    }

    /** All chosen filters except the one of {@code facet} (null: all of them). */
    private static Query allBut(Map<Facet, Query> filters, @Nullable Facet facet) {
        List<Query> applied = filters.entrySet().stream()
                .filter(e -> e.getKey() != facet)
                .map(Map.Entry::getValue)
                .toList();
        return applied.isEmpty() ? Query.of(q -> q.matchAll(m -> m)) : Query.of(q -> q.bool(b -> b.filter(applied)));
    }

    /**
     * Disjunctive facets: a facet with a chosen value of its own is counted under all the other filters; the facets
     * without one are all counted under every filter, so they share one filter aggregation (none when nothing is
     * chosen) instead of each testing the same filters for every matching product. That one sits inside the
     * aggregation of the last facet with a chosen value, which already tests all the other filters, and adds only that
     * facet's own: each filter tested once less for every match (6 % of a search's time at 1M products).
     */
    private static Map<String, Aggregation> facetAggregations(Map<Facet, Query> filters) {
        Map<String, Aggregation> aggregations = new LinkedHashMap<>();
        Map<String, Aggregation> unfiltered = new LinkedHashMap<>();
        Facet last = null;
        for (Facet facet : Facet.values()) {
            if (filters.containsKey(facet)) {
                last = facet;
            } else {
                unfiltered.put(facet.aggregationName(), values(facet));
            }
        }
        if (last == null) {
            return unfiltered;
        }
        for (Facet facet : filters.keySet()) {
            var counted =
                    new Aggregation.Builder().filter(allBut(filters, facet)).aggregations(VALUES, values(facet));
            if (facet == last && !unfiltered.isEmpty()) {
                counted.aggregations(
                        UNFILTERED_FACETS,
                        Aggregation.of(a -> a.filter(filters.get(facet)).aggregations(unfiltered)));
            }
            aggregations.put(facet.aggregationName(), counted.build());
        }
        return aggregations;
    }

    private static Aggregation values(Facet facet) {
        return Aggregation.of(a -> a.terms(t -> t.field(facet.countField).size(facet.size)));
    }

    /** The counts of {@code facet}, wherever {@link #facetAggregations} put them. */
    private static Aggregate values(Map<String, Aggregate> aggregations, Facet facet) {
        Aggregate own = aggregations.get(facet.aggregationName());
        if (own != null) {
            return own.isFilter() ? own.filter().aggregations().get(VALUES) : own;
        }
        for (Aggregate filtered : aggregations.values()) {
            Aggregate shared = filtered.filter().aggregations().get(UNFILTERED_FACETS);
            if (shared != null) {
                return shared.filter().aggregations().get(facet.aggregationName());
            }
        }
        throw new IllegalStateException("no counts for the facet " + facet);
    }

    /** The sort of a field order, the SKU breaking ties; relevance has none (Elasticsearch's own order, see rescore). */
    private static List<SortOptions> sort(SearchQuery.Sort sort) {
        SortOptions tiebreak = SortOptions.of(s -> s.field(f -> f.field("sku").order(SortOrder.Asc)));
        SortOptions primary = switch (sort) {
            case RELEVANCE -> throw new IllegalArgumentException("relevance is not sorted by a field");
            case PRICE_ASC ->
                SortOptions.of(s -> s.field(f -> f.field("priceFen").order(SortOrder.Asc)));
            case PRICE_DESC ->
                SortOptions.of(s -> s.field(f -> f.field("priceFen").order(SortOrder.Desc)));
            case NEWEST -> SortOptions.of(s -> s.field(f -> f.field("createdAt").order(SortOrder.Desc)));
        };
        return List.of(primary, tiebreak);
    }

    private static SearchResult.Facets facets(Map<String, Aggregate> aggregations) {
        return new SearchResult.Facets(
                terms(aggregations, Facet.CATEGORY),
                terms(aggregations, Facet.BRAND),
                terms(aggregations, Facet.ORIGIN),
                terms(aggregations, Facet.TRADE_MODE),
                terms(aggregations, Facet.WAREHOUSE),
                prices(aggregations));
    }

    private static List<FacetValue> terms(Map<String, Aggregate> aggregations, Facet facet) {
        return values(aggregations, facet).sterms().buckets().array().stream()
                .map(b -> new FacetValue(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<PriceRange> prices(Map<String, Aggregate> aggregations) {
        Map<String, Long> counts = new HashMap<>();
        values(aggregations, Facet.PRICE)
                .sterms()
                .buckets()
                .array()
                .forEach(b -> counts.put(b.key().stringValue(), b.docCount()));
        return PriceBands.ranges(counts);
    }

    /** The highlight marks the query's words in the Chinese name, or in the English one when the Chinese has none. */
    private static SearchResult.Item item(Shown doc, Set<String> words) {
        String highlight = Highlights.mark(doc.name(), words);
        return new SearchResult.Item(
                doc.sku(),
                doc.name(),
                doc.nameEn(),
                doc.brand(),
                new Money(doc.priceFen()),
                doc.origin(),
                doc.tradeMode(),
                doc.warehouse(),
                doc.hsCode(),
                doc.imageUrl(),
                highlight != null ? highlight : Highlights.mark(doc.nameEn(), words));
    }
}
