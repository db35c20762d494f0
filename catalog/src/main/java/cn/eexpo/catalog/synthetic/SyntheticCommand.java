package cn.eexpo.catalog.synthetic;

import cn.eexpo.catalog.SearchIndex;
import cn.eexpo.catalog.SyntheticCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Started with {@code --eexpo.synthetic.products=N [--eexpo.synthetic.seed=S]} the application replaces the synthetic
 * ({@code SYN-}) products with N generated from seed S (default 1), rebuilds the search index (unless
 * {@code --eexpo.synthetic.reindex=false}) and exits.
 */
@Component
@ConditionalOnProperty("eexpo.synthetic.products")
class SyntheticCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCommand.class);

    private final SyntheticCatalog catalog;
    private final SearchIndex index;
    private final ConfigurableApplicationContext context;
    private final int products;
    private final long seed;
    private final boolean reindex;

    SyntheticCommand(
            SyntheticCatalog catalog,
            SearchIndex index,
            ConfigurableApplicationContext context,
            @Value("${eexpo.synthetic.products}") int products,
            @Value("${eexpo.synthetic.seed:1}") long seed,
            @Value("${eexpo.synthetic.reindex:true}") boolean reindex) {
        this.catalog = catalog;
        this.index = index;
        this.context = context;
        this.products = products;
        this.seed = seed;
        this.reindex = reindex;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        SyntheticCatalog.Generated generated = catalog.replace(products, seed);
        log.info(
                "Synthetic catalog generated: {} products (seed {}) in {} ms, {} rows/s",
                generated.products(),
                seed,
                generated.took().toMillis(),
                Math.round(generated.perSecond()));
        if (reindex) {
            int indexed = index.rebuild().products();
            log.info("Search index rebuilt with {} products", indexed);
        }
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
