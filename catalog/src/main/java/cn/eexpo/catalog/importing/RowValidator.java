package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportStatus.RowError;
import cn.eexpo.catalog.Sku;
import cn.eexpo.catalog.importing.ProductWriter.ProductRow;
import cn.eexpo.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Checks the rows of one import against the catalog's rules and code tables and turns a good row into a
 * {@link ProductRow}. Every problem of a row is reported, each with its column and a reason a person understands.
 * Numbers are read as {@link BigDecimal}, never {@code double}. Keeps the SKUs seen so far, so that a SKU appearing
 * again further down the file is refused there. Whether a SKU belongs to another exhibitor is checked when the row is
 * written, against the database.
 */
final class RowValidator {

    /** A validated row: either a product to write or the problems that keep it out. */
    record Outcome(int row, @Nullable ProductRow product, List<RowError> errors) {}

    private static final Pattern HS_CODE = Pattern.compile("[0-9]{10}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final ReferenceData reference;
    private final long exhibitorId;
    private final String exhibitorCode;
    private final Map<String, Integer> firstRowOfSku = new HashMap<>();

    RowValidator(ReferenceData reference, long exhibitorId, String exhibitorCode) {
        this.reference = reference;
        this.exhibitorId = exhibitorId;
        this.exhibitorCode = exhibitorCode;
    }

    Outcome validate(ImportHeader.Row row) {
        var check = new Check(row);
        String sku = check.sku();
        check.exhibitor();
        String category = check.category();
        String brand = check.text(Column.BRAND, 100);
        String brandZh = check.text(Column.BRAND_ZH, 100);
        String nameZh = check.text(Column.NAME_ZH, 250);
        String nameEn = check.text(Column.NAME_EN, 250);
        String descriptionZh = check.text(Column.DESCRIPTION_ZH, 100_000);
        String descriptionEn = check.text(Column.DESCRIPTION_EN, 100_000);
        String hsCode = check.hsCode();
        String origin = check.origin();
        String customsUnit = check.unit(Column.CUSTOMS_UNIT);
        String legalUnit = check.unit(Column.LEGAL_UNIT);
        BigDecimal legalQty = check.positive(Column.LEGAL_QTY, 4, 10);
        BigDecimal net = check.positive(Column.NET_WEIGHT_KG, 3, 9);
        BigDecimal gross = check.positive(Column.GROSS_WEIGHT_KG, 3, 9);
        if (net != null && gross != null && net.compareTo(gross) > 0) {
            check.error(
                    Column.NET_WEIGHT_KG,
                    "The net weight (" + net.toPlainString() + " kg) is above the gross weight ("
                            + gross.toPlainString() + " kg); the gross weight includes the packaging.");
        }
        Money price = check.price();
        BigDecimal vatRate = check.rate(Column.VAT_RATE);
        BigDecimal consumptionTaxRate = check.rate(Column.CONSUMPTION_TAX_RATE);
        BigDecimal tariffRate = check.rate(Column.TARIFF_RATE);
        String tradeMode = check.tradeMode();
        String warehouse = check.warehouse(tradeMode);
        String barcode = check.text(Column.BARCODE, 50);
        Integer stock = check.stock();
        if (!check.errors.isEmpty()) {
            return new Outcome(row.number(), null, List.copyOf(check.errors));
        }
        var product = new ProductRow(
                nn(sku),
                exhibitorId,
                nn(category),
                nn(brand),
                nn(brandZh),
                nn(nameZh),
                nn(nameEn),
                nn(descriptionZh),
                nn(descriptionEn),
                nn(hsCode),
                nn(origin),
                nn(customsUnit),
                nn(legalUnit),
                nn(legalQty),
                nn(net),
                nn(gross),
                nn(price),
                nn(vatRate),
                nn(consumptionTaxRate),
                nn(tariffRate),
                nn(tradeMode),
                nn(warehouse),
                null,
                barcode == null || barcode.isEmpty() ? null : barcode,
                null,
                nn(stock));
        return new Outcome(row.number(), product, List.of());
    }

    private static <T> T nn(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("a row without errors has every value");
        }
        return value;
    }

    /** The checks of one row; each returns the clean value, or null after recording why there is none. */
    private final class Check {

        private final ImportHeader.Row row;
        private final List<RowError> errors = new ArrayList<>();

