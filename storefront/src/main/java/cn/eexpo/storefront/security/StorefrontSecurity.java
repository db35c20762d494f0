package cn.eexpo.storefront.security;

import cn.eexpo.storefront.account.SignInView;
import com.vaadin.flow.server.auth.NavigationAccessChecker;
import com.vaadin.flow.server.auth.NavigationAccessControl;
import com.vaadin.flow.spring.security.NavigationAccessControlConfigurer;
import com.vaadin.flow.spring.security.VaadinRolePrefixHolder;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Security of everything but the REST API (which has its own, stateless chain): the Vaadin views with form sign-in
 * (views say who may open them: {@code @AnonymousAllowed} or {@code @PermitAll}), static files open to all, and the
 * browser's protections: a Content-Security-Policy that Vaadin and Stripe.js work under, no framing, no MIME sniffing,
 * a strict referrer policy and no access to camera, microphone or location. Sign-ins are checked by the accounts'
 * throttled provider (order-service's {@code SignInThrottle}: too many failures lock an e-mail address or a client for
 * a while), and a failed one goes back to the sign-in page saying why ({@link SignInFailureHandler}).
 */
@Configuration(proxyBeanMethods = false)
class StorefrontSecurity {

    /**
     * Vaadin's client evaluates code it receives from the server and sets inline styles, hence {@code 'unsafe-eval'}
     * and {@code 'unsafe-inline'}; Stripe.js loads from js.stripe.com, talks to api.stripe.com and frames its card
     * fields and 3-D Secure pages (Stripe's documented CSP). Payment pages the buyer is sent to (Alipay, WeChat Pay,
     * the local sandbox) are top-level navigations, which the policy does not govern.
     */
    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval' https://js.stripe.com",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob: https:",
            "font-src 'self' data:",
            "connect-src 'self' https://api.stripe.com",
            "frame-src https://js.stripe.com https://hooks.stripe.com",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'self'",
            "object-src 'none'");

    static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(self)";

    /**
     * Used in place of Vaadin's default (same checkers, same configuration; Vaadin's own bean cannot be left out, so
     * this one is primary): see {@link ShopNavigationAccessControl}.
     */
    /**
     * Spring Security observes nothing of its own: with an observation registry it wraps each filter of the chain in
     * an observation (a timer and an event per filter) on every request, about 5 % of the shop's CPU under browsing
     * load, and switching the observations off by name still built the wrappers. HTTP requests themselves stay
     * observed ({@code http.server.requests}).
     */
    @Bean
    static SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @Primary
    NavigationAccessControl shopNavigationAccessControl(
            List<NavigationAccessChecker> checkers,
            NavigationAccessControlConfigurer configurer,
            VaadinRolePrefixHolder rolePrefix) {
        return configurer.build(
                (chosen, resolver) -> new ShopNavigationAccessControl(chosen, resolver, rolePrefix), checkers);
    }

    @Bean
    @Order(20)
    SecurityFilterChain storefrontFilterChain(HttpSecurity http, AuthenticationProvider accountAuthentication)
            throws Exception {
        http.authenticationManager(new ProviderManager(accountAuthentication))
                .authorizeHttpRequests(requests -> requests.requestMatchers(
                                "/images/**",
                                "/styles/**",
                                "/scripts/**",
                                "/favicon.ico",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs/**")
                        .permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(referrer -> referrer.policy(
                                ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(
                                (request, response) -> response.setHeader("Permissions-Policy", PERMISSIONS_POLICY)))
                .with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.loginView(SignInView.class))
                // After Vaadin's configurer, so that it sets up the form sign-in first (page and processing URL); an
                // earlier formLogin() would initialise with Spring's defaults (/login) before Vaadin's init runs.
                .formLogin(form -> form.loginProcessingUrl("/" + SignInView.ROUTE)
                        .failureHandler(new SignInFailureHandler("/" + SignInView.ROUTE)));
        return http.build();
    }
}
