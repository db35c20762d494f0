package cn.eexpo.catalog.demo;

import cn.eexpo.catalog.SearchIndex;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Loads the demo catalog on the first start against an empty database ({@code eexpo.demo-data.load-on-empty}), or on
 * demand: started with {@code --eexpo.demo-data.reload=true} the application reloads the demo catalog and exits.
 */
@Component
@EnableConfigurationProperties(DemoDataRunner.DemoDataProperties.class)
class DemoDataRunner implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoDataRunner.class);

    @ConfigurationProperties("eexpo.demo-data")
    record DemoDataProperties(
            @DefaultValue("true") boolean loadOnEmpty,
            @DefaultValue("false") boolean reload) {}

    private final DemoCatalog catalog;
    private final SearchIndex index;
    private final DemoDataProperties properties;
    private final ConfigurableApplicationContext context;

    DemoDataRunner(
            DemoCatalog catalog,
            SearchIndex index,
            DemoDataProperties properties,
            ConfigurableApplicationContext context) {
        this.catalog = catalog;
        this.index = index;
        this.properties = properties;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (properties.reload()) {
            int products = catalog.load();
            int indexed = index.rebuild().products();
            log.info("Demo catalog reloaded: {} products, {} in the search index", products, indexed);
            System.exit(SpringApplication.exit(context, () -> 0));
        }
        if (properties.loadOnEmpty() && catalog.catalogIsEmpty()) {
            log.info("The catalog is empty: loading the demo catalog");
            catalog.load();
        }
    }
}
