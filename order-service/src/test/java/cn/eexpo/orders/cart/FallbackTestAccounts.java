package cn.eexpo.orders.cart;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Test only: accounts in memory, signed in with HTTP Basic (e-mail and password), for as long as the orders module
 * has no {@link Accounts} of its own. Imported as an auto-configuration so that it steps aside (condition evaluated
 * after the application's beans) once the real one exists; the cart tests then run against that.
 */
@AutoConfiguration(before = UserDetailsServiceAutoConfiguration.class)
@ConditionalOnMissingBean(Accounts.class)
class FallbackTestAccounts {

    @Bean
    InMemoryAccounts testAccounts() {
        return new InMemoryAccounts();
    }

    @Bean
    UserDetailsService testAccountUsers(InMemoryAccounts accounts) {
        return email -> {
            InMemoryAccounts.Entry entry = accounts.byEmail.get(email);
            if (entry == null) {
                throw new UsernameNotFoundException("no account");
            }
            return User.withUsername(email)
                    .password(entry.passwordHash())
                    .roles("BUYER")
                    .build();
        };
    }

    static final class InMemoryAccounts implements Accounts {

        private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        private final AtomicLong ids = new AtomicLong(System.currentTimeMillis());
        private final Map<String, Entry> byEmail = new ConcurrentHashMap<>();

        record Entry(Account account, String passwordHash) {}

        @Override
        public Account signUp(String email, String password, String displayName) {
            Account account = new Account(ids.incrementAndGet(), email, displayName);
            if (byEmail.putIfAbsent(email, new Entry(account, encoder.encode(password))) != null) {
                throw new IllegalArgumentException("e-mail address taken");
            }
            return account;
        }

        @Override
        public Optional<Account> byId(long id) {
            return byEmail.values().stream()
                    .map(Entry::account)
                    .filter(a -> a.id() == id)
                    .findFirst();
        }

        @Override
        public Optional<Account> byEmail(String email) {
            return Optional.ofNullable(byEmail.get(email)).map(Entry::account);
        }

        @Override
        public Optional<Account> current() {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null
                    || !authentication.isAuthenticated()
                    || authentication instanceof AnonymousAuthenticationToken) {
                return Optional.empty();
            }
            return byEmail(authentication.getName());
        }
    }
}
