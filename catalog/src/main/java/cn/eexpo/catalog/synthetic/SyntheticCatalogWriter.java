package cn.eexpo.catalog.synthetic;

import cn.eexpo.catalog.SyntheticCatalog;
import cn.eexpo.catalog.demo.DemoCatalog;
import cn.eexpo.catalog.synthetic.Vocabulary.Category;
import cn.eexpo.catalog.synthetic.Vocabulary.ProductType;
import cn.eexpo.catalog.synthetic.Vocabulary.Word;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes synthetic products with {@code COPY ... FROM STDIN} on the transaction's own connection: the old
 * {@code SYN-} products go and the new ones arrive in one transaction. Timestamps count back from the start of the
 * current day (UTC), so the products of one count and seed are the same all day.
 *
 * <p>From {@value #BULK_MODE_FROM} products on ({@code eexpo.synthetic.bulk-mode-from}), the foreign keys and secondary indexes of {@code product} and
 * {@code stock} are dropped for the load and re-created (and so validated) before the commit, several times faster;
 * the price is that those tables and the code tables they reference stay locked until the transaction ends. A tool
 * for development and benchmark databases, not for a live marketplace.
 */
@Service
class SyntheticCatalogWriter implements SyntheticCatalog {

    private static final Logger log = LoggerFactory.getLogger(SyntheticCatalogWriter.class);
    private static final int FLUSH_BYTES = 1 << 20;
    /** From this many products on, foreign keys and secondary indexes are dropped during the load and re-created. */
    static final int BULK_MODE_FROM = 100_000;

    private static final String SYN_LIKE = SKU_PREFIX + "%";

    private static final String COPY_PRODUCT = """
            copy product (sku, exhibitor_id, category_code, brand, brand_zh, name_zh, name_en, description_zh,
                          description_en, hs_code, origin_country, customs_unit, legal_unit, legal_qty, net_weight_kg,
                          gross_weight_kg, price_fen, vat_rate, consumption_tax_rate, tariff_rate, trade_mode,
                          warehouse_code, item_record_no, barcode, image_url, status, created_at, updated_at)
            from stdin
            """;
    private static final String COPY_STOCK = "copy stock (sku, warehouse_code, on_hand, reserved) from stdin";

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final DemoCatalog demoCatalog;
    private final int bulkModeFrom;

    SyntheticCatalogWriter(
            JdbcClient jdbc,
            DataSource dataSource,
            DemoCatalog demoCatalog,
            @Value("${eexpo.synthetic.bulk-mode-from:" + BULK_MODE_FROM + "}") int bulkModeFrom) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.demoCatalog = demoCatalog;
        this.bulkModeFrom = bulkModeFrom;
    }

    @Override
    @Transactional
    public Generated replace(int count, long seed) {
        if (count < 0 || count > 9_999_999) {
            throw new IllegalArgumentException("between 0 and 9,999,999 synthetic products, not " + count);
        }
        long start = System.nanoTime();
        jdbc.sql("select pg_advisory_xact_lock(hashtext('eexpo-synthetic-catalog'))")
                .query()
                .singleValue();
        Map<String, Long> exhibitors = demoCatalog.referenceData();
        List<String> restore = count >= bulkModeFrom ? dropConstraintsAndIndexes() : List.of();
        int deletedStock =
                jdbc.sql("delete from stock where sku like ?").param(SYN_LIKE).update();
        int deleted =
                jdbc.sql("delete from product where sku like ?").param(SYN_LIKE).update();
        log.info(
                "Removed {} synthetic products ({} stock rows); generating {} with seed {}",
                deleted,
                deletedStock,
                count,
                seed);
        ProductGenerator generator = new ProductGenerator(seed, Instant.now().truncatedTo(ChronoUnit.DAYS));
        long removed = System.nanoTime();
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            String[] stockWarehouse = new String[count];
            int[] onHand = new int[count];
            int[] reserved = new int[count];
            try (var rows = new CopyWriter(copy.copyIn(COPY_PRODUCT))) {
                for (int i = 0; i < count; i++) {
                    SyntheticProduct product = generator.product(i + 1);
                    productRow(rows, product, Objects.requireNonNull(exhibitors.get(product.exhibitor())));
                    stockWarehouse[i] = product.warehouse();
                    onHand[i] = product.onHand();
                    reserved[i] = product.reserved();
                }
                rows.finish();
            }
            long products = System.nanoTime();
            try (var rows = new CopyWriter(copy.copyIn(COPY_STOCK))) {
                for (int i = 0; i < count; i++) {
                    rows.field(ProductGenerator.sku(i + 1))
                            .field(stockWarehouse[i])
                            .field(onHand[i])
                            .last(String.valueOf(reserved[i]));
                }
                rows.finish();
            }
            long stock = System.nanoTime();
            restore.forEach(sql -> jdbc.sql(sql).update());
            log.info(
                    "Synthetic catalog: reference data and removal {} ms, products {} ms, stock {} ms, {} indexes and"
                            + " foreign keys re-created in {} ms",
                    (removed - start) / 1_000_000,
                    (products - removed) / 1_000_000,
                    (stock - products) / 1_000_000,
                    restore.size(),
                    (System.nanoTime() - stock) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot copy synthetic products into PostgreSQL", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        log.info("Wrote {} synthetic products in {} ms", count, took.toMillis());
        return new Generated(count, took);
    }

    /**
     * Drops the foreign keys and the secondary indexes (those not behind a constraint) of {@code product} and
     * {@code stock}, as {@code pg_restore} does before a large load: checking six foreign keys row by row costs more
     * than the load itself, and an index is built faster once than maintained row by row. Returns the statements
     * that re-create them exactly as they were, to be run after the load in the same transaction.
     */
    private List<String> dropConstraintsAndIndexes() {
        List<String> restore = new ArrayList<>();
        jdbc.sql("""
                        select indexrelid::regclass::text, pg_get_indexdef(indexrelid)
                          from pg_index i
                         where indrelid in ('product'::regclass, 'stock'::regclass)
                           and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid)
                        """)
                .query((rs, row) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(index -> {
                    jdbc.sql("drop index " + index.getKey()).update();
                    restore.add(index.getValue());
                });
        jdbc.sql("""
                        select conrelid::regclass::text, quote_ident(conname), pg_get_constraintdef(oid)
                          from pg_constraint
                         where contype = 'f' and conrelid in ('product'::regclass, 'stock'::regclass)
                         order by conrelid, conname
                        """)
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list()
                .forEach(fk -> {
                    jdbc.sql("alter table " + fk.get(0) + " drop constraint " + fk.get(1))
                            .update();
                    restore.add("alter table " + fk.get(0) + " add constraint " + fk.get(1) + " " + fk.get(2));
                });
        jdbc.sql("set local maintenance_work_mem = '512MB'").update();
        return restore;
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from product where sku like ?")
                .param(SYN_LIKE)
                .query(Long.class)
                .single();
    }

    @Override
    public List<SearchTerm> searchTerms() {
        Map<Word, Set<String>> products = new LinkedHashMap<>();
        Map<Word, Set<String>> lines = new LinkedHashMap<>();
        for (Category category : Vocabulary.CATEGORIES) {
            for (ProductType type : category.types()) {
                products.computeIfAbsent(type.name(), w -> new LinkedHashSet<>())
                        .add(category.code());
            }
            for (Word line : category.lines()) {
                lines.computeIfAbsent(line, w -> new LinkedHashSet<>()).add(category.code());
            }
        }
        List<SearchTerm> terms = new ArrayList<>();
        products.forEach((word, categories) ->
                terms.add(new SearchTerm(word.zh(), word.en(), SearchTerm.Kind.PRODUCT, List.copyOf(categories))));
        lines.forEach((word, categories) ->
                terms.add(new SearchTerm(word.zh(), word.en(), SearchTerm.Kind.LINE, List.copyOf(categories))));
        ProductGenerator.BRANDS
                .all()
                .values()
                .forEach(brand -> terms.add(new SearchTerm(
                        brand.zh(),
                        brand.en(),
                        SearchTerm.Kind.BRAND,
                        List.copyOf(ProductGenerator.BRANDS.categoriesOf(brand.en())))));
        return List.copyOf(terms);
    }

    private static void productRow(CopyWriter rows, SyntheticProduct p, long exhibitorId) throws SQLException {
        rows.field(p.sku())
                .field(exhibitorId)
                .field(p.category())
                .field(p.brand())
                .field(p.brandZh())
                .field(p.nameZh())
                .field(p.nameEn())
                .field(p.descriptionZh())
                .field(p.descriptionEn())
                .field(p.hsCode())
                .field(p.origin())
                .field(p.customsUnit())
                .field(p.legalUnit())
                .field(p.legalQty().toPlainString())
                .field(p.netWeightKg().toPlainString())
                .field(p.grossWeightKg().toPlainString())
                .field(p.priceFen())
                .field(p.vatRate().toPlainString())
                .field(p.consumptionTaxRate().toPlainString())
                .field(p.tariffRate().toPlainString())
                .field(p.tradeMode())
                .field(p.warehouse())
                .field(p.itemRecordNo())
                .field(p.barcode())
                .field(p.imageUrl())
                .field(p.status())
                .field(p.createdAt().toString())
                .last(p.updatedAt().toString());
    }

    /** Rows in COPY's text format (tab-separated, {@code \N} for null), sent in chunks of about 1 MB. */
    private static final class CopyWriter implements AutoCloseable {

        private final CopyIn copy;
        private final StringBuilder row = new StringBuilder(1_024);
        private byte[] buffer = new byte[FLUSH_BYTES + 64 * 1024];
        private int length;

        CopyWriter(CopyIn copy) {
            this.copy = copy;
        }

        CopyWriter field(long value) {
            row.append(value).append('\t');
            return this;
        }

        CopyWriter field(@org.jspecify.annotations.Nullable String value) {
            append(value);
            row.append('\t');
            return this;
        }

        void last(String value) throws SQLException {
            append(value);
            row.append('\n');
            byte[] bytes = row.toString().getBytes(StandardCharsets.UTF_8);
            row.setLength(0);
            if (length + bytes.length > buffer.length) {
                flush();
                if (bytes.length > buffer.length) {
                    buffer = new byte[bytes.length];
                }
            }
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
            if (length >= FLUSH_BYTES) {
                flush();
            }
        }

        private void append(@org.jspecify.annotations.Nullable String value) {
            if (value == null) {
                row.append("\\N");
                return;
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '\\' -> row.append("\\\\");
                    case '\t' -> row.append("\\t");
                    case '\n' -> row.append("\\n");
                    case '\r' -> row.append("\\r");
                    default -> row.append(c);
                }
            }
        }

        private void flush() throws SQLException {
            if (length > 0) {
                copy.writeToCopy(buffer, 0, length);
                length = 0;
            }
        }

        void finish() throws SQLException {
            flush();
            copy.endCopy();
        }

        /** Cancels a copy that did not finish, so that the failure, not the half-sent rows, is reported. */
        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }
}
