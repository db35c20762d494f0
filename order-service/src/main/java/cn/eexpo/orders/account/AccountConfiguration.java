package cn.eexpo.orders.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
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
}
