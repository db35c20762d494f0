package cn.eexpo.orders.account;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Checks e-mail and password (the wrapped provider) unless {@link SignInThrottle} says the address or the client is
 * locked, then tells the throttle how it went. The client address comes from the request the attempt arrived with
 * (the UI's form and HTTP Basic both attach it).
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private final AuthenticationProvider passwords;
    private final SignInThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, SignInThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication attempt) {
        String email = attempt.getName();
        String client =
                attempt.getDetails() instanceof WebAuthenticationDetails details ? details.getRemoteAddress() : null;
        var locked = throttle.lockedFor(email, client);
        if (locked.isPresent()) {
            throw new SignInThrottledException(locked.get());
        }
        try {
            Authentication signedIn = passwords.authenticate(attempt);
            if (signedIn != null) {
                throttle.succeeded(email);
            }
            return signedIn;
        } catch (BadCredentialsException e) {
            throttle.failed(email, client);
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }
}
