package cn.eexpo.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.eexpo.catalog.ImportStatus.RowError;
import cn.eexpo.catalog.importing.RowValidator.Outcome;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RowValidatorTest {

    private static final List<String> HEADER =
            Arrays.stream(Column.values()).map(c -> c.header).toList();
    private static final ReferenceData REFERENCE = new ReferenceData(
            Set.of("infant-formula"),
            Map.of("304", "304", "DE", "304"),
            Set.of("035", "122"),
            Map.of("HNBLC", "BONDED", "FRA-AIR", "OVERSEAS"),
            Set.of("1901101000"));

    private final ImportHeader header = ImportHeader.parse(1, HEADER);
    private final RowValidator validator = new RowValidator(REFERENCE, 7, "rhein-main");

    private static List<String> good(String sku) {
        return new ArrayList<>(List.of(
                sku,
                "",
                "infant-formula",
                "Aptamil",
                "爱他美",
                "爱他美 奶粉",
                "Aptamil formula",
                "",
                "",
                "1901101000",
                "de",
                "122",
                "035",
                "0.8000",
                "0.800",
                "1.015",
                "239.00",
                "0.13",
                "0",
                "0.05",
                "1210",
                "hnblc",
                "",
                "386.0"));
    }

    private Outcome validate(int row, List<String> cells) {
        return validator.validate(header.row(row, cells));
    }

    @Test
    void aGoodRowBecomesAProductWithCodesNormalised() {
        Outcome outcome = validate(2, good(" ex-if-1 "));

        assertThat(outcome.errors()).isEmpty();
        var product = outcome.product();
        assertThat(product).isNotNull();
        assertThat(product.sku()).isEqualTo("EX-IF-1");
        assertThat(product.exhibitorId()).isEqualTo(7);
        assertThat(product.origin()).as("ISO DE is customs country 304").isEqualTo("304");
        assertThat(product.warehouse()).isEqualTo("HNBLC");
        assertThat(product.price().fen()).isEqualTo(23_900);
        assertThat(product.stock()).isEqualTo(386);
        assertThat(product.barcode()).isNull();
        assertThat(product.itemRecordNo()).as("assigned when written").isNull();
    }

    @Test
    void everyProblemOfARowIsReportedWithItsColumn() {
        List<String> cells = good("EX-IF-2");
        cells.set(Column.HS_CODE.ordinal(), "0802120000");
        cells.set(Column.PRICE_CNY.ordinal(), "1e-3");
        cells.set(Column.TRADE_MODE.ordinal(), "9610");
        cells.set(Column.LEGAL_QTY.ordinal(), "0.00001");

        Outcome outcome = validate(9, cells);

        assertThat(outcome.product()).isNull();
        assertThat(outcome.errors())
                .extracting(RowError::row, RowError::column)
                .containsExactly(
                        tuple(9, "hs_code"), tuple(9, "legal_qty"), tuple(9, "price_cny"), tuple(9, "warehouse"));
        assertThat(outcome.errors().get(1).reason()).contains("At most 4 decimals");
        assertThat(outcome.errors().get(3).reason()).contains("9610 product ships from an overseas warehouse");
    }

    @Test
    void aHsCodeThatLostItsLeadingZeroIsExplained() {
        List<String> cells = good("EX-IF-3");
        cells.set(Column.HS_CODE.ordinal(), "802120000");

        assertThat(validate(2, cells).errors())
                .singleElement()
                .extracting(RowError::reason)
                .asString()
                .contains("has 9 digits")
                .contains("format the column as text");
    }

    @Test
    void aValueBelowNoHeaderIsReportedForTheRowAsAWhole() {
        List<String> cells = good("EX-IF-4");
        cells.add("");
        cells.add("stray");

        assertThat(validate(5, cells).errors()).singleElement().satisfies(error -> {
            assertThat(error.column()).isNull();
            assertThat(error.reason()).contains("Column Z holds a value but has no header name");
        });
    }

    @Test
    void aSkuSeenBeforeInTheFileIsRefusedWithTheRowOfItsFirstOccurrence() {
        validate(2, good("EX-IF-5"));

        assertThat(validate(40, good("ex-if-5")).errors()).singleElement().satisfies(error -> {
            assertThat(error.column()).isEqualTo("sku");
            assertThat(error.reason()).contains("already appears in row 2");
        });
    }

    @Test
    void aNulCharacterIsRefusedBecausePostgresqlCannotStoreIt() {
        List<String> cells = good("EX-IF-6");
        cells.set(Column.DESCRIPTION_EN.ordinal(), "bad\0text");

        assertThat(validate(2, cells).errors()).extracting(RowError::column).containsExactly("description_en");
    }
}
