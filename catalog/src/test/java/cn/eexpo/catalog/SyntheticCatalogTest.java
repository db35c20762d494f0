package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Generated products go through PostgreSQL's constraints (keys, code tables, checks) with COPY. Rolled back at the
 * end, so it leaves the database as it found it; point it at another database with {@code SPRING_DATASOURCE_URL}.
 */
@CatalogTest
@Tag("integration")
@Transactional
class SyntheticCatalogTest {

    @Autowired
    SyntheticCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void twoThousandSyntheticProductsPassTheSchemaAndAReplaceReplacesThem() {
        SyntheticCatalog.Generated generated = catalog.replace(2_000, 11);

        assertThat(generated.products()).isEqualTo(2_000);
        assertThat(catalog.count()).isEqualTo(2_000);
        assertThat(jdbc.sql("""
                        select count(*) from product p join stock s on s.sku = p.sku and s.warehouse_code = p.warehouse_code
                         where p.sku like 'SYN-%'
                        """).query(Long.class).single()).isEqualTo(2_000);
        assertThat(jdbc.sql("select count(distinct brand) from product where sku like 'SYN-%'")
                        .query(Long.class)
                        .single())
                .isGreaterThan(300);
        assertThat(jdbc.sql("select count(*) from product where sku like 'SYN-%' and created_at > updated_at")
                        .query(Long.class)
                        .single())
                .isZero();

        catalog.replace(500, 12);

        assertThat(catalog.count()).isEqualTo(500);
        assertThat(jdbc.sql("select count(*) from stock where sku like 'SYN-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(500);
    }
}
