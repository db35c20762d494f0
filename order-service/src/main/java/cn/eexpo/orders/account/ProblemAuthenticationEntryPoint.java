package cn.eexpo.orders.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import tools.jackson.databind.json.JsonMapper;

/**
 * A 401 of the API as a problem detail, with the HTTP Basic challenge. It says neither whether the account exists nor
 * what was wrong with the credentials. A sign-in refused by the {@link SignInThrottle} is a 429 with
 * {@code Retry-After} instead.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

    private final JsonMapper json;

    ProblemAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        if (failure instanceof SignInThrottledException throttled) {
            tooManyAttempts(request, response, throttled);
            return;
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Sign-in required");
        problem.put("status", HttpStatus.UNAUTHORIZED.value());
        problem.put(
                "detail", "Sign in with your account's e-mail address and password (HTTP Basic) to use this resource.");
        problem.put("instance", request.getRequestURI());
        response.setStatus(HttpStatus.UNAUTHORIZED.value());
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"E-Expo\", charset=\"UTF-8\"");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }

    private void tooManyAttempts(
            HttpServletRequest request, HttpServletResponse response, SignInThrottledException throttled)
            throws IOException {
        long seconds = Math.max(1, throttled.retryAfter().toSeconds());
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", "Too many sign-in attempts");
        problem.put("status", HttpStatus.TOO_MANY_REQUESTS.value());
        problem.put(
                "detail",
                "Too many failed sign-in attempts for this account or from this address: try again in "
                        + throttled.retryAfterMinutes()
                        + " minutes.");
        problem.put("instance", request.getRequestURI());
        problem.put("retryAfterSeconds", seconds);
        response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getOutputStream().write(json.writeValueAsBytes(problem));
    }
}
