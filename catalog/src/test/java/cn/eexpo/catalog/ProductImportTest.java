package cn.eexpo.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import cn.eexpo.catalog.ImportStatus.Format;
import cn.eexpo.catalog.ImportStatus.RowError;
import cn.eexpo.catalog.ImportStatus.State;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** Exhibitors import products from CSV and XLSX files through the REST API, against real PostgreSQL. */
@CatalogTest
class ProductImportTest {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};
    private static final String EXHIBITOR = "rhein-main";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProductSearch search;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    /** A bad row: which column is wrong, and a fragment of the reason the import must give. */
    record Bad(String column, String fragment, Consumer<Map<String, String>> spoil) {}

    @ParameterizedTest
    @EnumSource(Format.class)
    void aFileWithAThousandGoodAndFiftyBadRowsImportsTheThousandAndNamesTheFifty(Format format) {
        String prefix = "IMP-" + format + "-";
        String brand = "Importhaus" + format.name().charAt(0) + "x";
        Iterator<String> othersSkus = skusOf("southern-cross", 2).iterator();
        List<Bad> kinds = List.of(
                bad("sku", "Required, but empty", r -> r.put("sku", "")),
                bad("sku", "not a valid SKU", r -> r.put("sku", "IMP BAD!")),
                bad("sku", "already appears in row", r -> r.put("sku", prefix + "00007")),
                bad("exhibitor", "import is for exhibitor rhein-main", r -> r.put("exhibitor", "sakura-living")),
                bad("sku", "belongs to another exhibitor", r -> r.put("sku", othersSkus.next())),
                bad("name_zh", "Required, but empty", r -> r.put("name_zh", " ")),
                bad("hs_code", "exactly 10 digits", r -> r.put("hs_code", "190110100")),
                bad("hs_code", "not on the positive list", r -> r.put("hs_code", "8703239000")),
                bad("category", "Unknown category", r -> r.put("category", "toys")),
                bad("origin", "Unknown country", r -> r.put("origin", "999")),
                bad("origin", "Unknown country", r -> r.put("origin", "XX")),
                bad("customs_unit", "Unknown customs unit", r -> r.put("customs_unit", "999")),
                bad("legal_unit", "Unknown customs unit", r -> r.put("legal_unit", "kg")),
                bad("legal_qty", "not a number", r -> r.put("legal_qty", "0,8")),
                bad("net_weight_kg", "above the gross weight", r -> r.put("net_weight_kg", "2.000")),
                bad("net_weight_kg", "greater than 0", r -> r.put("net_weight_kg", "0")),
                bad("gross_weight_kg", "greater than 0", r -> r.put("gross_weight_kg", "-1")),
                bad("price_cny", "greater than 0", r -> r.put("price_cny", "0")),
                bad("price_cny", "at most 2 decimals", r -> r.put("price_cny", "12.345")),
                bad("price_cny", "not a number", r -> r.put("price_cny", "¥12")),
                bad("vat_rate", "up to, but not including, 1", r -> r.put("vat_rate", "1")),
                bad("consumption_tax_rate", "up to, but not including, 1", r -> r.put("consumption_tax_rate", "-0.1")),
                bad("tariff_rate", "not a number", r -> r.put("tariff_rate", "5%")),
                bad("trade_mode", "1210", r -> r.put("trade_mode", "0110")),
                bad("warehouse", "Unknown warehouse", r -> r.put("warehouse", "NOWHERE")),
                bad("warehouse", "held in a bonded warehouse", r -> {
                    r.put("trade_mode", "1210");
                    r.put("warehouse", "FRA-AIR");
                }),
                bad("warehouse", "ships from an overseas warehouse", r -> {
                    r.put("trade_mode", "9610");
                    r.put("warehouse", "XZCBZ");
                }),
                bad("stock", "whole number", r -> r.put("stock", "-1")),
                bad("stock", "whole number", r -> r.put("stock", "2.5")),
                bad("brand", "Required, but empty", r -> r.put("brand", "")),
                bad("name_en", "At most 250 characters", r -> r.put("name_en", "x".repeat(300))));
        // Columns in an order of their own: the header says which is which.
        List<String> columns = new ArrayList<>(ProductSheet.COLUMNS);
        Collections.shuffle(columns, new Random(format.ordinal()));
        var sheet = new ProductSheet(columns);
        List<RowError> expected = new ArrayList<>();
        List<String> fragments = new ArrayList<>();
        int good = 0;
        int spoiled = 0;
        while (good < 1_000 || spoiled < 50) {
            if (spoiled < 50 && (sheet.rows.size() % 21 == 20 || good == 1_000)) {
                Bad kind = kinds.get(spoiled % kinds.size());
                var row = ProductSheet.good(prefix + "B" + spoiled, brand, 5_000 + spoiled);
                kind.spoil().accept(row);
                expected.add(new RowError(ProductSheet.rowNumber(sheet.rows.size()), kind.column(), null));
                fragments.add(kind.fragment());
                sheet.add(row);
                spoiled++;
            } else {
                good++;
                sheet.add(ProductSheet.good(prefix + "%05d".formatted(good), brand, good));
            }
        }
        byte[] file = format == Format.CSV ? sheet.csv(true) : sheet.xlsx();
        String fileName = "products-1050." + format.name().toLowerCase();

        ResponseEntity<Map<String, Object>> started = upload(EXHIBITOR, fileName, file);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(started.getBody()).containsEntry("total", 1_050).containsKeys("id", "status", "done");
        assertThat(started.getHeaders().getLocation()).isNotNull();
        assertThat(started.getHeaders().getLocation().getPath())
                .isEqualTo("/api/v1/imports/" + started.getBody().get("id"));
        ImportStatus status = awaitFinished(started.getHeaders().getLocation().getPath());
        assertThat(status.status()).isEqualTo(State.DONE);
        assertThat(status.exhibitor()).isEqualTo(EXHIBITOR);
        assertThat(status.fileName()).isEqualTo(fileName);
        assertThat(status.format()).isEqualTo(format);
        assertThat(status.total()).isEqualTo(1_050);
        assertThat(status.done()).isEqualTo(1_050);
        assertThat(status.imported()).isEqualTo(1_000);
        assertThat(status.rejected()).isEqualTo(50);
        assertThat(status.error()).isNull();
        assertThat(status.finishedAt()).isAfterOrEqualTo(status.startedAt());
        assertThat(status.errors())
                .extracting(RowError::row, RowError::column)
                .containsExactlyElementsOf(
                        expected.stream().map(e -> tuple(e.row(), e.column())).toList());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(status.errors().get(i).reason())
                    .as("reason for row %d", expected.get(i).row())
                    .contains(fragments.get(i));
        }
        assertThat(count(prefix + "%")).isEqualTo(1_000);
        var sample = jdbc.sql("""
                        select p.price_fen, p.origin_country, p.trade_mode, p.item_record_no, p.description_en,
                               s.on_hand, e.code
                          from product p join stock s on s.sku = p.sku join exhibitor e on e.id = p.exhibitor_id
                         where p.sku = :sku
                        """).param("sku", prefix + "00006").query().singleRow();
        assertThat(sample)
                .containsEntry("price_fen", 20_590L)
                .containsEntry("origin_country", "304") // given as DE
                .containsEntry("trade_mode", "1210")
                .containsEntry("on_hand", 6)
                .containsEntry("code", EXHIBITOR)
                .containsEntry(
                        "description_en", "A product for import tests, with a comma, and \"quotes\".\nSecond line.");
        assertThat(sample.get("item_record_no")).isNotNull();
        // The import published CatalogChanged: the index is rebuilt and finds the imported products.
        await().atMost(Duration.ofSeconds(60))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text(brand, 0, 1)).total() >= 1_000);
    }

    @Test
    void reimportingAFileWithChangedPricesUpdatesTheProductsBySkuWithoutDuplicates() {
        var sheet = new ProductSheet(ProductSheet.COLUMNS.stream()
                .filter(c -> !c.equals("exhibitor"))
                .toList());
        for (int n = 1; n <= 200; n++) {
            sheet.add(ProductSheet.good("IMP-RE-%05d".formatted(n), "Reimport", n));
        }
        ImportStatus first = awaitFinished(location(upload(EXHIBITOR, "prices.csv", sheet.csv(false))));
        assertThat(first.imported()).isEqualTo(200);
        Map<String, Object> before = product("IMP-RE-00002");

        sheet.rows.forEach(row -> {
            row.put("price_cny", "1234.50");
            row.put("stock", "77");
        });
        ImportStatus second = awaitFinished(location(upload(EXHIBITOR, "prices.xlsx", sheet.xlsx(true))));

        assertThat(second.status()).isEqualTo(State.DONE);
        assertThat(second.imported()).isEqualTo(200);
        assertThat(second.rejected()).isZero();
        assertThat(count("IMP-RE-%")).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from stock where sku like 'IMP-RE-%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from product where sku like 'IMP-RE-%' and price_fen <> 123450")
                        .query(Long.class)
                        .single())
                .isZero();
        Map<String, Object> after = product("IMP-RE-00002");
        assertThat(after.get("on_hand")).isEqualTo(77);
        assertThat(after.get("item_record_no"))
                .as("a 1210 product keeps its account-book item number")
                .isNotNull()
                .isEqualTo(before.get("item_record_no"));
    }

    @Test
    void progressIsVisibleWhileAnImportRunsAndReachesTheTotalAtTheEnd() {
        var sheet = new ProductSheet();
        for (int n = 1; n <= 10_000; n++) {
            sheet.add(ProductSheet.good("IMP-PROG-%05d".formatted(n), "Progress", n));
        }
        String location = location(upload(EXHIBITOR, "progress.csv", sheet.csv(false)));
        List<ImportStatus> seen = new ArrayList<>();

        await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> {
                    ImportStatus now = status(location);
                    seen.add(now);
                    return now.status() != State.RUNNING;
                });

        assertThat(seen).allSatisfy(s -> {
            assertThat(s.total()).isEqualTo(10_000);
            assertThat(s.done()).isBetween(0, s.total());
            assertThat(s.done()).isEqualTo(s.imported() + s.rejected());
        });
        assertThat(seen).extracting(ImportStatus::done).isSorted();
        assertThat(seen).as("a snapshot taken part way through").anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(State.RUNNING);
            assertThat(s.done()).isStrictlyBetween(0, 10_000);
        });
        ImportStatus last = seen.getLast();
        assertThat(last.status()).isEqualTo(State.DONE);
        assertThat(last.done()).isEqualTo(last.total());
        assertThat(last.imported()).isEqualTo(10_000);
        // Keep the shared test catalog small for the index rebuilds of other tests.
        jdbc.sql("delete from stock where sku like 'IMP-PROG-%'").update();
        jdbc.sql("delete from product where sku like 'IMP-PROG-%'").update();
    }

    @Test
    void aFileWithoutARequiredColumnIsRefusedNamingTheColumn() {
        var sheet = new ProductSheet(
                ProductSheet.COLUMNS.stream().filter(c -> !c.equals("hs_code")).toList());
        sheet.add(ProductSheet.good("IMP-NOHS-00001", "NoHs", 1));

        ResponseEntity<Map<String, Object>> response = upload(EXHIBITOR, "no-hs-code.csv", sheet.csv(false));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat((String) response.getBody().get("detail")).contains("The header lacks the required column hs_code.");
        ImportStatus failed = status("/api/v1/imports/" + response.getBody().get("importId"));
        assertThat(failed.status()).isEqualTo(State.FAILED);
        assertThat(failed.error()).contains("required column hs_code");
        assertThat(failed.total()).isZero();
        assertThat(count("IMP-NOHS-%")).isZero();
    }

    @Test
    void anUnknownColumnRefusesTheFileAndSaysWhichOnesAreKnown() {
        List<String> columns = new ArrayList<>(ProductSheet.COLUMNS);
        columns.add("colour");
        var sheet = new ProductSheet(columns).add(ProductSheet.good("IMP-COLOUR-00001", "Colour", 1));

        ResponseEntity<Map<String, Object>> response = upload(EXHIBITOR, "colour.xlsx", sheet.xlsx());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) response.getBody().get("detail"))
                .contains("unknown column colour")
                .contains("The columns are: sku, exhibitor, category");
    }

    @Test
    void aSkuOfAnotherExhibitorIsRefusedAndLeftAsItWas() {
        String theirs = skusOf("sakura-living", 1).getFirst();
        Map<String, Object> before = product(theirs);
        var sheet = new ProductSheet()
                .add(ProductSheet.good("IMP-OWN-00001", "Own", 1))
                .add(ProductSheet.good(theirs, "Own", 2));

        String location = location(upload(EXHIBITOR, "takeover.csv", sheet.csv(false)));
        ImportStatus status = awaitFinished(location);

        assertThat(status.imported()).isEqualTo(1);
        assertThat(status.rejected()).isEqualTo(1);
        assertThat(status.errors()).extracting(RowError::row, RowError::column).containsExactly(tuple(3, "sku"));
        assertThat(status.errors().getFirst().reason()).contains("belongs to another exhibitor");
        assertThat(product(theirs)).isEqualTo(before);
        Map<String, Object> json = http.get().uri(location).retrieve().body(JSON);
        assertThat(json)
                .containsOnlyKeys(
                        "id",
                        "exhibitor",
                        "fileName",
                        "format",
                        "status",
                        "total",
                        "done",
                        "imported",
                        "rejected",
                        "error",
                        "errors",
                        "startedAt",
                        "finishedAt")
                .containsEntry("status", "DONE")
                .containsEntry(
                        "errors",
                        List.of(Map.of(
                                "row",
                                3,
                                "column",
                                "sku",
                                "reason",
                                status.errors().getFirst().reason())));
        assertThat((String) json.get("startedAt")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
    }

    @Test
    void anUnknownExhibitorIsNotFound() {
        var sheet = new ProductSheet().add(ProductSheet.good("IMP-NOBODY-00001", "Nobody", 1));

        ResponseEntity<Map<String, Object>> response = upload("nobody", "products.csv", sheet.csv(false));

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat((String) response.getBody().get("detail")).contains("no exhibitor nobody");
    }

    @Test
    void aFileThatIsNotCsvOrXlsxIsRefusedWithTheReason() {
        var pdf = upload(EXHIBITOR, "catalogue.pdf", "%PDF-1.7".getBytes());
        var brokenWorkbook = upload(EXHIBITOR, "broken.xlsx", "not a zip at all".getBytes());
        var gbk = upload(
                EXHIBITOR,
                "gbk.csv",
                new ProductSheet()
                        .add(ProductSheet.good("IMP-GBK-00001", "Gbk", 1))
                        .csvText()
                        .getBytes(Charset.forName("GBK")));

        assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) pdf.getBody().get("detail")).contains(".csv or .xlsx");
        assertThat(brokenWorkbook.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) brokenWorkbook.getBody().get("detail")).contains("not a readable XLSX workbook");
        assertThat(gbk.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat((String) gbk.getBody().get("detail")).contains("not UTF-8");
    }

    @Test
    void anUnknownImportIsNotFound() {
        assertThat(http.get()
                        .uri("/api/v1/imports/{id}", UUID.randomUUID())
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    private static Bad bad(String column, String fragment, Consumer<Map<String, String>> spoil) {
        return new Bad(column, fragment, spoil);
    }

    private ResponseEntity<Map<String, Object>> upload(String exhibitor, String fileName, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add("file", new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return fileName;
            }
        });
        return http.post()
                .uri("/api/v1/exhibitors/{exhibitor}/imports", exhibitor)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toEntity(JSON);
    }

    private static String location(ResponseEntity<?> started) {
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        return started.getHeaders().getLocation().getPath();
    }

    private ImportStatus status(String location) {
        ResponseEntity<ImportStatus> response =
                http.get().uri(location).retrieve().toEntity(ImportStatus.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }

    private ImportStatus awaitFinished(String location) {
        return await().atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> status(location), s -> s.status() != State.RUNNING);
    }

    private long count(String skuPattern) {
        return jdbc.sql("select count(*) from product where sku like :pattern")
                .param("pattern", skuPattern)
                .query(Long.class)
                .single();
    }

    private Map<String, Object> product(String sku) {
        return jdbc.sql("""
                        select p.*, s.on_hand from product p left join stock s on s.sku = p.sku where p.sku = :sku
                        """).param("sku", sku).query().singleRow();
    }

    private List<String> skusOf(String exhibitor, int howMany) {
        return jdbc.sql("""
                        select p.sku from product p join exhibitor e on e.id = p.exhibitor_id
                         where e.code = :exhibitor order by p.sku limit :limit
                        """)
                .param("exhibitor", exhibitor)
                .param("limit", howMany)
                .query(String.class)
                .list();
    }
}
