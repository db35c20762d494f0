package cn.eexpo.storefront.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.orders.account.Accounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * The UI's form sign-in ({@code POST /signin}, what Vaadin's login form sends) behind the same throttle as the API:
 * five wrong passwords for one e-mail address and the sixth attempt is refused unchecked, back to the sign-in page
 * saying for how long; a successful sign-in forgets the failures.
 */
@MarketplaceTest
class FormSignInThrottleTest {

    static final String PASSWORD = "Zhengzhou-2026";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    StringRedisTemplate redis;

    private static final Pattern CSRF = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    @Test
    void fiveWrongPasswordsLockTheFormSignIn() throws Exception {
        String email = newAccount();
        for (int attempt = 1; attempt <= 5; attempt++) {
            var failed = signIn(email, "Wrong-password-" + attempt, null);
            assertThat(failed.statusCode()).as(failed.headers() + failed.body()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location"))
                    .as("attempt %d", attempt)
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/signin?error"));
        }

        HttpResponse<String> locked = signIn(email, PASSWORD, "/checkout");

        assertThat(locked.statusCode()).isEqualTo(302);
        assertThat(locked.headers().firstValue("Location"))
                .hasValueSatisfying(location ->
                        assertThat(location).matches(".*/signin\\?locked=(1[0-5]|[1-9])&continue=%2Fcheckout"));

        // Once the window is over (here: the count is dropped), the right password signs in again.
        redis.delete(emailKey(email));
        HttpResponse<String> signedIn = signIn(email, PASSWORD, null);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("signin"));
    }

    @Test
    void aSuccessfulSignInForgetsTheFailures() throws Exception {
        String email = newAccount();
        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(email, "Wrong-password-" + attempt, null);
        }
        assertThat(signIn(email, PASSWORD, null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("signin"));

        for (int attempt = 1; attempt <= 4; attempt++) {
            signIn(email, "Wrong-password-" + attempt, null);
        }
        assertThat(signIn(email, PASSWORD, null).headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("signin"));
    }

    /** The throttle's key of an address: a SHA-256 hash of it, never the address itself. */
    private static String emailKey(String email) throws Exception {
        return "eexpo:sign-in:email:"
                + java.util.HexFormat.of()
                        .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                .digest(email.getBytes(StandardCharsets.UTF_8)));
    }

    private String newAccount() {
        return accounts.signUp("form-" + UUID.randomUUID() + "@example.cn", PASSWORD, "表单买家")
                .email();
    }

    /**
     * What Vaadin's login form posts: {@code username}, {@code password} and the CSRF token of the page it is on, to
     * {@code signin[?continue=…]}, in a browser session of its own (the sign-in page first, for the cookie and token).
     */
    private HttpResponse<String> signIn(String email, String password, String next) throws Exception {
        HttpClient browser = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new CookieManager())
                .build();
        String page = browser.send(
                        HttpRequest.newBuilder(URI.create(base() + "/signin")).build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        Matcher csrf = CSRF.matcher(page);
        assertThat(csrf.find()).as("the CSRF token in the sign-in page").isTrue();
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        String query = next == null ? "" : "?continue=" + URLEncoder.encode(next, StandardCharsets.UTF_8);
        return browser.send(
                HttpRequest.newBuilder(URI.create(base() + "/signin" + query))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
