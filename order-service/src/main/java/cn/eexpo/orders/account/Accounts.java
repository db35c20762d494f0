package cn.eexpo.orders.account;

import java.util.Optional;

/** Consumer accounts. Passwords are stored hashed with a current encoder and never returned. */
public interface Accounts {

    /** Opens an account; refuses a malformed or taken e-mail address and a weak password with a reason. */
    Account signUp(String email, String password, String displayName);

    Optional<Account> byId(long id);

    Optional<Account> byEmail(String email);

    /** The signed-in account of the current request, or empty for an anonymous one. */
    Optional<Account> current();
}
