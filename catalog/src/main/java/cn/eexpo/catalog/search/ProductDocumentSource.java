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

/** Reads listed products from PostgreSQL in the shape the index wants. */
@Component
class ProductDocumentSource {

    private static final String COLUMNS = """
            select p.sku, p.name_zh, p.name_en, p.description_zh, p.description_en, p.brand, p.brand_zh,
                   p.category_code, c.parent_code, c.name_zh as category_zh, c.name_en as category_en,
                   co.iso_code, co.name_zh as country_zh, co.name_en as country_en,
                   p.trade_mode, p.warehouse_code, p.hs_code, p.price_fen, p.image_url, p.created_at, p.updated_at,
            """;

    /** All listed products: stock summed once for the whole table and joined, not looked up row by row. */
    private static final String LISTED_PRODUCTS = COLUMNS + """
                   coalesce(s.available, 0) as available
              from product p
              join category c on c.code = p.category_code
              join country co on co.customs_code = p.origin_country
              left join (select sku, sum(on_hand - reserved) as available from stock group by sku) s on s.sku = p.sku
             where p.status = 'LISTED'
            """;

    /** A few listed products: their stock looked up by SKU (summing the whole table would cost more). */
    private static final String LISTED_AMONG = COLUMNS + """
                   coalesce((select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku), 0) as available
              from product p
              join category c on c.code = p.category_code
              join country co on co.customs_code = p.origin_country
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

    private static ProductDocument map(ResultSet rs, int row) throws SQLException {
        String parent = rs.getString("parent_code");
        String category = rs.getString("category_code");
        return new ProductDocument(
                rs.getString("sku"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("description_zh"),
                rs.getString("description_en"),
                rs.getString("brand"),
                rs.getString("brand_zh"),
                category,
                parent == null ? List.of(category) : List.of(parent, category),
                rs.getString("category_zh") + " " + rs.getString("category_en"),
                rs.getString("iso_code"),
                rs.getString("country_zh") + " " + rs.getString("country_en"),
                rs.getString("trade_mode"),
                rs.getString("warehouse_code"),
                rs.getString("hs_code"),
                rs.getLong("price_fen"),
                rs.getInt("available"),
                rs.getString("image_url"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
