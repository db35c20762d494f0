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
import co.elastic.clients.elasticsearch._types.aggregations.AggregationRange;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Search over zh and en fields with disjunctive facets. The standard analyzer splits Chinese into single characters, so
 * every query word must match (AND) and two-character shingles reward matches in the right order; Latin words
 * tolerate typos. Facet filters go into the {@code post_filter}, and each facet is counted under all filters but its
 * own, so choosing a brand still shows the other brands with their counts.
 */
@Service
class ElasticsearchProductSearch implements ProductSearch {

    /** Price buckets in fen: under 100, 100–200, 200–500, 500–1,000, 1,000–2,000, 2,000–5,000, 5,000 and over. */
    private static final long[] PRICE_EDGES = {10_000, 20_000, 50_000, 100_000, 200_000, 500_000};

    private static final String POINT_IN_TIME_KEEP_ALIVE = "2m";

    private final ElasticsearchClient es;
    private final String alias;

    ElasticsearchProductSearch(ElasticsearchClient es, SearchProperties properties) {
        this.es = es;
        this.alias = properties.index();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        SearchCursor cursor = query.cursor() == null ? null : SearchCursor.decode(query.cursor());
        try {
            String pointInTime = cursor == null ? null : pointInTime(cursor);
            SearchResponse<ProductDocument> response =
                    es.search(request(query, cursor, pointInTime), ProductDocument.class);
            List<Hit<ProductDocument>> hits = response.hits().hits();
            long total = response.hits().total() == null
                    ? hits.size()
                    : response.hits().total().value();
            var items = hits.stream()
                    .filter(hit -> hit.source() != null)
                    .map(ElasticsearchProductSearch::item)
                    .toList();
            long position = (cursor == null ? (long) query.page() * query.size() : cursor.position()) + hits.size();
            String next = position < total && !hits.isEmpty()
                    ? new SearchCursor(
                                    response.pitId() != null ? response.pitId() : pointInTime,
                                    hits.getLast().sort(),
                                    position)
                            .encode()
                    : null;
            return new SearchResult(total, items, facets(response.aggregations()), next);
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

    @Override
    public List<String> suggest(String prefix, int size) {
        String typed = prefix.strip();
        if (typed.isEmpty()) {
            return List.of();
        }
        try {
            SearchResponse<Void> response = es.search(
                    s -> s.index(alias)
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

    private SearchRequest request(SearchQuery query, @Nullable SearchCursor cursor, @Nullable String pointInTime) {
        Map<Facet, Query> filters = filters(query);
        var request = new SearchRequest.Builder()
                .query(textQuery(query.text()))
                .postFilter(allBut(filters, null))
                .size(query.size())
                .trackTotalHits(t -> t.enabled(true))
                .sort(sort(query.sort()))
                // The highlighter gets a plain match of its own: re-running the fuzzy query costs ~50x more.
                .highlight(h -> h.highlightQuery(highlightQuery(query.text()))
                        .preTags("<em>")
                        .postTags("</em>")
                        .fields(NamedValue.of("name", HighlightField.of(f -> f.numberOfFragments(0))))
                        .fields(NamedValue.of("nameEn", HighlightField.of(f -> f.numberOfFragments(0)))));
        for (Facet facet : Facet.values()) {
            request.aggregations(facet.aggregationName(), facetAggregation(facet, allBut(filters, facet)));
        }
        if (cursor == null) {
            request.index(alias).from(query.page() * query.size());
        } else {
            request.pit(p -> p.id(pointInTime).keepAlive(t -> t.time(POINT_IN_TIME_KEEP_ALIVE)))
                    .searchAfter(cursor.after());
        }
        return request.build();
    }

    private static Query textQuery(@Nullable String text) {
        if (text == null) {
            return Query.of(q -> q.matchAll(m -> m));
        }
        return Query.of(q -> q.bool(b -> b.should(s -> s.multiMatch(m -> m.query(text)
                        .fields("name^3", "nameEn^3", "brand^4", "brandZh^4", "categoryName^2", "originName")
                        .type(TextQueryType.BestFields)
                        .operator(Operator.And)
                        .fuzziness("AUTO")
                        .prefixLength(1)))
                .should(s -> s.multiMatch(m -> m.query(text)
                        .fields(
                                "name",
                                "nameEn",
                                "brand",
                                "brandZh",
                                "categoryName",
                                "originName",
                                "description",
                                "descriptionEn")
                        .type(TextQueryType.CrossFields)
                        .operator(Operator.And)))
                .should(s -> s.multiMatch(m -> m.query(text)
                        .fields("name.shingles^2", "nameEn.shingles^2")
                        .type(TextQueryType.BestFields)))
                .minimumShouldMatch("1")));
    }

    private static Query highlightQuery(@Nullable String text) {
        return text == null
                ? Query.of(q -> q.matchNone(m -> m))
                : Query.of(q -> q.multiMatch(m -> m.query(text).fields("name", "nameEn")));
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

    private static Aggregation facetAggregation(Facet facet, Query filter) {
        Aggregation values = facet == Facet.PRICE
                ? Aggregation.of(a -> a.range(r -> r.field(facet.countField).ranges(priceRanges())))
                : Aggregation.of(a -> a.terms(t -> t.field(facet.countField).size(facet.size)));
        return Aggregation.of(a -> a.filter(filter).aggregations("values", values));
    }

    private static List<AggregationRange> priceRanges() {
        List<AggregationRange> ranges = new ArrayList<>();
        Double from = null;
        for (long edge : PRICE_EDGES) {
            Double lower = from;
            ranges.add(AggregationRange.of(r -> r.from(lower).to((double) edge)));
            from = (double) edge;
        }
        Double last = from;
        ranges.add(AggregationRange.of(r -> r.from(last)));
        return ranges;
    }

    private static List<SortOptions> sort(SearchQuery.Sort sort) {
        SortOptions tiebreak = SortOptions.of(s -> s.field(f -> f.field("sku").order(SortOrder.Asc)));
        SortOptions primary = switch (sort) {
            case RELEVANCE -> SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc)));
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
        Aggregate values = aggregations
                .get(facet.aggregationName())
                .filter()
                .aggregations()
                .get("values");
        return values.sterms().buckets().array().stream()
                .map(b -> new FacetValue(b.key().stringValue(), b.docCount()))
                .toList();
    }

    private static List<PriceRange> prices(Map<String, Aggregate> aggregations) {
        Aggregate values = aggregations
                .get(Facet.PRICE.aggregationName())
                .filter()
                .aggregations()
                .get("values");
        return values.range().buckets().array().stream()
                .map(b -> new PriceRange(yuan(b.from()), yuan(b.to()), b.docCount()))
                .toList();
    }

    private static @Nullable BigDecimal yuan(@Nullable Double fen) {
        return fen == null ? null : BigDecimal.valueOf(fen.longValue(), 2);
    }

    private static SearchResult.Item item(Hit<ProductDocument> hit) {
        ProductDocument doc = hit.source();
        List<String> highlight =
                hit.highlight().getOrDefault("name", hit.highlight().get("nameEn"));
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
                highlight == null || highlight.isEmpty() ? null : highlight.getFirst());
    }
}
