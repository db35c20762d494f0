package cn.eexpo.orders.account;

/** An address that cannot be stored: the field, the broken rule and why (the rejected value is never repeated). */
public class AddressRefusedException extends RuntimeException {

    private final String field;
    private final String code;

    public AddressRefusedException(String field, String code, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.code = code;
    }

    /** {@code name}, {@code phone}, {@code province}, {@code city}, {@code district}, {@code address} or {@code addresses}. */
    public String field() {
        return field;
    }

    /** The broken rule: {@code <field>.<rule>} ({@code phone.mobile}, {@code addresses.full}), stable for translations. */
    public String code() {
        return code;
    }
}
