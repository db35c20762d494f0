package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

@CatalogTest
class SearchIndexRebuildTest {

    @Autowired
    SearchIndex index;

    @Autowired
    ProductSearch search;

    @Autowired
    ElasticsearchClient elasticsearch;

    @Value("${eexpo.search.index}")
    String alias;

    @Test
    void aRebuildMovesTheAliasToAFreshIndexAndDropsTheOldOne() throws Exception {
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text(null, 0, 1)).total() > 0);
        Set<String> before = behindAlias();

        int indexed = index.rebuild().products();

        Set<String> after = behindAlias();
        assertThat(after).hasSize(1).doesNotContainAnyElementsOf(before);
        assertThat(indexed).isGreaterThanOrEqualTo(300);
        assertThat(elasticsearch
                        .indices()
                        .exists(e -> e.index(before.iterator().next()))
                        .value())
                .isFalse();
        assertThat(search.search(SearchQuery.text(null, 0, 1)).total()).isEqualTo(indexed);
    }

    private Set<String> behindAlias() throws Exception {
        return elasticsearch.indices().getAlias(a -> a.name(alias)).aliases().keySet();
    }
}
