package cn.eexpo.catalog.search;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param index the alias searches go through; the concrete indices are named after it, and so is the alias of the
 *     suggestion index ({@code <index>-suggest})
 * @param checkInterval how often the application checks that the index exists and rebuilds it if not
 * @param replicas replica shards per index: 0 on a single development node, 1 or more on a production cluster
 */
@ConfigurationProperties("eexpo.search")
record SearchProperties(
        @DefaultValue("eexpo-products") String index,
        @DefaultValue("30s") Duration checkInterval,
        @DefaultValue("0") int replicas) {

    /** The alias suggestions are read through. */
    String suggestionIndex() {
        return index + "-suggest";
    }
}
