package cn.eexpo.catalog;

import java.util.regex.Pattern;

/** A stock-keeping unit: the platform's identifier of one sellable product. */
public record Sku(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9-]{1,39}");

    public Sku {
        if (!FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException(
                    "a SKU is 2 to 40 upper-case letters, digits and hyphens, starting with a letter or digit");
        }
    }

    public static Sku of(String value) {
        return new Sku(value.trim().toUpperCase(java.util.Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