        Check(ImportHeader.Row row) {
            this.row = row;
            String letter = row.valueWithoutHeader();
            if (letter != null) {
                errors.add(new RowError(
                        row.number(),
                        null,
                        "Column " + letter + " holds a value but has no header name. In a CSV file, a value that"
                                + " contains a comma must be in double quotes."));
            }
        }

        void error(Column column, String reason) {
            errors.add(new RowError(row.number(), column.header, reason));
        }

        /** The value, or null (and an error) when a required value is missing or holds a NUL character. */
        private @Nullable String value(Column column) {
            String value = row.get(column);
            if (value.isEmpty()) {
                if (!column.valueOptional()) {
                    error(column, "Required, but empty.");
                    return null;
                }
                return value;
            }
            if (value.indexOf('\0') >= 0) {
                error(column, "Contains a NUL character, which cannot be stored; remove it.");
                return null;
            }
            return value;
        }

        @Nullable
        String text(Column column, int maxLength) {
            String value = value(column);
            if (value != null && value.length() > maxLength) {
                error(column, "At most " + maxLength + " characters; this one has " + value.length() + ".");
                return null;
            }
            return value;
        }

        @Nullable
        String sku() {
            String value = value(Column.SKU);
            if (value == null) {
                return null;
            }
            Sku sku;
            try {
                sku = Sku.of(value);
            } catch (IllegalArgumentException e) {
                error(Column.SKU, "'" + abbreviate(value) + "' is not a valid SKU: " + e.getMessage() + ".");
                return null;
            }
            Integer first = firstRowOfSku.putIfAbsent(sku.value(), row.number());
            if (first != null) {
                error(
                        Column.SKU,
                        "SKU " + sku + " already appears in row " + first + "; a SKU may appear only once in a file.");
                return null;
            }
            return sku.value();
        }

        void exhibitor() {
            String value = value(Column.EXHIBITOR);
            if (value != null && !value.isEmpty() && !value.equalsIgnoreCase(exhibitorCode)) {
                error(
                        Column.EXHIBITOR,
                        "This import is for exhibitor " + exhibitorCode + ", but the row is for '" + abbreviate(value)
                                + "'; an exhibitor imports its own products only.");
            }
        }

        @Nullable
        String category() {
            String value = value(Column.CATEGORY);
            if (value == null) {
                return null;
            }
            String code = value.toLowerCase(Locale.ROOT);
            if (!reference.categories().contains(code)) {
                error(Column.CATEGORY, "Unknown category '" + abbreviate(value) + "'.");
                return null;
            }
            return code;
        }

        @Nullable
        String hsCode() {
            String value = value(Column.HS_CODE);
            if (value == null) {
                return null;
            }
            if (!HS_CODE.matcher(value).matches()) {
                String hint = DIGITS.matcher(value).matches() && value.length() < 10
                        ? " If a spreadsheet dropped its leading zeros, format the column as text."
                        : "";
                error(
                        Column.HS_CODE,
                        "An HS code has exactly 10 digits; '" + abbreviate(value) + "' has "
                                + (DIGITS.matcher(value).matches() ? value.length() + " digits" : "other characters")
                                + "." + hint);
                return null;
            }
            if (!reference.positiveList().contains(value)) {
                error(
                        Column.HS_CODE,
                        "HS code " + value + " is not on the positive list of goods that may be sold as"
                                + " cross-border retail imports.");
                return null;
            }
            return value;
        }

        @Nullable
        String origin() {
            String value = value(Column.ORIGIN);
            if (value == null) {
                return null;
            }
            String code = reference.countries().get(value.toUpperCase(Locale.ROOT));
            if (code == null) {
                error(
                        Column.ORIGIN,
                        "Unknown country '" + abbreviate(value) + "': give the 3-digit customs country code (e.g. 304"
                                + " for Germany) or the 2-letter ISO code (DE).");
            }
            return code;
        }

        @Nullable
        String unit(Column column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            if (!reference.units().contains(value)) {
                error(
                        column,
                        "Unknown customs unit '" + abbreviate(value) + "': give a 3-digit customs unit code such as"
                                + " 007 (个), 035 (千克) or 142 (瓶).");
                return null;
            }
            return value;
        }

