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
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.router.RouterLink;
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

        assertThat(find(H1.class).single().getText()).isEqualTo("买全球，卖全球");
    }

    @Test
    void theLanguageSwitchTurnsThePageIntoEnglish() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);
        assertThat(find(H1.class).single().getText()).isEqualTo("买全球，卖全球");

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(UI.getCurrent().getLocale()).isEqualTo(StorefrontTranslations.ENGLISH);
        assertThat(find(H1.class).single().getText()).isEqualTo("Buy global, sell global");
    }

    @Test
    void theCategoriesAreTilesThatOpenTheSearchFilteredToThem() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);

        var tiles = find(RouterLink.class).withClassName("eexpo-category-tile").all();
        assertThat(tiles).hasSize(HomeView.CATEGORIES.size());
        RouterLink formula = tiles.stream()
                .filter(t -> "infant-formula".equals(t.getElement().getAttribute("data-category")))
                .findFirst()
                .orElseThrow();
        assertThat(formula.getHref()).isEqualTo("search?category=infant-formula");
        assertThat(formula.getElement().getTextRecursively()).isEqualTo("婴幼儿奶粉");
        assertThat(find(Image.class, formula).single().getSrc()).isEqualTo("images/categories/infant-formula.svg");

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(find(RouterLink.class)
                        .withClassName("eexpo-category-tile")
                        .all()
                        .getFirst()
                        .getElement()
                        .getTextRecursively())
                .isEqualTo("Infant formula");
    }

    @Test
    void theCurrentExpoIsShown() {
        navigate(HomeView.class);
        speaks(StorefrontTranslations.CHINESE);

        assertThat(find(Div.class).withId("home-expo").single().getElement().getTextRecursively())
                .contains("E博会");
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

    /** The shopper's language, as the browser or the switch sets it. */
    private static void speaks(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }
}
