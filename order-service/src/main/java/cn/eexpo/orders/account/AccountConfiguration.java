package cn.eexpo.orders.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
class AccountConfiguration {

    /**
     * bcrypt today, stored with its {@code {bcrypt}} prefix so that a later scheme can take over and old hashes still
     * verify (and are upgraded on the next sign-in through {@link JdbcAccounts#updatePassword}).
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /**
     * How every sign-in is checked, in both security chains (the API's HTTP Basic and the UI's form): the account's
     * bcrypt hash from {@link JdbcAccounts}, behind the {@link SignInThrottle}. Being the one authentication provider,
     * it is what Spring Security's global authentication manager uses, and what both chains' managers fall back to.
     */
    @Bean
    AuthenticationProvider accountAuthentication(
            JdbcAccounts accounts, PasswordEncoder passwordEncoder, SignInThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(accounts);
        passwords.setPasswordEncoder(passwordEncoder);
        passwords.setUserDetailsPasswordService(accounts);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }
}
