package cn.eexpo.catalog.demo;

import cn.eexpo.catalog.CatalogChanged;
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
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo catalog: three E-Expo exhibitors, bonded and overseas warehouses, and a few hundred real-world bonded
 * products from {@code demo/products.csv}. Loading is an upsert by SKU, so it can be repeated.
 */
@Service
public class DemoCatalog {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

    private static final String UPSERT_PRODUCT = """
            insert into product (sku, exhibitor_id, category_code, brand, brand_zh, name_zh, name_en,
                                 description_zh, description_en, hs_code, origin_country, customs_unit, legal_unit,
                                 legal_qty, net_weight_kg, gross_weight_kg, price_fen, vat_rate, consumption_tax_rate,
                                 tariff_rate, trade_mode, warehouse_code, item_record_no, barcode, image_url, status)
            values (:sku, :exhibitorId, :category, :brand, :brandZh, :nameZh, :nameEn, :descriptionZh, :descriptionEn,
                    :hsCode, :origin, :customsUnit, :legalUnit, :legalQty, :netWeight, :grossWeight, :priceFen,
                    :vatRate, :consumptionTaxRate, :tariffRate, :tradeMode, :warehouse, :itemRecordNo, :barcode,
                    :imageUrl, 'LISTED')
            on conflict (sku) do update set
                exhibitor_id = excluded.exhibitor_id, category_code = excluded.category_code, brand = excluded.brand,
                brand_zh = excluded.brand_zh, name_zh = excluded.name_zh, name_en = excluded.name_en,
                description_zh = excluded.description_zh, description_en = excluded.description_en,
                hs_code = excluded.hs_code, origin_country = excluded.origin_country,
                customs_unit = excluded.customs_unit, legal_unit = excluded.legal_unit, legal_qty = excluded.legal_qty,
                net_weight_kg = excluded.net_weight_kg, gross_weight_kg = excluded.gross_weight_kg,
                price_fen = excluded.price_fen, vat_rate = excluded.vat_rate,
                consumption_tax_rate = excluded.consumption_tax_rate, tariff_rate = excluded.tariff_rate,
                trade_mode = excluded.trade_mode, warehouse_code = excluded.warehouse_code,
                item_record_no = excluded.item_record_no, barcode = excluded.barcode, image_url = excluded.image_url,
                status = 'LISTED', updated_at = now()
            """;

    private static final String UPSERT_STOCK = """
            insert into stock (sku, warehouse_code, on_hand) values (:sku, :warehouse, :onHand)
            on conflict (sku, warehouse_code) do update set on_hand = greatest(excluded.on_hand, stock.reserved)
            """;

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final ApplicationEventPublisher events;

    DemoCatalog(JdbcClient jdbc, DataSource dataSource, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.events = events;
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
        runReferenceScript();
        Map<String, Long> exhibitors = jdbc
                .sql("select code, id from exhibitor")
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        List<CSVRecord> rows = readProducts();
        int itemRecord = 0;
        for (CSVRecord row : rows) {
            itemRecord++;
            String sku = row.get("sku");
            String tradeMode = row.get("trade_mode");
            jdbc.sql(UPSERT_PRODUCT)
                    .param("sku", sku)
                    .param(
                            "exhibitorId",
                            Objects.requireNonNull(exhibitors.get(row.get("exhibitor")), row.get("exhibitor")))
                    .param("category", row.get("category"))
                    .param("brand", row.get("brand"))
                    .param("brandZh", row.get("brand_zh"))
                    .param("nameZh", row.get("name_zh"))
                    .param("nameEn", row.get("name_en"))
                    .param("descriptionZh", row.get("description_zh"))
                    .param("descriptionEn", row.get("description_en"))
                    .param("hsCode", row.get("hs_code"))
                    .param("origin", row.get("origin"))
                    .param("customsUnit", row.get("customs_unit"))
                    .param("legalUnit", row.get("legal_unit"))
                    .param("legalQty", new BigDecimal(row.get("legal_qty")))
                    .param("netWeight", new BigDecimal(row.get("net_weight_kg")))
                    .param("grossWeight", new BigDecimal(row.get("gross_weight_kg")))
                    .param("priceFen", Money.ofYuan(row.get("price_cny")).fen())
                    .param("vatRate", new BigDecimal(row.get("vat_rate")))
                    .param("consumptionTaxRate", new BigDecimal(row.get("consumption_tax_rate")))
                    .param("tariffRate", new BigDecimal(row.get("tariff_rate")))
                    .param("tradeMode", tradeMode)
                    .param("warehouse", row.get("warehouse"))
                    .param("itemRecordNo", "1210".equals(tradeMode) ? "%06d".formatted(itemRecord) : null)
                    .param("barcode", row.get("barcode"))
                    .param("imageUrl", "/images/categories/" + row.get("category") + ".svg")
                    .update();
            jdbc.sql(UPSERT_STOCK)
                    .param("sku", sku)
                    .param("warehouse", row.get("warehouse"))
                    .param("onHand", Integer.parseInt(row.get("stock")))
                    .update();
        }
        log.info("Demo catalog loaded: {} products from 3 exhibitors", rows.size());
        events.publishEvent(new CatalogChanged(rows.size()));
        return rows.size();
    }

    /** Runs on the transaction's connection (DataSourceUtils), so reference data and products commit together. */
    private void runReferenceScript() {
        var script = new ResourceDatabasePopulator(new ClassPathResource("demo/reference.sql"));
        script.setSqlScriptEncoding(StandardCharsets.UTF_8.name());
        DatabasePopulatorUtils.execute(script, dataSource);
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
