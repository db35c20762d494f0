package cn.eexpo.catalog.search;

import cn.eexpo.catalog.CatalogChanged;
import cn.eexpo.catalog.ProductsChanged;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps the search index in step with PostgreSQL. A bulk catalog change rebuilds the index, a change to some products
 * re-indexes those. Each event is kept in the publication registry until the index has it; a periodic check resubmits
 * unfinished ones (Elasticsearch was down) and rebuilds an index that is missing (first start, Elasticsearch wiped).
 * Off with {@code eexpo.search.maintenance=false}, for tools that build the index themselves at a moment of their
 * choosing (benchmarks).
 */
@Component
@ConditionalOnBooleanProperty(name = "eexpo.search.maintenance", matchIfMissing = true)
class IndexMaintenance {

    private static final Logger log = LoggerFactory.getLogger(IndexMaintenance.class);

    private final ProductIndex index;
    private final IncompleteEventPublications incomplete;
    private final Duration checkInterval;

    IndexMaintenance(ProductIndex index, IncompleteEventPublications incomplete, SearchProperties properties) {
        this.index = index;
        this.incomplete = incomplete;
        this.checkInterval = properties.checkInterval();
    }

    @ApplicationModuleListener
    void on(CatalogChanged event) throws IOException {
        index.rebuild();
    }

    @ApplicationModuleListener
    void on(ProductsChanged event) throws IOException {
        index.apply(event.skus());
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${eexpo.search.check-interval:30s}")
    void ensureIndex() {
        try {
            Instant stale = Instant.now().minus(checkInterval);
            incomplete.resubmitIncompletePublications(publication -> (publication.getEvent() instanceof CatalogChanged
                            || publication.getEvent() instanceof ProductsChanged)
                    && publication.getPublicationDate().isBefore(stale));
            if (!index.exists()) {
                log.info(
                        "Search index {} is missing or has older mappings: building it from PostgreSQL", index.alias());
                index.rebuildIfMissing();
            }
        } catch (IOException | RuntimeException e) {
            log.warn("Search index check failed, will try again in {}: {}", checkInterval, e.toString());
        }
    }
}
