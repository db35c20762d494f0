package cn.eexpo.orders.account;

/** A sign-up that cannot open an account: the field and why (the rejected value is never repeated). */
public class AccountRefusedException extends RuntimeException {

    private final String field;
    private final String code;

    public AccountRefusedException(String field, String reason) {
        this(field, field + ".invalid", reason);
    }

    /**
     * @param code which rule was broken ({@code email.required}, {@code password.short}, ...): what a translated
     *     message is looked up by
     */
    public AccountRefusedException(String field, String code, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.code = code;
    }

    /** {@code email}, {@code password} or {@code displayName}. */
    public String field() {
        return field;
    }

    /** The broken rule: {@code <field>.<rule>}, stable for translations. */
    public String code() {
        return code;
    }
}
