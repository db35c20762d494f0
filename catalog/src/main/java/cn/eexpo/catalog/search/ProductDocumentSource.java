package cn.eexpo.catalog.search;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads listed products from PostgreSQL in the shape the index wants, and the entries of the suggestion index. */
@Component
class ProductDocumentSource {

    /**
     * The document of a product, as JSON built in PostgreSQL: the client passes the bytes on without decoding a row
     * into Java objects and encoding it again, which would cost it as much CPU as Elasticsearch spends indexing.
     */
    private static final String DOCUMENT = """
            select p.sku, json_build_object(
                       'sku', p.sku,
                       'name', p.name_zh,
                       'nameEn', p.name_en,
                       'description', p.description_zh,
                       'descriptionEn', p.description_en,
                       'brand', p.brand,
                       'brandZh', p.brand_zh,
                       'category', p.category_code,
                       'categoryPath', case when c.parent_code is null then json_build_array(p.category_code)
                                            else json_build_array(c.parent_code, p.category_code) end,
                       'categoryName', c.name_zh || ' ' || c.name_en,
                       'origin', co.iso_code,
                       'originName', co.name_zh || ' ' || co.name_en,
                       'tradeMode', p.trade_mode,
                       'warehouse', p.warehouse_code,
                       'hsCode', p.hs_code,
                       'priceFen', p.price_fen,
                       'priceBand', {priceBand},
                       'stock', %s,
                       'imageUrl', p.image_url,
                       'createdAt', p.created_at,
                       'updatedAt', p.updated_at)::text
              from product p
              join category c on c.code = p.category_code
              join country co on co.customs_code = p.origin_country
            """.replace("{priceBand}", PriceBands.sql("p.price_fen"));

    /** All listed products: stock summed once for the whole table and joined, not looked up row by row. */
    private static final String LISTED_PRODUCTS = DOCUMENT.formatted("coalesce(s.available, 0)") + """
              left join (select sku, sum(on_hand - reserved) as available from stock group by sku) s on s.sku = p.sku
             where p.status = 'LISTED'
            """;

    /** A few listed products: their stock looked up by SKU (summing the whole table would cost more). */
    private static final String LISTED_AMONG =
            DOCUMENT.formatted("coalesce((select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku), 0)")
                    + """
             where p.status = 'LISTED' and p.sku in (:skus)
            """;

    /** Listed products per brand and category, with the category's names and its parent's: a few thousand rows. */
    private static final String SUGGESTION_COUNTS = """
            select p.brand, p.brand_zh, c.name_zh, c.name_en, pc.name_zh as parent_zh, pc.name_en as parent_en,
                   count(*) as products
              from product p
              join category c on c.code = p.category_code
              left join category pc on pc.code = c.parent_code
             where p.status = 'LISTED'
             group by 1, 2, 3, 4, 5, 6
            """;

    /** Rows per round trip while streaming; a 1M-product catalog is read in a few hundred of them. */
    private static final int FETCH_SIZE = 5_000;

    private final JdbcClient jdbc;

    ProductDocumentSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Streams every listed product; a read-only transaction lets PostgreSQL hand rows over in fetch-size batches. */
    @Transactional(readOnly = true)
    public void forEachListed(Consumer<ProductDocument> consumer) {
        try (var rows =
                jdbc.sql(LISTED_PRODUCTS).withFetchSize(FETCH_SIZE).query(ProductDocumentSource::map).stream()) {
            rows.forEach(consumer);
        }
    }

    /** The listed ones among {@code skus}; a SKU not returned is not (or no longer) listed. */
    @Transactional(readOnly = true)
    public List<ProductDocument> listedAmong(List<String> skus) {
        return jdbc.sql(LISTED_AMONG)
                .param("skus", skus)
                .query(ProductDocumentSource::map)
                .list();
    }

    /**
     * What the suggestion index offers, each text once: brands, brands with their categories ({@code 爱他美 婴幼儿奶粉},
     * {@code Aptamil Infant formula}) and categories, zh and en, weighted by how many listed products they lead to.
     */
    @Transactional(readOnly = true)
    public List<Suggestion> suggestions() {
        Map<String, Long> products = new LinkedHashMap<>();
        jdbc.sql(SUGGESTION_COUNTS).query((ResultSet rs) -> {
            long count = rs.getLong("products");
            String brand = rs.getString("brand");
            String brandZh = rs.getString("brand_zh");
            String category = rs.getString("name_en");
            String categoryZh = rs.getString("name_zh");
            for (String text : new String[] {
                brand,
                brandZh,
                brand + " " + category,
                brandZh + " " + categoryZh,
                category,
                categoryZh,
                rs.getString("parent_en"),
                rs.getString("parent_zh")
            }) {
                if (text != null && !text.isBlank()) {
                    products.merge(text.strip(), count, Long::sum);
                }
            }
        });
        return products.entrySet().stream()
                .map(e -> Suggestion.of(e.getKey(), e.getValue()))
                .toList();
    }

    /** The document's JSON as PostgreSQL sent it (UTF-8 text), without decoding it. */
    private static ProductDocument map(ResultSet rs, int row) throws SQLException {
        return new ProductDocument(rs.getString(1), rs.getBytes(2));
    }
}
