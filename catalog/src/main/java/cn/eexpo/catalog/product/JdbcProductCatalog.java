package cn.eexpo.catalog.product;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.common.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

@Service
@Transactional(readOnly = true)
class JdbcProductCatalog implements ProductCatalog {

    private static final String LISTED_PRODUCT = """
            select p.*, e.code as e_code, e.name_zh as e_name_zh, e.name_en as e_name_en, e.customs_code as e_customs,
                   c.name_zh as c_name_zh, c.name_en as c_name_en,
                   co.iso_code, co.name_zh as co_name_zh, co.name_en as co_name_en,
                   w.kind as w_kind, w.name_zh as w_name_zh, w.name_en as w_name_en, w.customs_code as w_customs,
                   w.area_code as w_area_code, w.area_name as w_area_name, w.ems_no as w_ems_no,
                   coalesce((select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku), 0) as available
              from product p
              join exhibitor e on e.id = p.exhibitor_id
              join category c on c.code = p.category_code
              join country co on co.customs_code = p.origin_country
              join warehouse w on w.code = p.warehouse_code
             where p.sku = :sku and p.status = 'LISTED'
            """;

    private final JdbcClient jdbc;

    JdbcProductCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One statement: no transaction of its own (one round trip to PostgreSQL instead of two, with the commit). */
    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ProductDetails> find(Sku sku) {
        return jdbc.sql(LISTED_PRODUCT)
                .param("sku", sku.value())
                .query(JdbcProductCatalog::map)
                .optional();
    }

    @Override
    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    public Optional<ProductDetails.Warehouse> warehouse(String code) {
        return jdbc.sql("""
                        select code, kind, name_zh, name_en, customs_code, area_code, area_name, ems_no
                          from warehouse where code = :code
                        """)
                .param("code", code)
                .query((rs, row) -> warehouse(rs, "code", ""))
                .optional();
    }

    private static ProductDetails.Warehouse warehouse(ResultSet rs, String codeColumn, String prefix)
            throws SQLException {
        String customs = prefix.isEmpty() ? "customs_code" : prefix + "customs";
        return new ProductDetails.Warehouse(
                rs.getString(codeColumn),
                rs.getString(prefix + "kind"),
                rs.getString(prefix + "name_zh"),
                rs.getString(prefix + "name_en"),
                rs.getString(customs),
                rs.getString(prefix + "area_code"),
                rs.getString(prefix + "area_name"),
                rs.getString(prefix + "ems_no"));
    }

    private static ProductDetails map(ResultSet rs, int row) throws SQLException {
        return new ProductDetails(
                rs.getString("sku"),
                new ProductDetails.Party(
                        rs.getString("e_code"),
                        rs.getString("e_name_zh"),
                        rs.getString("e_name_en"),
                        rs.getString("e_customs")),
                new ProductDetails.Named(
                        rs.getString("category_code"), rs.getString("c_name_zh"), rs.getString("c_name_en")),
                rs.getString("brand"),
                rs.getString("brand_zh"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                rs.getString("description_zh"),
                rs.getString("description_en"),
                rs.getString("hs_code"),
                new ProductDetails.Country(
                        rs.getString("origin_country"),
                        rs.getString("iso_code"),
                        rs.getString("co_name_zh"),
                        rs.getString("co_name_en")),
                rs.getString("customs_unit"),
                rs.getString("legal_unit"),
                rs.getBigDecimal("legal_qty"),
                rs.getBigDecimal("net_weight_kg"),
                rs.getBigDecimal("gross_weight_kg"),
                new Money(rs.getLong("price_fen")).yuan(),
                Money.CURRENCY,
                rs.getBigDecimal("vat_rate"),
                rs.getBigDecimal("consumption_tax_rate"),
                rs.getBigDecimal("tariff_rate"),
                rs.getString("trade_mode"),
                warehouse(rs, "warehouse_code", "w_"),
                rs.getString("item_record_no"),
                rs.getString("barcode"),
                rs.getString("image_url"),
                rs.getInt("available"));
    }
}
