package cn.eexpo.catalog.demo;

import cn.eexpo.catalog.CatalogChanged;
import cn.eexpo.catalog.importing.ProductWriter;
import cn.eexpo.catalog.importing.ProductWriter.ProductRow;
import cn.eexpo.common.Money;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.init.DatabasePopulatorUtils;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo catalog: three E-Expo exhibitors, bonded and overseas warehouses, and a few hundred real-world bonded
 * products from {@code demo/products.csv}. Loading is an upsert by SKU through {@link ProductWriter}, so it can be
 * repeated.
 */
@Service
public class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;
    private final ProductWriter writer;

    DemoCatalog(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events, ProductWriter writer) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
        this.writer = writer;
    }

    public boolean catalogIsEmpty() {
        return jdbc.sql("select not exists (select 1 from product)")
                .query(Boolean.class)
                .single();
    }

    /** Loads (or reloads) the demo catalog and asks for the search index to be rebuilt. */
    @Transactional
    public int load() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('eexpo-demo-catalog'))")
                .query()
                .singleValue();
        Map<String, Long> exhibitors = referenceData();
        List<CSVRecord> records = readProducts();
        List<ProductRow> rows = new ArrayList<>(records.size());
        int itemRecord = 0;
        for (CSVRecord row : records) {
            itemRecord++;
            String tradeMode = row.get("trade_mode");
            rows.add(new ProductRow(
                    row.get("sku"),
                    Objects.requireNonNull(exhibitors.get(row.get("exhibitor")), row.get("exhibitor")),
                    row.get("category"),
                    row.get("brand"),
                    row.get("brand_zh"),
                    row.get("name_zh"),
                    row.get("name_en"),
                    row.get("description_zh"),
                    row.get("description_en"),
                    row.get("hs_code"),
                    row.get("origin"),
                    row.get("customs_unit"),
                    row.get("legal_unit"),
                    new BigDecimal(row.get("legal_qty")),
                    new BigDecimal(row.get("net_weight_kg")),
                    new BigDecimal(row.get("gross_weight_kg")),
                    Money.ofYuan(row.get("price_cny")),
                    new BigDecimal(row.get("vat_rate")),
                    new BigDecimal(row.get("consumption_tax_rate")),
                    new BigDecimal(row.get("tariff_rate")),
                    tradeMode,
                    row.get("warehouse"),
                    "1210".equals(tradeMode) ? "%06d".formatted(itemRecord) : null,
                    row.get("barcode"),
                    "/images/categories/" + row.get("category") + ".svg",
                    Integer.parseInt(row.get("stock"))));
        }
        Set<String> refused = writer.write(rows);
        if (!refused.isEmpty()) {
            log.warn("Demo products left unchanged because another exhibitor owns their SKU: {}", refused);
        }
        log.info("Demo catalog loaded: {} products from 3 exhibitors", rows.size());
        events.publishEvent(new CatalogChanged(rows.size()));
        return rows.size();
    }

    /** Runs on the transaction's connection (DataSourceUtils), so reference data and products commit together. */
    /**
     * Writes the demo exhibitors and warehouses (an upsert) and returns the exhibitors' ids by code. Runs on the
     * caller's transaction (DataSourceUtils), so reference data and the products written with it commit together.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> referenceData() {
        var script = new ResourceDatabasePopulator(new ClassPathResource("demo/reference.sql"));
        script.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
        DatabasePopulatorUtils.execute(script, dataSource);
        return jdbc
                .sql("select code, id from exhibitor")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static List<CSVRecord> readProducts() {
        var resource = new ClassPathResource("demo/products.csv");
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            return new ArrayList<>(format.parse(reader).getRecords());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read demo/products.csv", e);
        }
    }
}
