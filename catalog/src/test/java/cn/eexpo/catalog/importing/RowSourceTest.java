package cn.eexpo.catalog.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.catalog.ImportRefusedException;
import cn.eexpo.catalog.ImportStatus.Format;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFRichTextString;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RowSourceTest {

    @TempDir
    Path dir;

    @Test
    void csvRowsAreNumberedAsASpreadsheetShowsThemAcrossMultiLineValuesAndBlankLines() throws IOException {
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, "\uFEFFsku,description_en\r\nA-1,\"two\r\nlines\"\r\n\r\nA-2,plain\r\n");

        Map<Integer, List<String>> rows = read(file, Format.CSV);

        assertThat(rows).containsOnlyKeys(1, 2, 4);
        assertThat(rows.get(1)).containsExactly("sku", "description_en");
        assertThat(rows.get(2)).containsExactly("A-1", "two\r\nlines");
        assertThat(rows.get(4)).containsExactly("A-2", "plain");
    }

    @Test
    void aCsvWithAnUnclosedQuoteIsRefusedNamingTheRow() throws IOException {
        Path file = dir.resolve("broken.csv");
        Files.writeString(file, "sku,name_en\nA-1,fine\nA-2,\"never closed\n");

        assertThatThrownBy(() -> read(file, Format.CSV))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("row 3")
                .hasMessageContaining("not closed properly");
    }

    @Test
    void anXlsxNamedCsvIsRefusedAsNotCsvText() throws IOException {
        Path file = dir.resolve("book.csv");
        Files.write(file, new byte[] {'P', 'K', 3, 4, 0, 0});

        assertThatThrownBy(() -> RowSource.open(file, Format.CSV))
                .isInstanceOf(ImportRefusedException.class)
                .hasMessageContaining("not CSV text");
    }

    @Test
    void xlsxNumbersArriveAsStoredNotThroughTheirDisplayFormat() throws IOException {
        Path file = workbook(false, sheet -> {
            var percent = sheet.getWorkbook().createCellStyle();
            percent.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("0%"));
            var money = sheet.getWorkbook().createCellStyle();
            money.setDataFormat(sheet.getWorkbook().createDataFormat().getFormat("#,##0"));
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("price_cny");
            header.createCell(1).setCellValue("vat_rate");
            header.createCell(2).setCellValue("barcode");
            Row row = sheet.createRow(1);
            row.createCell(0).setCellValue(1239.99);
            row.getCell(0).setCellStyle(money);
            row.createCell(1).setCellValue(0.13);
            row.getCell(1).setCellStyle(percent);
            row.createCell(2).setCellValue(5021302556526d);
        });

        List<String> cells = read(file, Format.XLSX).get(2);

        assertThat(cells.get(0)).isEqualTo("1239.99");
        assertThat(cells.get(1)).isEqualTo("0.13");
        assertThat(new BigDecimal(cells.get(2))).isEqualByComparingTo("5021302556526");
    }

    @Test
    void xlsxRowsKeepTheirSheetNumbersAndMissingCellsReadAsEmpty() throws IOException {
        Path file = workbook(false, sheet -> {
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("sku");
            header.createCell(1).setCellValue("brand");
            header.createCell(2).setCellValue("stock");
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("A-1");
            first.createCell(2).setCellValue(5);
            sheet.createRow(2); // blank
            sheet.createRow(3).createCell(1).setCellValue("Only brand");
        });

        Map<Integer, List<String>> rows = read(file, Format.XLSX);

        assertThat(rows).containsOnlyKeys(1, 2, 4);
        assertThat(rows.get(2)).containsExactly("A-1", "", "5.0");
        assertThat(rows.get(4)).containsExactly("", "Only brand");
    }

    /** Since JDK 24 each &amp; or &quot; counts toward a 100,000 limit that stops big sheets half-way (JDK-8343004). */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aLargeWorkbookFullOfAmpersandsAndQuotesIsReadToTheEnd(boolean sharedStrings) throws IOException {
        String text = "Johnson & Johnson \"Baby\" & Co ".repeat(12);
        Path file = workbook(sharedStrings, sheet -> {
            for (int r = 0; r < 5_000; r++) {
                Row row = sheet.createRow(r);
                row.createCell(0).setCellValue("R" + r);
                row.createCell(1).setCellValue(text + r);
            }
        });

        Map<Integer, List<String>> rows = read(file, Format.XLSX);

        assertThat(rows).hasSize(5_000);
        assertThat(rows.get(5_000)).containsExactly("R4999", text + 4999);
    }

    @Test
    void richTextInSharedStringsReadsAsItsPlainText() throws IOException {
        Path file = workbook(true, sheet -> {
            var bold = sheet.getWorkbook().createFont();
            bold.setBold(true);
            var name = new XSSFRichTextString("Aptamil 爱他美 & Co");
            name.applyFont(0, 7, bold);
            sheet.createRow(0).createCell(0).setCellValue("name_en");
            sheet.createRow(1).createCell(0).setCellValue(name);
        });

        assertThat(read(file, Format.XLSX).get(2)).containsExactly("Aptamil 爱他美 & Co");
    }

    @Test
    void cellReferencesGiveTheirColumn() {
        assertThat(XlsxRows.column("A1")).isZero();
        assertThat(XlsxRows.column("X100001")).isEqualTo(23);
        assertThat(XlsxRows.column("AB7")).isEqualTo(27);
        assertThat(XlsxRows.column("$AA$3")).isEqualTo(26);
    }

    private interface SheetWriter {
        void write(Sheet sheet);
    }

    private Path workbook(boolean sharedStrings, SheetWriter writer) throws IOException {
        Path file = Files.createTempFile(dir, "book", ".xlsx");
        try (var workbook = new SXSSFWorkbook(null, 100, false, sharedStrings);
                OutputStream out = Files.newOutputStream(file)) {
            writer.write(workbook.createSheet("products"));
            workbook.write(out);
        }
        return file;
    }

    private static Map<Integer, List<String>> read(Path file, Format format) {
        Map<Integer, List<String>> rows = new TreeMap<>();
        try (RowSource source = RowSource.open(file, format)) {
            source.read((number, cells) -> rows.put(number, new ArrayList<>(cells)));
        }
        return rows;
    }

    @Test
    void csvTextIsReadAsUtf8() throws IOException {
        Path file = dir.resolve("zh.csv");
        Files.write(file, "name_zh\n爱他美 奶粉\n".getBytes(StandardCharsets.UTF_8));

        assertThat(read(file, Format.CSV).get(2)).containsExactly("爱他美 奶粉");
    }
}
