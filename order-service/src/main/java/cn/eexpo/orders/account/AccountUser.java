package cn.eexpo.orders.account;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in principal: the account itself, so that a request knows its account without another query. */
final class AccountUser implements UserDetails, CredentialsContainer {

    static final String ROLE = "ROLE_CONSUMER";
    static final String OPERATOR = "ROLE_OPERATOR";

    private final Account account;
    private final boolean operator;
    private @Nullable String passwordHash;

    AccountUser(Account account, String passwordHash, boolean operator) {
        this.account = account;
        this.passwordHash = passwordHash;
        this.operator = operator;
    }

    Account account() {
        return account;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return operator
                ? List.of(new SimpleGrantedAuthority(ROLE), new SimpleGrantedAuthority(OPERATOR))
                : List.of(new SimpleGrantedAuthority(ROLE));
    }

    @Override
    public @Nullable String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return account.email();
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AccountUser that && account.id() == that.account.id();
    }

    @Override
    public int hashCode() {
        return Long.hashCode(account.id());
    }

    @Override
    public String toString() {
        return "AccountUser[id=" + account.id() + "]";
    }
}
