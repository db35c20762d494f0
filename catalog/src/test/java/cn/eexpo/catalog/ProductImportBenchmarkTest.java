package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.catalog.ImportStatus.Format;
import cn.eexpo.catalog.ImportStatus.State;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long 100,000 rows take. Not part of the build; run it with
 * {@code mvn verify -pl catalog -Dtest=ProductImportBenchmarkTest -Deexpo.import.benchmark=true}.
 */
@CatalogTest
@EnabledIfSystemProperty(named = "eexpo.import.benchmark", matches = "true")
class ProductImportBenchmarkTest {

    private static final Logger log = LoggerFactory.getLogger(ProductImportBenchmarkTest.class);
    private static final int ROWS = ProductImports.MAX_ROWS;

    @Autowired
    ProductImports imports;

    @Autowired
    JdbcClient jdbc;

    /** CSV; XLSX with inline strings (as POI's SXSSF writes); XLSX with shared strings (as Excel writes). */
    @ParameterizedTest
    @ValueSource(strings = {"csv", "xlsx-inline-strings", "xlsx-shared-strings"})
    void aHundredThousandRowsImportWithinMinutes(String kind) {
        var sheet = new ProductSheet();
        for (int n = 1; n <= ROWS; n++) {
            sheet.add(ProductSheet.good("IMP-PERF-%06d".formatted(n), "Benchmark", n));
        }
        Format format = kind.equals("csv") ? Format.CSV : Format.XLSX;
        byte[] file = switch (kind) {
            case "csv" -> sheet.csv(true);
            case "xlsx-inline-strings" -> sheet.xlsx(false);
            default -> sheet.xlsx(true);
        };
        long started = System.nanoTime();

        ImportStatus status =
                imports.start("rhein-main", "benchmark." + format.name().toLowerCase(), new ByteArrayInputStream(file));
        long checked = System.nanoTime();
        ImportStatus done = await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> imports.status(status.id()).orElseThrow(), s -> s.status() != State.RUNNING);
        long finished = System.nanoTime();

        log.info(
                "{} rows of {} ({} MB): checked in {} ms, imported in {} ms, {} ms in all",
                ROWS,
                kind,
                file.length / 1_000_000,
                (checked - started) / 1_000_000,
                (finished - checked) / 1_000_000,
                (finished - started) / 1_000_000);
        assertThat(done.status()).isEqualTo(State.DONE);
        assertThat(done.imported()).isEqualTo(ROWS);
    }

    @AfterEach
    void removeTheBenchmarkProducts() {
        jdbc.sql("delete from stock where sku like 'IMP-PERF-%'").update();
        jdbc.sql("delete from product where sku like 'IMP-PERF-%'").update();
    }
}
