package cn.eexpo.orders.account;

/** A sign-up that cannot open an account: the field and why (the rejected value is never repeated). */
public class AccountRefusedException extends RuntimeException {

    private final String field;

    public AccountRefusedException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
    }

    /** {@code email}, {@code password} or {@code displayName}. */
    public String field() {
        return field;
    }
}
