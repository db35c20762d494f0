package cn.eexpo.orders.identity;

import java.util.regex.Pattern;

/**
 * The name and phone of a real-name identity, read as a person types them and checked (the ID number: {@link IdNumber}).
 * Public so that a form can check each field as it is typed, with the rules {@link Identities#register} applies.
 */
public final class IdentityRules {

    /** Han characters or Latin letters, single middle dots or spaces between them (维吾尔族 names: 买买提·艾力). */
    private static final Pattern NAME =
            Pattern.compile("[\\p{IsHan}[\\p{IsLatin}&&\\p{L}]]+(?:[\\u00B7 ][\\p{IsHan}[\\p{IsLatin}&&\\p{L}]]+)*");
    /** The middle dots people type for the one in names: bullet, katakana and full-width forms. */
    private static final Pattern MIDDLE_DOTS = Pattern.compile("\\s*[\\u00B7\\u2022\\u2027\\u22C5\\u30FB\\uFF65]\\s*");

    private static final Pattern SPACES = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");
    private static final Pattern PHONE_SEPARATORS = Pattern.compile("[\\s\\u3000()-]");

    private IdentityRules() {}

    /** The name as stored: trimmed, single spaces, one kind of middle dot. */
    public static String name(String raw) {
        String name =
                MIDDLE_DOTS.matcher(SPACES.matcher(raw.strip()).replaceAll(" ")).replaceAll("\u00B7");
        int length = name.codePointCount(0, name.length());
        if (length == 0) {
            throw new InvalidIdentityException("name", "name.required", "the real name is required");
        }
        if (length < 2 || length > 50) {
            throw new InvalidIdentityException(
                    "name", "name.length", "a real name has 2 to 50 characters, this one has " + length);
        }
        if (!NAME.matcher(name).matches()) {
            throw new InvalidIdentityException(
                    "name",
                    "name.letters",
                    "a real name is written in Chinese characters or Latin letters, with a middle dot (·) or a"
                            + " space between its parts, as on the ID card");
        }
        return name;
    }

    /** A mainland mobile number, 11 digits; {@code +86}, spaces and hyphens are dropped. */
    public static String phone(String raw) {
        String phone = PHONE_SEPARATORS.matcher(raw).replaceAll("");
        if (phone.startsWith("+86")) {
            phone = phone.substring(3);
        } else if (phone.startsWith("0086")) {
            phone = phone.substring(4);
        }
        if (phone.isEmpty()) {
            throw new InvalidIdentityException("phone", "phone.required", "the phone number is required");
        }
        if (!MOBILE.matcher(phone).matches()) {
            throw new InvalidIdentityException(
                    "phone",
                    "phone.mobile",
                    "a phone number is a mainland mobile number: 11 digits starting with 13 to 19");
        }
        return phone;
    }

    /** {@code 138****8000}, as Chinese shops show a phone number. */
    public static String maskPhone(String phone) {
        return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : "*".repeat(phone.length());
    }
}
