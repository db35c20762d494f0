package cn.eexpo.storefront.account;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.WebAuthenticationDetailsSource;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a shopper in from within a view (a new account right after sign-up), as the form sign-in would: the e-mail and
 * password checked by the same throttled provider, a new session id against session fixation (the session and its
 * Vaadin state stay), and the security context saved in the HTTP session, where Spring Security reads it on the
 * shopper's next request.
 */
@Component
class SessionSignIn {

    private static final Logger log = LoggerFactory.getLogger(SessionSignIn.class);

    private final AuthenticationProvider authentication;
    private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    SessionSignIn(AuthenticationProvider authentication) {
        this.authentication = authentication;
    }

    /** Signs in the current Vaadin request's session; the caller then reloads the page so that it shows the account. */
    Authentication signIn(String email, String password) {
        HttpServletRequest request = VaadinServletRequest.getCurrent().getHttpServletRequest();
        VaadinServletResponse vaadinResponse = VaadinServletResponse.getCurrent();
        HttpServletResponse response = vaadinResponse == null ? null : vaadinResponse.getHttpServletResponse();
        var attempt = UsernamePasswordAuthenticationToken.unauthenticated(email, password);
        attempt.setDetails(new WebAuthenticationDetailsSource().buildDetails(request));
        Authentication signedIn = authentication.authenticate(attempt);
        if (signedIn instanceof org.springframework.security.core.CredentialsContainer credentials) {
            credentials.eraseCredentials();
        }
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(signedIn);
        holder.setContext(context);
        changeSessionId(request);
        contexts.saveContext(context, request, response);
        return signedIn;
    }

    /**
     * The servlet container's {@code changeSessionId}: the session keeps its attributes (the Vaadin session among
     * them) under a new id, which the response's cookie hands to the browser.
     */
    private static void changeSessionId(HttpServletRequest request) {
        try {
            request.changeSessionId();
        } catch (UnsupportedOperationException e) {
            // Browserless tests' mock requests cannot; every servlet container can.
            log.debug("Session id not changed: {}", e.getMessage());
        }
    }
}
