package cn.eexpo.storefront.security;

import cn.eexpo.orders.account.SignInThrottledException;
import cn.eexpo.storefront.account.ContinueTarget;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Back to the sign-in page after a failed sign-in: {@code ?error} for a wrong e-mail or password (the page does not
 * say which), {@code ?locked=<minutes>} when the throttle refused the attempt unchecked; a local {@code continue} is
 * kept.
 */
final class SignInFailureHandler implements AuthenticationFailureHandler {

    private final String signInPath;
    private final RedirectStrategy redirect = new DefaultRedirectStrategy();

    SignInFailureHandler(String signInPath) {
        this.signInPath = signInPath;
    }

    @Override
    public void onAuthenticationFailure(
            HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String target = failure instanceof SignInThrottledException throttled
                ? signInPath + "?locked=" + throttled.retryAfterMinutes()
                : signInPath + "?error";
        String next = ContinueTarget.localPath(request.getParameter(ContinueTarget.PARAMETER))
                .map(path -> "&" + ContinueTarget.PARAMETER + "=" + URLEncoder.encode(path, StandardCharsets.UTF_8))
                .orElse("");
        redirect.sendRedirect(request, response, target + next);
    }
}
