package cn.eexpo.orders.account;

/**
 * A sign-up that cannot open an account. The field is {@code email}, {@code password} or {@code displayName}; the code
 * ({@code email.required}, {@code password.short}, ...) is what a translated message is looked up by.
 */
public class AccountRefusedException extends FieldRefusedException {

    public AccountRefusedException(String field, String reason) {
        this(field, field + ".invalid", reason);
    }

    public AccountRefusedException(String field, String code, String reason) {
        super(field, code, reason);
    }
}
