package cn.eexpo.orders.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Security of the REST API ({@code /api/**}): stateless, HTTP Basic for API clients, no CSRF token (no cookie signs an
 * API request in). A buyer's own resources need a signed-in account; catalog reads, tax quotes, identity checks, carts
 * (keyed by their own cookie) and webhooks (verified by their signature) are open. The Vaadin UI brings its own chain.
 * Sign-ins are checked by the accounts' throttled provider ({@link AccountConfiguration#accountAuthentication}): too
 * many failures answer 429 with {@code Retry-After}.
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    /**
     * Stripe's webhooks, one per payment event: authenticated by their signature (checked in the controller), so the
     * chain does no more than let them through: no Basic authentication, session, request cache, CSRF or headers.
     */
    @Bean
    @Order(5)
    SecurityFilterChain webhookSecurity(HttpSecurity http) throws Exception {
        http.securityMatcher("/api/v1/payments/stripe/webhook")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .headers(headers -> headers.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    @Bean
    @Order(10)
    SecurityFilterChain apiSecurity(HttpSecurity http, JsonMapper json, AuthenticationProvider accountAuthentication)
            throws Exception {
        ProblemAuthenticationEntryPoint signInRequired = new ProblemAuthenticationEntryPoint(json);
        http.securityMatcher("/api/**")
                .authenticationManager(new ProviderManager(accountAuthentication))
                .authorizeHttpRequests(requests -> requests.requestMatchers("/api/v1/me/**")
                        .authenticated()
                        .requestMatchers("/api/v1/orders/**", "/api/v1/orders")
                        .authenticated()
                        .requestMatchers("/api/v1/operations/**", "/api/v1/customs/**")
                        .hasRole("OPERATOR")
                        .anyRequest()
                        .permitAll())
                .httpBasic(basic -> basic.authenticationEntryPoint(signInRequired))
                .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(signInRequired))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