        private @Nullable BigDecimal number(Column column) {
            String value = value(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value);
            } catch (NumberFormatException e) {
                error(column, "'" + abbreviate(value) + "' is not a number; write it like 12.5, with a point.");
                return null;
            }
        }

        /** A decimal above 0 with at most {@code scale} decimals and {@code integerDigits} digits before the point. */
        @Nullable
        BigDecimal positive(Column column, int scale, int integerDigits) {
            BigDecimal number = number(column);
            if (number == null) {
                return null;
            }
            if (number.signum() <= 0) {
                error(column, "Must be greater than 0; not " + number.toPlainString() + ".");
                return null;
            }
            return fits(column, number, scale, integerDigits);
        }

        private @Nullable BigDecimal fits(Column column, BigDecimal number, int scale, int integerDigits) {
            BigDecimal stripped = number.stripTrailingZeros();
            if (stripped.scale() > scale) {
                error(
                        column,
                        "At most " + scale + " decimals; " + number.toPlainString() + " has " + stripped.scale() + ".");
                return null;
            }
            if (stripped.precision() - stripped.scale() > integerDigits) {
                error(column, "Too large: at most " + integerDigits + " digits before the decimal point.");
                return null;
            }
            return number;
        }

        @Nullable
        Money price() {
            BigDecimal yuan = number(Column.PRICE_CNY);
            if (yuan == null) {
                return null;
            }
            if (yuan.signum() <= 0) {
                error(Column.PRICE_CNY, "The price must be greater than 0; not " + yuan.toPlainString() + ".");
                return null;
            }
            if (yuan.stripTrailingZeros().scale() > 2) {
                error(
                        Column.PRICE_CNY,
                        "A price in yuan has at most 2 decimals (whole fen); " + yuan.toPlainString() + " has more.");
                return null;
            }
            if (fits(Column.PRICE_CNY, yuan, 2, 10) == null) {
                return null;
            }
            return Money.ofYuan(yuan);
        }

        /** A tax rate as a fraction: from 0 up to, but not including, 1. */
        @Nullable
        BigDecimal rate(Column column) {
            BigDecimal rate = number(column);
            if (rate == null) {
                return null;
            }
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.ONE) >= 0) {
                error(
                        column,
                        "A rate is a fraction from 0 up to, but not including, 1 (0.13 for 13%); not "
                                + rate.toPlainString() + ".");
                return null;
            }
            return fits(column, rate, 4, 1);
        }

        @Nullable
        String tradeMode() {
            String value = value(Column.TRADE_MODE);
            if (value == null) {
                return null;
            }
            if (!value.equals("1210") && !value.equals("9610")) {
                error(
                        Column.TRADE_MODE,
                        "The trade mode is 1210 (bonded stock in China) or 9610 (shipped from abroad per order);"
                                + " not '" + abbreviate(value) + "'.");
                return null;
            }
            return value;
        }

        @Nullable
        String warehouse(@Nullable String tradeMode) {
            String value = value(Column.WAREHOUSE);
            if (value == null) {
                return null;
            }
            String code = value.toUpperCase(Locale.ROOT);
            String kind = reference.warehouseKinds().get(code);
            if (kind == null) {
                error(Column.WAREHOUSE, "Unknown warehouse '" + abbreviate(value) + "'.");
                return null;
            }
            if ("1210".equals(tradeMode) && !kind.equals("BONDED")) {
                error(
                        Column.WAREHOUSE,
                        "Warehouse " + code + " is an overseas warehouse, but a 1210 product is held in a bonded"
                                + " warehouse in China.");
                return null;
            }
            if ("9610".equals(tradeMode) && !kind.equals("OVERSEAS")) {
                error(
                        Column.WAREHOUSE,
                        "Warehouse " + code + " is a bonded warehouse, but a 9610 product ships from an overseas"
                                + " warehouse.");
                return null;
            }
            return code;
        }

        @Nullable
        Integer stock() {
            BigDecimal stock = number(Column.STOCK);
            if (stock == null) {
                return null;
            }
            try {
                int units = stock.intValueExact();
                if (units >= 0) {
                    return units;
                }
            } catch (ArithmeticException e) {
                // not a whole number, or too large: the reason below says what is expected
            }
            error(Column.STOCK, "Stock is a whole number of 0 or more; not " + stock.toPlainString() + ".");
            return null;
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 37) + "…";
    }
}
