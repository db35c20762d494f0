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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
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
    void aSearchLinkShowsMatchingProducts() {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text("奶粉", 0, 1)).total() > 0);
        speaks(StorefrontTranslations.CHINESE);

        UI.getCurrent().navigate(HomeView.class, QueryParameters.simple(Map.of("q", "奶粉")));

        var cards = find(Div.class).withClassName("eexpo-card").all();
        assertThat(cards).isNotEmpty().hasSizeLessThanOrEqualTo(HomeView.PAGE_SIZE);
        assertThat(cards)
                .allSatisfy(card ->
                        assertThat(card.getElement().getTextRecursively()).contains("奶粉"));
        assertThat(find(com.vaadin.flow.component.html.H2.class).single().getText())
                .contains("奶粉");
    }

    /** The shopper's language, as the browser or the switch sets it. */
    private static void speaks(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }
}
