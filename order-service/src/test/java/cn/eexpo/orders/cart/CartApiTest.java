package cn.eexpo.orders.cart;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The cart REST API over HTTP: cookie carts, product facts, errors, and the merge on sign-in with HTTP Basic. */
@CartTest
class CartApiTest {

    private static final Pattern ISSUED = Pattern.compile(
            "eexpo-cart=([0-9a-f]{32}); Path=/; Max-Age=2592000; Expires=[^;]+; HttpOnly; SameSite=Lax");

    /** Money read as written: decimal, never through {@code double}. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    CartProperties properties;

    @Autowired
    StringRedisTemplate redis;

    private final List<CartOwner> owners = new ArrayList<>();

    @AfterEach
    void deleteTheCarts() {
        redis.delete(owners.stream().map(properties::key).toList());
    }

    @Test
    void anAnonymousShopperGetsACookieOnTheFirstWriteAndKeepsTheCartWithIt() {
        var none = get(null, null);
        assertThat(none.getStatusCode().value()).isEqualTo(200);
        assertThat(none.getHeaders().get(HttpHeaders.SET_COOKIE))
                .as("reading issues no cookie")
                .isNull();
        assertThat(none.getBody().get("lineCount").intValue()).isZero();

        var added = post(null, null, Map.of("sku", "ex-if-00001", "quantity", 2));
        assertThat(added.getStatusCode().value()).isEqualTo(200);
        String token = issuedToken(added);
        owners.add(CartOwner.anonymous(token));

        JsonNode line = added.getBody().get("lines").get(0);
        assertThat(line.get("sku").asString()).isEqualTo("EX-IF-00001");
        assertThat(line.get("name").asString()).startsWith("爱他美");
        assertThat(line.get("nameEn").asString()).startsWith("Aptamil");
        assertThat(line.get("unitPrice").decimalValue()).isEqualByComparingTo("239.00");
        assertThat(line.get("lineValue").decimalValue()).isEqualByComparingTo("478.00");
        assertThat(line.get("quantity").intValue()).isEqualTo(2);
        assertThat(line.get("available").intValue()).isEqualTo(386);
        assertThat(line.get("warehouse").asString()).isEqualTo("HNBLC");
        assertThat(line.get("tradeMode").asString()).isEqualTo("1210");
        assertThat(line.get("problem").isNull()).isTrue();

        post(token, null, Map.of("sku", "EX-SK-00003"));
        var cart = get(token, null);
        assertThat(cart.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();
        JsonNode body = cart.getBody();
        assertThat(skus(body)).containsExactly("EX-IF-00001", "EX-SK-00003");
        assertThat(body.get("lineCount").intValue()).isEqualTo(2);
        assertThat(body.get("goodsValue").decimalValue())
                .isEqualByComparingTo(new BigDecimal("478.00")
                        .add(line(body, "EX-SK-00003").get("unitPrice").decimalValue()));
        assertThat(body.get("currency").asString()).isEqualTo("CNY");

        var set = exchange(http().put().uri("/api/v1/cart/lines/EX-IF-00001"), token, null, Map.of("quantity", 5));
        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(issuedToken(set)).as("a write renews the same cookie").isEqualTo(token);
        assertThat(line(set.getBody(), "EX-IF-00001").get("quantity").intValue())
                .isEqualTo(5);

        var removed = exchange(http().delete().uri("/api/v1/cart/lines/EX-SK-00003"), token, null, null);
        assertThat(skus(removed.getBody())).containsExactly("EX-IF-00001");

        var cleared = exchange(http().delete().uri("/api/v1/cart"), token, null, null);
        assertThat(cleared.getStatusCode().value()).isEqualTo(204);
        assertThat(get(token, null).getBody().get("lineCount").intValue()).isZero();
    }

    @Test
    void aMalformedCookieIsReplacedByANewCart() {
        var added = post("not-a-token", null, Map.of("sku", "EX-IF-00001"));

        assertThat(added.getStatusCode().value()).isEqualTo(200);
        owners.add(CartOwner.anonymous(issuedToken(added)));
    }

    @Test
    void errorsAreProblemDetailsWithTheFactsToRecover() {
        var unknown = post(null, null, Map.of("sku", "EX-NO-SUCH-SKU", "quantity", 1));
        assertThat(unknown.getStatusCode().value()).isEqualTo(422);
        assertThat(unknown.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(unknown.getBody().get("title").asString()).isEqualTo("Unknown product");
        assertThat(unknown.getBody().get("detail").asString())
                .isEqualTo("No product with the SKU EX-NO-SUCH-SKU is for sale.");
        assertThat(unknown.getBody().get("sku").asString()).isEqualTo("EX-NO-SUCH-SKU");

        var tooMany = post(null, null, Map.of("sku", "EX-SK-00003", "quantity", 3));
        assertThat(tooMany.getStatusCode().value()).isEqualTo(409);
        assertThat(tooMany.getBody().get("detail").asString())
                .isEqualTo("Only 2 of EX-SK-00003 are available; the cart line would hold 3.");
        assertThat(tooMany.getBody().get("available").intValue()).isEqualTo(2);
        assertThat(tooMany.getHeaders().get(HttpHeaders.SET_COOKIE)).isNull();

        var badSku = post(null, null, Map.of("sku", "not a sku!"));
        assertThat(badSku.getStatusCode().value()).isEqualTo(400);
        assertThat(badSku.getBody().get("detail").asString()).contains("a SKU is 2 to 40");
        assertThat(badSku.getHeaders().get(HttpHeaders.SET_COOKIE))
                .as("a refused write issues no cookie")
                .isNull();

        var noSku = post(null, null, Map.of("quantity", 1));
        assertThat(noSku.getStatusCode().value()).isEqualTo(400);
        assertThat(noSku.getBody().get("detail").asString()).isEqualTo("sku is required.");

        var badQuantity = post(null, null, Map.of("sku", "EX-IF-00001", "quantity", 100));
        assertThat(badQuantity.getStatusCode().value()).isEqualTo(400);
        assertThat(badQuantity.getBody().get("detail").asString())
                .isEqualTo("The quantity to add must be between 1 and 99.");

        var noQuantity = exchange(http().put().uri("/api/v1/cart/lines/EX-IF-00001"), null, null, Map.of());
        assertThat(noQuantity.getStatusCode().value()).isEqualTo(400);
        assertThat(noQuantity.getBody().get("detail").asString())
                .isEqualTo("quantity is required (0 removes the line).");
    }

    @Test
    void aLineWhoseProductIsGoneIsFlaggedAndNotCounted() {
        var added = post(null, null, Map.of("sku", "EX-IF-00001"));
        String token = issuedToken(added);
        CartOwner owner = CartOwner.anonymous(token);
        owners.add(owner);
        // Listed when it was added, delisted since: as if the catalog had dropped it.
        redis.opsForHash().putAll(properties.key(owner), Map.of("EX-GONE-00001", "2", "@EX-GONE-00001", "1"));

        JsonNode body = get(token, null).getBody();

        JsonNode gone = line(body, "EX-GONE-00001");
        assertThat(gone.get("problem").asString()).isEqualTo("UNAVAILABLE");
        assertThat(gone.get("unitPrice").isNull()).isTrue();
        assertThat(gone.get("quantity").intValue()).isEqualTo(2);
        assertThat(body.get("goodsValue").decimalValue()).isEqualByComparingTo("239.00");
        assertThat(body.get("lineCount").intValue()).isEqualTo(2);
    }

    @Test
    void signingInMergesTheCookieCartIntoTheAccountsAndClearsTheCookie() {
        String email = "cart-" + UUID.randomUUID() + "@example.com";
        String password = "Cart-test-password-" + UUID.randomUUID();
        Account account = accounts.signUp(email, password, "Cart Tester");
        owners.add(CartOwner.account(account.id()));

        var own = post(null, basic(email, password), Map.of("sku", "EX-SK-00003", "quantity", 1));
        assertThat(own.getStatusCode().value()).isEqualTo(200);
        assertThat(own.getHeaders().get(HttpHeaders.SET_COOKIE))
                .as("an account's cart needs no cookie")
                .isNull();

        String token = issuedToken(post(null, null, Map.of("sku", "EX-IF-00001", "quantity", 2)));
        owners.add(CartOwner.anonymous(token));
        post(token, null, Map.of("sku", "EX-SK-00003", "quantity", 2));

        var merged = get(token, basic(email, password));

        assertThat(merged.getStatusCode().value()).isEqualTo(200);
        assertThat(merged.getHeaders().get(HttpHeaders.SET_COOKIE))
                .singleElement()
                .asString()
                .startsWith("eexpo-cart=; Path=/; Max-Age=0;");
        JsonNode body = merged.getBody();
        assertThat(skus(body)).containsExactly("EX-SK-00003", "EX-IF-00001");
        assertThat(line(body, "EX-SK-00003").get("quantity").intValue())
                .as("1 + 2 capped at the 2 available")
                .isEqualTo(2);
        assertThat(line(body, "EX-IF-00001").get("quantity").intValue()).isEqualTo(2);
        assertThat(body.get("notes").get(0).get("kind").asString()).isEqualTo("CAPPED");
        assertThat(body.get("notes").get(0).get("message").asString())
                .isEqualTo("The quantity of EX-SK-00003 was limited to 2.");
        assertThat(redis.hasKey(properties.key(CartOwner.anonymous(token)))).isFalse();

        var later = get(null, basic(email, password)).getBody();
        assertThat(skus(later)).containsExactly("EX-SK-00003", "EX-IF-00001");
        assertThat(later.get("notes").isEmpty()).isTrue();
        assertThat(get(token, null).getBody().get("lineCount").intValue())
                .as("the anonymous cart is gone")
                .isZero();
    }

    @Test
    void wrongCredentialsAreRefused() {
        var response = get(null, basic("nobody@example.com", "wrong"));

        assertThat(response.getStatusCode().value()).isEqualTo(401);
    }

    private RestClient http() {
        return RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (request, response) -> {})
                .build();
    }

    private ResponseEntity<JsonNode> get(@Nullable String token, @Nullable String authorization) {
        return exchange(http().get().uri("/api/v1/cart"), token, authorization, null);
    }

    private ResponseEntity<JsonNode> post(@Nullable String token, @Nullable String authorization, Map<String, ?> body) {
        return exchange(http().post().uri("/api/v1/cart/lines"), token, authorization, body);
    }

    private static ResponseEntity<JsonNode> exchange(
            RestClient.RequestHeadersSpec<?> request,
            @Nullable String token,
            @Nullable String authorization,
            @Nullable Map<String, ?> body) {
        if (token != null) {
            request.header(HttpHeaders.COOKIE, CartController.COOKIE + "=" + token);
        }
        if (authorization != null) {
            request.header(HttpHeaders.AUTHORIZATION, authorization);
        }
        if (body != null && request instanceof RestClient.RequestBodySpec withBody) {
            withBody.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        ResponseEntity<String> response = request.retrieve().toEntity(String.class);
        JsonNode json = response.getBody() == null ? JSON.missingNode() : JSON.readTree(response.getBody());
        return ResponseEntity.status(response.getStatusCode())
                .headers(response.getHeaders())
                .body(json);
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static String issuedToken(ResponseEntity<?> response) {
        List<String> cookies = response.getHeaders().get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).as("Set-Cookie").isNotNull().hasSize(1);
        Matcher matcher = ISSUED.matcher(cookies.getFirst());
        assertThat(matcher.matches()).as(cookies.getFirst()).isTrue();
        return matcher.group(1);
    }

    private static List<String> skus(JsonNode cart) {
        List<String> skus = new ArrayList<>();
        cart.get("lines").forEach(line -> skus.add(line.get("sku").asString()));
        return skus;
    }

    private static JsonNode line(JsonNode cart, String sku) {
        for (JsonNode line : cart.get("lines")) {
            if (line.get("sku").asString().equals(sku)) {
                return line;
            }
        }
        throw new AssertionError("no line " + sku + " in " + cart);
    }
}
