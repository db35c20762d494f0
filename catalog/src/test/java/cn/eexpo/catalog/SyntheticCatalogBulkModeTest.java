package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulk mode of large loads drops the foreign keys and secondary indexes of {@code product} and {@code stock} and
 * re-creates them: afterwards they are exactly as before. Rolled back at the end.
 */
@SpringBootTest(
        classes = CatalogTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"eexpo.synthetic.bulk-mode-from=1000", "eexpo.search.maintenance=false"})
@Tag("integration")
@Transactional
class SyntheticCatalogBulkModeTest {

    @Autowired
    SyntheticCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aBulkLoadLeavesTheConstraintsAndIndexesAsTheyWere() {
        List<String> before = schema();

        catalog.replace(2_000, 5);

        assertThat(catalog.count()).isEqualTo(2_000);
        assertThat(schema()).isEqualTo(before).hasSizeGreaterThanOrEqualTo(8 + 3);
    }

    private List<String> schema() {
        return jdbc.sql("""
                        select conname || ' ' || pg_get_constraintdef(oid) from pg_constraint
                         where conrelid in ('product'::regclass, 'stock'::regclass)
                        union all
                        select pg_get_indexdef(indexrelid) from pg_index
                         where indrelid in ('product'::regclass, 'stock'::regclass)
                         order by 1
                        """).query(String.class).list();
    }
}
