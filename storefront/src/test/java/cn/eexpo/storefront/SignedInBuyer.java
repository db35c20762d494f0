package cn.eexpo.storefront;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Signs a test's buyer in for browserless view tests: the mock request's principal is the security context's, and
 * {@code Accounts.current()} finds the account by the authentication's name (its e-mail address).
 */
public final class SignedInBuyer {

    private SignedInBuyer() {}

    public static void signIn(String email) {
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                email, null, AuthorityUtils.createAuthorityList("ROLE_USER")));
        SecurityContextHolder.setContext(context);
    }

    public static void signOut() {
        SecurityContextHolder.clearContext();
    }
}
