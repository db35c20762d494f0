package cn.eexpo.orders.identity;

/**
 * A name, ID number or phone that cannot be a buyer's real-name identity. The message names the field and the reason,
 * never the rejected value: ID numbers must not reach a response or a log.
 */
public class InvalidIdentityException extends RuntimeException {

    private final String field;
    private final String code;
    private final String reason;

    public InvalidIdentityException(String field, String reason) {
        this(field, field + ".invalid", reason);
    }

    /**
     * @param code which rule was broken ({@code idNumber.checkDigit}, {@code phone.mobile}, ...): what a translated
     *     message is looked up by
     */
    public InvalidIdentityException(String field, String code, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.code = code;
        this.reason = reason;
    }

    /** {@code name}, {@code idNumber} or {@code phone}. */
    public String field() {
        return field;
    }

    /** The broken rule: {@code <field>.<rule>}, stable for translations. */
    public String code() {
        return code;
    }

    public String reason() {
        return reason;
    }
}
