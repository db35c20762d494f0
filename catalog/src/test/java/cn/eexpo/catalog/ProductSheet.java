package cn.eexpo.catalog;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** A product file built in a test: a header and rows of named values, written as CSV or XLSX. */
final class ProductSheet {

    static final List<String> COLUMNS = List.of(
            "sku",
            "exhibitor",
            "category",
            "brand",
            "brand_zh",
            "name_zh",
            "name_en",
            "description_zh",
            "description_en",
            "hs_code",
            "origin",
            "customs_unit",
            "legal_unit",
            "legal_qty",
            "net_weight_kg",
            "gross_weight_kg",
            "price_cny",
            "vat_rate",
            "consumption_tax_rate",
            "tariff_rate",
            "trade_mode",
            "warehouse",
            "barcode",
            "stock");

    /** Columns an XLSX gets as number cells when the value is a number (as a person typing them in Excel would). */
    private static final Set<String> NUMBERS = Set.of(
            "legal_qty",
            "net_weight_kg",
            "gross_weight_kg",
            "price_cny",
            "vat_rate",
            "consumption_tax_rate",
            "tariff_rate",
            "stock");

    final List<String> header;
    final List<Map<String, String>> rows = new ArrayList<>();

    ProductSheet(List<String> header) {
        this.header = List.copyOf(header);
    }

    ProductSheet() {
        this(COLUMNS);
    }

    /**
     * A good row for exhibitor rhein-main: even numbers are 1210 goods in the bonded warehouse HNBLC, odd numbers 9610
     * goods in the overseas warehouse FRA-AIR; every third row gives its origin as an ISO code (DE) instead of 304.
     */
    static Map<String, String> good(String sku, String brand, int n) {
        boolean bonded = n % 2 == 0;
        Map<String, String> row = new LinkedHashMap<>();
        row.put("sku", sku);
        row.put("exhibitor", "rhein-main");
        row.put("category", "infant-formula");
        row.put("brand", brand);
        row.put("brand_zh", "进口屋");
        row.put("name_zh", "进口屋 婴儿配方奶粉 1段 800g 第" + n + "号");
        row.put("name_en", brand + " Infant Formula Stage 1 800g no. " + n);
        row.put("description_zh", "测试用的进口商品，带逗号，和\"引号\"。");
        row.put("description_en", "A product for import tests, with a comma, and \"quotes\".\nSecond line.");
        row.put("hs_code", "1901101000");
        row.put("origin", n % 3 == 0 ? "DE" : "304");
        row.put("customs_unit", "122");
        row.put("legal_unit", "035");
        row.put("legal_qty", "0.8000");
        row.put("net_weight_kg", "0.800");
        row.put("gross_weight_kg", "1.015");
        row.put(
                "price_cny",
                new BigDecimal("199.90").add(BigDecimal.valueOf(n % 100)).toPlainString());
        row.put("vat_rate", "0.13");
        row.put("consumption_tax_rate", "0");
        row.put("tariff_rate", "0.05");
        row.put("trade_mode", bonded ? "1210" : "9610");
        row.put("warehouse", bonded ? "HNBLC" : "FRA-AIR");
        row.put("barcode", String.valueOf(4_006_000_000_000L + n));
        row.put("stock", String.valueOf(n % 500));
        return row;
    }

    ProductSheet add(Map<String, String> row) {
        rows.add(row);
        return this;
    }

    /** The row number a spreadsheet shows for the data row at this index (the header is row 1). */
    static int rowNumber(int index) {
        return index + 2;
    }

    /** UTF-8, optionally with a byte-order mark (as Excel's "CSV UTF-8" writes it). */
    byte[] csv(boolean byteOrderMark) {
        return ((byteOrderMark ? "\uFEFF" : "") + csvText()).getBytes(StandardCharsets.UTF_8);
    }

    String csvText() {
        var text = new StringBuilder();
        try (CSVPrinter csv = CSVFormat.RFC4180.print(text)) {
            csv.printRecord(header);
            for (Map<String, String> row : rows) {
                csv.printRecord(
                        header.stream().map(c -> row.getOrDefault(c, "")).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** Written with POI's streaming SXSSFWorkbook, strings inline; numbers in number columns become number cells. */
    byte[] xlsx() {
        return xlsx(false);
    }

    /** With {@code sharedStrings} the strings go to the shared-strings table, as Excel itself writes them. */
    byte[] xlsx(boolean sharedStrings) {
        try (var workbook = new SXSSFWorkbook(null, 100, false, sharedStrings)) {
            Sheet sheet = workbook.createSheet("products");
            Row first = sheet.createRow(0);
            for (int c = 0; c < header.size(); c++) {
                first.createCell(c).setCellValue(header.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r + 1);
                for (int c = 0; c < header.size(); c++) {
                    String value = rows.get(r).getOrDefault(header.get(c), "");
                    if (value.isEmpty()) {
                        continue;
                    }
                    Cell cell = row.createCell(c);
                    if (NUMBERS.contains(header.get(c)) && isNumber(value)) {
                        cell.setCellValue(Double.parseDouble(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            var bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean isNumber(String value) {
        try {
            new BigDecimal(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
