package cn.eexpo.orders.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts in PostgreSQL, and the {@link UserDetailsService} every sign-in (HTTP Basic on the API, the UI's form later)
 * goes through. Sign-in throttling, when it comes, belongs in front of this (a filter or an authentication event
 * listener); nothing here needs to change for it.
 */
@Service
class JdbcAccounts implements Accounts, UserDetailsService, UserDetailsPasswordService {

    private static final Logger log = LoggerFactory.getLogger(JdbcAccounts.class);

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    JdbcAccounts(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public Account signUp(String email, String password, String displayName) {
        String normalisedEmail = SignUpRules.email(email);
        SignUpRules.password(password);
        String name = SignUpRules.displayName(displayName);
        Account account = jdbc.sql("""
                        insert into account (email, password_hash, display_name)
                        values (:email, :hash, :name)
                        on conflict (email) do nothing
                        returning id, email, display_name
                        """)
                .param("email", normalisedEmail)
                .param("hash", passwords.encode(password))
                .param("name", name)
                .query(JdbcAccounts::account)
                .optional()
                .orElseThrow(EmailTakenException::new);
        log.info("Account {} opened", account.id());
        return account;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Account> byId(long id) {
        return jdbc.sql("select id, email, display_name from account where id = :id")
                .param("id", id)
                .query(JdbcAccounts::account)
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Account> byEmail(String email) {
        return jdbc.sql("select id, email, display_name from account where email = :email")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(JdbcAccounts::account)
                .optional();
    }

    @Override
    public Optional<Account> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        if (authentication.getPrincipal() instanceof AccountUser user) {
            return Optional.of(user.account());
        }
        return byEmail(authentication.getName());
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return jdbc.sql("select id, email, display_name, password_hash, operator from account where email = :email")
                .param("email", username.strip().toLowerCase(Locale.ROOT))
                .query((rs, row) ->
                        new AccountUser(account(rs, row), rs.getString("password_hash"), rs.getBoolean("operator")))
                .optional()
                .orElseThrow(() -> new UsernameNotFoundException("no account has this e-mail address"));
    }

    /** Re-hashes a password after a successful sign-in when the encoder's current scheme has moved on. */
    @Override
    @Transactional
    public UserDetails updatePassword(UserDetails user, String newPasswordHash) {
        jdbc.sql("update account set password_hash = :hash where email = :email")
                .param("hash", newPasswordHash)
                .param("email", user.getUsername())
                .update();
        return loadUserByUsername(user.getUsername());
    }

    private static Account account(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("email"), rs.getString("display_name"));
    }
}
