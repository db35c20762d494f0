package cn.eexpo.catalog.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The columns of an import file, named as in the header row (the demo catalog's {@code products.csv}). */
enum Column {
    SKU,
    EXHIBITOR,
    CATEGORY,
    BRAND,
    BRAND_ZH,
    NAME_ZH,
    NAME_EN,
    DESCRIPTION_ZH,
    DESCRIPTION_EN,
    HS_CODE,
    ORIGIN,
    CUSTOMS_UNIT,
    LEGAL_UNIT,
    LEGAL_QTY,
    NET_WEIGHT_KG,
    GROSS_WEIGHT_KG,
    PRICE_CNY,
    VAT_RATE,
    CONSUMPTION_TAX_RATE,
    TARIFF_RATE,
    TRADE_MODE,
    WAREHOUSE,
    BARCODE,
    STOCK;

    /** The header name, e.g. {@code hs_code}. */
    final String header = name().toLowerCase(Locale.ROOT);

    /** Every column but {@code exhibitor} must be in the header (the import is for one exhibitor anyway). */
    boolean requiredInHeader() {
        return this != EXHIBITOR;
    }

    /** Columns whose cells may be empty; every other cell needs a value. */
    boolean valueOptional() {
        return this == EXHIBITOR || this == DESCRIPTION_ZH || this == DESCRIPTION_EN || this == BARCODE;
    }

    static Optional<Column> byHeader(String header) {
        return Arrays.stream(values()).filter(c -> c.header.equals(header)).findFirst();
    }

    static String allHeaders() {
        return Arrays.stream(values()).map(c -> c.header).collect(Collectors.joining(", "));
    }
}
