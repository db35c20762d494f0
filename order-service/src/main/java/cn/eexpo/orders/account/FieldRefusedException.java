package cn.eexpo.orders.account;

/**
 * Input refused for one field: the field, the broken rule and why. The rejected value is never repeated (it may be a
 * password or a phone number), and no stack trace is kept: it is the caller's input, not the program, that failed.
 */
public abstract class FieldRefusedException extends RuntimeException {

    private final String field;
    private final String code;

    protected FieldRefusedException(String field, String code, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.code = code;
    }

    public String field() {
        return field;
    }

    /** The broken rule: {@code <field>.<rule>}, stable for translations. */
    public String code() {
        return code;
    }
}
