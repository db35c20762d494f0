package cn.eexpo.catalog.importing;

import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes products and their stock: an upsert by SKU, in JDBC batches. The one place the catalog's product upsert is
 * written down; the demo catalog and exhibitor imports both go through it.
 *
 * <p>A SKU belongs to the exhibitor that first listed it: a row for a SKU another exhibitor owns changes nothing and is
 * returned as refused (checked inside the upsert, so a concurrent import cannot take a SKU over). An existing
 * account-book item number (1210) is kept; a new 1210 product without one gets a generated number. Stock is set per
 * product and warehouse, never below what is reserved.
 */
@Component
public class ProductWriter {

    /** Rows per JDBC batch. */
    public static final int BATCH_SIZE = 500;

    /** A product as it is written; values are already validated. {@code imageUrl} null keeps the current image. */
    public record ProductRow(
            String sku,
            long exhibitorId,
            String category,
            String brand,
            String brandZh,
            String nameZh,
            String nameEn,
            String descriptionZh,
            String descriptionEn,
            String hsCode,
            String origin,
            String customsUnit,
            String legalUnit,
            BigDecimal legalQty,
            BigDecimal netWeightKg,
            BigDecimal grossWeightKg,
            Money price,
            BigDecimal vatRate,
            BigDecimal consumptionTaxRate,
            BigDecimal tariffRate,
            String tradeMode,
            String warehouse,
            @Nullable String itemRecordNo,
            @Nullable String barcode,
            @Nullable String imageUrl,
            int stock) {}

    private static final String UPSERT_PRODUCT = """
            insert into product (sku, exhibitor_id, category_code, brand, brand_zh, name_zh, name_en,
                                 description_zh, description_en, hs_code, origin_country, customs_unit, legal_unit,
                                 legal_qty, net_weight_kg, gross_weight_kg, price_fen, vat_rate, consumption_tax_rate,
                                 tariff_rate, trade_mode, warehouse_code, item_record_no, barcode, image_url, status)
            values (:sku, :exhibitorId, :category, :brand, :brandZh, :nameZh, :nameEn, :descriptionZh, :descriptionEn,
                    :hsCode, :origin, :customsUnit, :legalUnit, :legalQty, :netWeight, :grossWeight, :priceFen,
                    :vatRate, :consumptionTaxRate, :tariffRate, :tradeMode, :warehouse,
                    case when :tradeMode = '1210'
                         then coalesce(:itemRecordNo, nextval('product_item_record_no_seq')::text) end,
                    :barcode, coalesce(:imageUrl, '/images/categories/' || :category || '.svg'), 'LISTED')
            on conflict (sku) do update set
                category_code = excluded.category_code, brand = excluded.brand,
                brand_zh = excluded.brand_zh, name_zh = excluded.name_zh, name_en = excluded.name_en,
                description_zh = excluded.description_zh, description_en = excluded.description_en,
                hs_code = excluded.hs_code, origin_country = excluded.origin_country,
                customs_unit = excluded.customs_unit, legal_unit = excluded.legal_unit, legal_qty = excluded.legal_qty,
                net_weight_kg = excluded.net_weight_kg, gross_weight_kg = excluded.gross_weight_kg,
                price_fen = excluded.price_fen, vat_rate = excluded.vat_rate,
                consumption_tax_rate = excluded.consumption_tax_rate, tariff_rate = excluded.tariff_rate,
                trade_mode = excluded.trade_mode, warehouse_code = excluded.warehouse_code,
                item_record_no = case when excluded.trade_mode = '1210'
                                      then coalesce(product.item_record_no, excluded.item_record_no) end,
                barcode = excluded.barcode, image_url = coalesce(:imageUrl, product.image_url),
                status = 'LISTED', updated_at = now()
            where product.exhibitor_id = excluded.exhibitor_id
            """;

    private static final String UPSERT_STOCK = """
            insert into stock (sku, warehouse_code, on_hand)
            select :sku, :warehouse, :onHand
             where exists (select 1 from product where sku = :sku and exhibitor_id = :exhibitorId)
            on conflict (sku, warehouse_code) do update set on_hand = greatest(excluded.on_hand, stock.reserved)
            """;

    private final NamedParameterJdbcOperations jdbc;

    ProductWriter(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Upserts the products and their stock in batches of {@link #BATCH_SIZE}, inside the caller's transaction, in SKU
     * order. The SKUs must be distinct (one statement cannot upsert a row twice).
     *
     * @return the SKUs left unchanged because another exhibitor owns them
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Set<String> write(List<ProductRow> products) {
        // One lock order for every writer: concurrent imports touching the same SKUs cannot deadlock.
        List<ProductRow> rows =
                products.stream().sorted(Comparator.comparing(ProductRow::sku)).toList();
        Set<String> refused = new HashSet<>();
        for (int from = 0; from < rows.size(); from += BATCH_SIZE) {
            List<ProductRow> batch = rows.subList(from, Math.min(rows.size(), from + BATCH_SIZE));
            int[] counts = jdbc.batchUpdate(
                    UPSERT_PRODUCT,
                    batch.stream().map(ProductWriter::productParams).toArray(SqlParameterSource[]::new));
            // 0 rows: the conflict's "where" held the row back. The driver may report "success, count unknown"
            // (a negative number) when it rewrites batches; the stock upsert below checks the owner itself.
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    refused.add(batch.get(i).sku());
                }
            }
            jdbc.batchUpdate(
                    UPSERT_STOCK,
                    batch.stream()
                            .filter(row -> !refused.contains(row.sku()))
                            .map(ProductWriter::stockParams)
                            .toArray(SqlParameterSource[]::new));
        }
        return refused;
    }

    private static SqlParameterSource productParams(ProductRow row) {
        return new MapSqlParameterSource()
                .addValue("sku", row.sku())
                .addValue("exhibitorId", row.exhibitorId())
                .addValue("category", row.category())
                .addValue("brand", row.brand())
                .addValue("brandZh", row.brandZh())
                .addValue("nameZh", row.nameZh())
                .addValue("nameEn", row.nameEn())
                .addValue("descriptionZh", row.descriptionZh())
                .addValue("descriptionEn", row.descriptionEn())
                .addValue("hsCode", row.hsCode())
                .addValue("origin", row.origin())
                .addValue("customsUnit", row.customsUnit())
                .addValue("legalUnit", row.legalUnit())
                .addValue("legalQty", row.legalQty())
                .addValue("netWeight", row.netWeightKg())
                .addValue("grossWeight", row.grossWeightKg())
                .addValue("priceFen", row.price().fen())
                .addValue("vatRate", row.vatRate())
                .addValue("consumptionTaxRate", row.consumptionTaxRate())
                .addValue("tariffRate", row.tariffRate())
                .addValue("tradeMode", row.tradeMode(), Types.VARCHAR)
                .addValue("warehouse", row.warehouse())
                .addValue("itemRecordNo", row.itemRecordNo(), Types.VARCHAR)
                .addValue("barcode", row.barcode(), Types.VARCHAR)
                .addValue("imageUrl", row.imageUrl(), Types.VARCHAR);
    }

    private static SqlParameterSource stockParams(ProductRow row) {
        return new MapSqlParameterSource()
                .addValue("sku", row.sku(), Types.VARCHAR)
                .addValue("warehouse", row.warehouse(), Types.VARCHAR)
                .addValue("onHand", row.stock(), Types.INTEGER)
                .addValue("exhibitorId", row.exhibitorId());
    }
}
