package cn.eexpo.storefront.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MarketplaceTest
class HomeViewTest extends SpringBrowserlessTest {

    @Autowired
    ProductSearch search;

    @Test
    void aShopperSeesTheFairInChineseByDefault() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);

        assertThat(intro()).contains("<h1>买全球，卖全球</h1>");
    }

    @Test
    void theLanguageSwitchTurnsThePageIntoEnglish() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);
        assertThat(intro()).contains("<h1>买全球，卖全球</h1>");

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(UI.getCurrent().getLocale()).isEqualTo(StorefrontTranslations.ENGLISH);
        assertThat(intro()).contains("<h1>Buy global, sell global</h1>").doesNotContain("买全球");
    }

    @Test
    void theCategoriesAreTilesThatOpenTheSearchFilteredToThem() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);

        assertThat(intro().split("class=\"eexpo-category-tile\" router-link", -1))
                .hasSize(HomeView.CATEGORIES.size() + 1);
        assertThat(intro())
                .contains("<a class=\"eexpo-category-tile\" router-link href=\"search?category=infant-formula\""
                        + " data-category=\"infant-formula\"><img alt=\"\" src=\"images/categories/infant-formula.svg\">"
                        + "<span>婴幼儿奶粉</span></a>");

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(intro())
                .contains("data-category=\"infant-formula\"><img alt=\"\""
                        + " src=\"images/categories/infant-formula.svg\"><span>Infant formula</span></a>");
    }

    @Test
    void theCurrentExpoIsShown() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);

        String intro = intro();
        String expo =
                intro.substring(intro.indexOf("<div id=\"home-expo\""), intro.indexOf("<div class=\"eexpo-modes\">"));
        assertThat(expo).contains("E博会", "<span theme=\"badge success\">");
    }

    @Test
    void thePageIsAFewStateNodes() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);

        assertThat(find(Div.class)
                        .withClassName("eexpo-home-intro")
                        .single()
                        .getElement()
                        .getChildCount())
                .as("the fixed part of the page is markup, not components")
                .isZero();
    }

    @Test
    void featuredProductsAreCardsLinkingToTheirProductPages() {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text(null, 0, 1)).total() > 0);
        speaks(StorefrontTranslations.CHINESE);

        navigate(HomeView.class);

        var cards = find(Div.class).withClassName("eexpo-card").all();
        assertThat(cards).hasSize(HomeView.FEATURED);
        assertThat(cards).allSatisfy(card -> {
            String sku = card.getElement().getAttribute("data-sku");
            assertThat(card.getElement().getProperty("innerHTML", ""))
                    .contains("router-link href=\"product/" + sku + "\"");
        });
    }

    /** The page's fixed markup: the hero, the fair, the trade modes and the category tiles. */
    private String intro() {
        return find(Div.class)
                .withClassName("eexpo-home-intro")
                .single()
                .getElement()
                .getProperty("innerHTML", "");
    }

    /** The shopper's language, as the browser or the switch sets it. */
    private static void speaks(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }
}
