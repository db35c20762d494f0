package cn.eexpo.catalog.search;

import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.common.Money;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Operator;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.io.IOException;
import java.util.Objects;
import org.springframework.stereotype.Service;

/**
 * Text search over zh and en fields. The standard analyzer splits Chinese into single characters, so every query
 * word must match (AND) and two-character shingles reward matches in the right order; Latin words tolerate typos.
 */
@Service
class ElasticsearchProductSearch implements ProductSearch {

    private final ElasticsearchClient es;
    private final String alias;

    ElasticsearchProductSearch(ElasticsearchClient es, SearchProperties properties) {
        this.es = es;
        this.alias = properties.index();
    }

    @Override
    public SearchResult search(SearchQuery query) {
        try {
            SearchResponse<ProductDocument> response = es.search(
                    s -> s.index(alias)
                            .query(textQuery(query.text()))
                            .from(query.page() * query.size())
                            .size(query.size())
                            .trackTotalHits(t -> t.enabled(true)),
                    ProductDocument.class);
            var items = response.hits().hits().stream()
                    .map(Hit::source)
                    .filter(Objects::nonNull)
                    .map(ElasticsearchProductSearch::item)
                    .toList();
            long total = response.hits().total() == null
                    ? items.size()
                    : response.hits().total().value();
            return new SearchResult(total, items, SearchResult.Facets.NONE, null);
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                throw new SearchUnavailableException("The search index is being built; try again in a minute.", e);
            }
            throw new SearchUnavailableException("Search is temporarily unavailable.", e);
        } catch (IOException | RuntimeException e) {
            throw new SearchUnavailableException("Search is temporarily unavailable.", e);
        }
    }

    private static Query textQuery(String text) {
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

    private static SearchResult.Item item(ProductDocument doc) {
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
                null);
    }
}
