package cn.eexpo.catalog.search;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** Started with {@code --eexpo.search.rebuild=true} the application rebuilds the search index and exits. */
@Component
@ConditionalOnBooleanProperty("eexpo.search.rebuild")
class RebuildCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(RebuildCommand.class);

    private final ProductIndex index;
    private final ConfigurableApplicationContext context;

    RebuildCommand(ProductIndex index, ConfigurableApplicationContext context) {
        this.index = index;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        int products = index.rebuild().products();
        log.info("Search index {} rebuilt with {} products", index.alias(), products);
        System.exit(SpringApplication.exit(context, () -> 0));
    }
}
