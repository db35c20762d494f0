package cn.eexpo.orders.account;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules of an address, the same as checkout's for its consignee: every part required, a mainland mobile number,
 * and the lengths the order records take. Public so that a form can check each field as it is typed.
 */
public final class AddressRules {

    public static final int MAX_NAME = 60;
    public static final int MAX_PHONE = 20;
    public static final int MAX_REGION = 30;
    public static final int MAX_ADDRESS = 200;
    /** Addresses one account may keep. */
    public static final int MAX_ADDRESSES = 20;

    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private AddressRules() {}

    /** The address as stored: every part trimmed, the phone without spaces. */
    public static AddressDetails check(AddressDetails details) {
        return new AddressDetails(
                name(details.name()),
                phone(details.phone()),
                region("province", details.province()),
                region("city", details.city()),
                region("district", details.district()),
                address(details.address()));
    }

    public static String name(@Nullable String raw) {
        return required("name", raw, MAX_NAME);
    }

    /** A mainland mobile number: 11 digits starting with 13 to 19; spaces are dropped. */
    public static String phone(@Nullable String raw) {
        String phone = required("phone", raw, MAX_PHONE).replace(" ", "");
        if (!MOBILE.matcher(phone).matches()) {
            throw new AddressRefusedException(
                    "phone", "phone.mobile", "a phone number is a mainland mobile number: 11 digits starting 13 to 19");
        }
        return phone;
    }

    /** {@code province}, {@code city} or {@code district}. */
    public static String region(String field, @Nullable String raw) {
        return required(field, raw, MAX_REGION);
    }

    public static String address(@Nullable String raw) {
        return required("address", raw, MAX_ADDRESS);
    }

    private static String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new AddressRefusedException(field, field + ".required", "this is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new AddressRefusedException(
                    field, field + ".long", "at most " + maxLength + " characters, this has " + trimmed.length());
        }
        return trimmed;
    }
}
