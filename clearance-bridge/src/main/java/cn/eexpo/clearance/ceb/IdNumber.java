package cn.eexpo.clearance.ceb;

import java.util.Objects;

/**
 * A buyer's identity document number (身份证号). Customs requires it in the order and the inventory list; it is
 * personal information, so {@link #toString()} masks it and it never reaches a log through a record's toString.
 */
public record IdNumber(String value) {

    public IdNumber {
        Objects.requireNonNull(value, "value");
    }

    /** {@code 4101**********123X}: the first and last four characters, the rest masked. */
    public static String mask(String value) {
        if (value.length() <= 8) return "*".repeat(value.length());
        return value.substring(0, 4) + "*".repeat(value.length() - 8) + value.substring(value.length() - 4);
    }

    /**
     * Whether this is an 18-character resident identity number whose last character is the GB 11643 check digit of
     * the first seventeen. (The birth date is checked where the identity is registered, in the orders module.)
     */
    public boolean isResidentIdNumber() {
        if (value.length() != 18) return false;
        int[] weights = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * weights[i];
        }
        char expected = "10X98765432".charAt(sum % 11);
        return Character.toUpperCase(value.charAt(17)) == expected;
    }

    @Override
    public String toString() {
        return mask(value);
    }
}
