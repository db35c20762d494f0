package cn.eexpo.storefront.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.TestBuyers;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The storefront in headless Chromium, as a shopper uses it: the whole purchase from the search box to the order page
 * showing the goods released by customs (the Stripe sandbox takes the payment, the customs simulator answers the
 * filing), the language switch, and a phone's viewport. Elements are found by the ids the views promise.
 */
@MarketplaceTest
class BuyingInTheBrowserTest {

    private static final Duration CLEARANCE = Duration.ofSeconds(90);
    private static Chromium chromium;

    @LocalServerPort
    int port;

    @Autowired
    ProductSearch search;

    @Autowired
    ProductCatalog catalog;

    private String base;

    @BeforeAll
    static void startBrowser() {
        chromium = new Chromium();
    }

    @AfterAll
    static void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @BeforeEach
    void catalogIsSearchable() {
        base = "http://localhost:" + port;
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text("奶粉", 0, 1)).total() > 0);
    }

    /** In Chinese, the default, and in English, as a browser set to English gets the shop. */
    @ParameterizedTest
    @ValueSource(strings = {"zh-CN", "en"})
    void aNewShopperFindsPaysForAndSeesTheGoodsReleased(String language) {
        Page page = chromium.desktop(language);
        String suffix = language.equals("en") ? "-en" : "";
        Chromium.steps(page, "aNewShopperFindsPaysForAndSeesTheGoodsReleased" + suffix, () -> {
            page.navigate(base + "/");
            // The picture once Vaadin has drawn the page (it was taken blank before the view had arrived).
            assertThat(page.locator("#home-featured div.eexpo-card").first()).isVisible();
            Chromium.screenshot(page, "home" + suffix);

            // Search from the header, then narrow down by the first brand.
            Locator searchBox = page.locator("#header-search input");
            searchBox.fill(language.equals("en") ? "formula" : "奶粉");
            searchBox.press("Enter");
            page.waitForURL(Pattern.compile(".*/search\\?.*q=.*"));
            assertThat(page.locator("#search-count")).isVisible();
            // The box itself, as a shopper clicks it.
            page.locator("#facet-brand input[type=checkbox]").first().click();
            page.waitForURL(Pattern.compile(".*[?&]brand=.*"));
            assertThat(page.locator("div.eexpo-card").first()).isVisible();
            Chromium.screenshot(page, "search" + suffix);

            // The product page: its tax as a line of its own, then into the cart.
            // A bonded product still in stock (earlier tests on this database may have sold some out).
            String sku = page.locator("div.eexpo-card").all().stream()
                    .map(card -> card.getAttribute("data-sku"))
                    .filter(this::bondedInStock)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no bonded product in stock among the results"));
            page.locator("div.eexpo-card[data-sku='" + sku + "'] a").first().click();
            page.waitForURL(Pattern.compile(".*/product/.*"));
            assertThat(page.locator("#product-tax")).isVisible();
            assertThat(page.locator("#product-return-rule")).isVisible();
            Chromium.screenshot(page, "product" + suffix);
            page.locator("#add-to-cart").click();
            assertThat(page.locator("#header-cart-count")).hasText("1");

            page.locator("#header-cart").click();
            page.waitForURL(Pattern.compile(".*/cart"));
            assertThat(page.locator("div.cart-line")).hasCount(1);
            assertThat(page.locator("#cart-tax")).isVisible();
            Chromium.screenshot(page, "cart" + suffix);

            // Checking out sends a stranger to sign in; a new shopper signs up instead and comes back.
            page.locator("#cart-checkout").click();
            page.waitForURL(Pattern.compile(".*/signin.*"));
            page.locator("#signin-to-signup").click();
            page.waitForURL(Pattern.compile(".*/signup.*"));
            String email =
                    "e2e-" + Long.toString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE, 36) + "@example.cn";
            page.locator("#signup-email input").fill(email);
            page.locator("#signup-name input").fill("李娜");
            page.locator("#signup-password input").fill("Correct-Horse-Battery-9");
            page.locator("#signup-submit").click();

            // Cross-border orders need the buyer's real-name identity: checkout asks for it first.
            page.waitForURL(Pattern.compile(".*/account\\?continue=.*"));
            page.locator("#identity-name input").fill("李娜");
            page.locator("#identity-id-number input").fill(TestBuyers.idNumber());
            page.locator("#identity-phone input").fill("13912345678");
            page.locator("#identity-save").click();

            page.waitForURL(Pattern.compile(".*/checkout"));
            page.locator("#consignee-name input").fill("李娜");
            page.locator("#consignee-phone input").fill("13912345678");
            page.locator("#consignee-province input").fill("河南省");
            page.locator("#consignee-city input").fill("郑州市");
            page.locator("#consignee-district input").fill("金水区");
            page.locator("#consignee-address textarea").fill("花园路 88 号 1 单元 1201");
            assertThat(page.locator("#checkout-tax")).isVisible();
            assertThat(page.locator("#checkout-total")).isVisible();
            Chromium.screenshot(page, "checkout" + suffix);

            // Paying: the sandbox's payment page stands in for Alipay's, then back to the order.
            page.locator("#place-order").click();
            page.waitForURL(Pattern.compile(".*/pay/pi_.*"));
            page.locator("button.pay").click();
            page.waitForURL(Pattern.compile(".*/orders/[0-9A-Za-z]+.*"));
            Chromium.screenshot(page, "order-paid" + suffix);

            // Customs answers; the page refreshes itself until the goods are released.
            Locator released = page.locator(".timeline-step[data-status=RELEASED]");
            assertThat(released)
                    .hasClass(
                            Pattern.compile(".*\\b(done|current)\\b.*"),
                            new LocatorAssertions.HasClassOptions().setTimeout(CLEARANCE.toMillis()));
            assertThat(page.locator("#order-status")).isVisible();
            Chromium.screenshot(page, "order-released" + suffix);

            page.locator("#header-account").click();
        });
        page.context().close();
    }

    private boolean bondedInStock(String sku) {
        return catalog.find(new Sku(sku))
                .filter(p -> p.tradeMode().equals("1210") && p.available() > 0)
                .isPresent();
    }

    @Test
    void theLanguageSwitchTurnsTheShopIntoEnglishAndBack() {
        Page page = chromium.desktop("zh-CN");
        Chromium.steps(page, "theLanguageSwitchTurnsTheShopIntoEnglishAndBack", () -> {
            page.navigate(base + "/");
            assertThat(page.locator("html")).hasAttribute("lang", Pattern.compile("zh.*"));
            assertThat(page.locator("h1").first()).hasText("买全球，卖全球");

            page.locator("#language-switch").click();
            assertThat(page.locator("h1").first()).hasText("Buy global, sell global");
            assertThat(page.locator("html")).hasAttribute("lang", "en");

            // The choice is remembered: a new page load stays English.
            page.reload();
            assertThat(page.locator("h1").first()).hasText("Buy global, sell global");
            page.navigate(base + "/search?q=wine");
            assertThat(page.locator("#search-count"))
                    .containsText(Pattern.compile("wine|product|result", Pattern.CASE_INSENSITIVE));

            page.locator("#language-switch").click();
            assertThat(page.locator("#search-count")).containsText("件商品");
        });
        page.context().close();
    }

    @Test
    void aPhoneGetsTheWholeShopWithoutSidewaysScrolling() {
        Page page = chromium.phone("zh-CN");
        Chromium.steps(page, "aPhoneGetsTheWholeShopWithoutSidewaysScrolling", () -> {
            for (String path : new String[] {"/", "/search?q=奶粉", "/cart", "/signin", "/signup"}) {
                Response response = page.navigate(base + path);
                assertThat(response.status()).as(path).isEqualTo(200);
                assertThat(page.locator("#header-search")).isVisible();
                assertThat(page.locator("#header-cart")).isVisible();
                assertThat(page.locator("#header-account")).isVisible();
                page.waitForLoadState();
                int overflow = ((Number) page.evaluate(
                                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                        .intValue();
                assertThat(overflow)
                        .as("sideways overflow of %s at 375 px", path)
                        .isLessThanOrEqualTo(0);
            }
            page.navigate(base + "/search?q=奶粉");
            assertThat(page.locator("div.eexpo-card").first()).isVisible();
            Chromium.screenshot(page, "phone-search");
            page.navigate(base + "/");
            assertThat(page.locator("#home-featured div.eexpo-card").first()).isVisible();
            Chromium.screenshot(page, "phone-home");
        });
        page.context().close();
    }

    @Test
    void everyPageCarriesTheBrowsersProtections() {
        Page page = chromium.desktop("zh-CN");
        Chromium.steps(page, "everyPageCarriesTheBrowsersProtections", () -> {
            Response response = page.navigate(base + "/");
            var headers = response.allHeaders();
            assertThat(headers.get("content-security-policy"))
                    .contains("default-src 'self'", "frame-ancestors 'none'", "https://js.stripe.com");
            assertThat(headers.get("x-frame-options")).isEqualTo("DENY");
            assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
            assertThat(headers.get("referrer-policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(headers).containsKey("permissions-policy");
            // Vaadin works under the policy: the page rendered and no script was refused.
            var refused = new java.util.ArrayList<String>();
            page.onConsoleMessage(message -> {
                if (message.text().contains("Content Security Policy")) {
                    refused.add(message.text());
                }
            });
            page.reload();
            assertThat(page.locator("h1").first()).isVisible();
            page.locator("#language-switch").click();
            assertThat(page.locator("h1").first()).hasText("Buy global, sell global");
            assertThat(refused).isEmpty();
        });
        page.context().close();
    }
}
