package cn.eexpo.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.catalog.CatalogTest;
import cn.eexpo.catalog.ImportStatus.State;
import cn.eexpo.catalog.ProductImports;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@CatalogTest
class AbandonedImportsTest {

    @Autowired
    AbandonedImports abandoned;

    @Autowired
    ProductImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void anImportWithoutProgressForTenMinutesIsFailedAsInterrupted() {
        UUID stale = running("11 minutes");
        UUID lively = running("1 minute");

        abandoned.failAbandoned();

        var failed = imports.status(stale).orElseThrow();
        assertThat(failed.status()).isEqualTo(State.FAILED);
        assertThat(failed.error()).contains("interrupted");
        assertThat(failed.finishedAt()).isNotNull();
        assertThat(imports.status(lively).orElseThrow().status()).isEqualTo(State.RUNNING);
        jdbc.sql("delete from product_import where id = :id")
                .param("id", lively)
                .update();
    }

    private UUID running(String silentFor) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into product_import (id, exhibitor_id, file_name, format, status, total_rows, updated_at)
                        select :id, id, 'stale.csv', 'CSV', 'RUNNING', 10, now() - cast(:silence as interval)
                          from exhibitor where code = 'rhein-main'
                        """).param("id", id).param("silence", silentFor).update();
        return id;
    }
}
