package cn.eexpo.storefront.search;

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
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.VaadinSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MarketplaceTest
class SearchViewTest extends SpringBrowserlessTest {

    @Autowired
    ProductSearch search;

    @BeforeEach
    void theCatalogIsIndexed() {
        await().atMost(Duration.ofSeconds(90))
                .ignoreExceptions()
                .until(() -> search.search(SearchQuery.text(null, 0, 1)).total() > 300);
        speaks(StorefrontTranslations.CHINESE);
    }

    @Test
    void aQueryShowsItsMatchesWithTheCountAndTheMatchedWordsEmphasised() {
        SearchView view = open("search?q=爱他美");

        long total = search.search(SearchQuery.text("爱他美", 0, 1)).total();
        assertThat(total).isPositive();
        assertThat(find(Span.class).withId("search-count").single().getText()).isEqualTo("共 " + total + " 件商品");
        assertThat(find(H1.class).single().getText()).contains("爱他美");
        List<Div> cards = cards();
        assertThat(cards).isNotEmpty().hasSizeLessThanOrEqualTo(SearchView.PAGE_SIZE);
        assertThat(markup(cards.getFirst()).replaceAll("<[^>]+>", "")).contains("爱他美");
        assertThat(cards).allSatisfy(card -> {
            assertThat(card.getElement().getAttribute("data-sku")).isNotBlank();
            assertThat(markup(card))
                    .contains("router-link href=\"product/" + card.getElement().getAttribute("data-sku") + "\"");
        });
        assertThat(cards.stream().map(SearchViewTest::markup))
                .anySatisfy(html -> assertThat(html).containsPattern("<em>[爱他美]+</em>"));
        assertThat(view.getPageTitle()).contains("爱他美");
    }

    @Test
    void aHighlightIsEscapedTextWithEmphasisAndNothingElseBecomesMarkup() {
        assertThat(ProductCard.highlightedHtml(
                        "Bad <script>x</script> & \"wine\"", "Bad <script>x</script> & \"<em>wine</em>\""))
                .isEqualTo("Bad &lt;script&gt;x&lt;/script&gt; &amp; &quot;<em>wine</em>&quot;");
        assertThat(ProductCard.highlightedHtml("Bad <em>wine", "Bad <em><em>wine</em>"))
                .as("a highlight that is not the name is not used")
                .isEqualTo("Bad &lt;em&gt;wine");
        assertThat(ProductCard.highlightedHtml("Rotwein", "<em>Red</em> wine")).isEqualTo("Rotwein");
    }

    @Test
    void checkingABrandNarrowsTheResultsPutsItInTheUrlAndKeepsTheOtherBrandsCounted() {
        open("search?q=奶粉");
        FacetGroup brands = facet("facet-brand");
        assertThat(brands.values().size()).isGreaterThan(1);
        String aptamil = brands.label("Aptamil");
        assertThat(aptamil).matches("Aptamil \\(\\d+\\)");
        long aptamilCount = Long.parseLong(aptamil.replaceAll("\\D", ""));
        String otherBrand = brands.values().stream()
                .filter(b -> !b.equals("Aptamil"))
                .findFirst()
                .orElseThrow();
        String otherLabel = brands.label(otherBrand);

        brands.check("Aptamil", true);

        assertThat(location().getParameters())
                .containsEntry("q", List.of("奶粉"))
                .containsEntry("brand", List.of("Aptamil"));
        assertThat(find(Span.class).withId("search-count").single().getText()).isEqualTo("共 " + aptamilCount + " 件商品");
        assertThat(cards())
                .isNotEmpty()
                .allSatisfy(card -> assertThat(markup(card)).contains("Aptamil"));
        FacetGroup brandsNow = facet("facet-brand");
        assertThat(brandsNow.chosen()).containsExactly("Aptamil");
        // Disjunctive: the brand facet is counted as if no brand were chosen, so another brand keeps its count.
        assertThat(brandsNow.label(otherBrand)).isEqualTo(otherLabel);
        // The other facets count within Aptamil only.
        long modeTotal = facet("facet-mode").values().stream()
                .mapToLong(m -> Long.parseLong(facet("facet-mode").label(m).replaceAll(".*\\((\\d+)\\)$", "$1")))
                .sum();
        assertThat(modeTotal).isEqualTo(aptamilCount);
    }

    @Test
    void facetValuesAreLabelledInTheShoppersLanguageWithTheirCounts() {
        open("search?category=wine");

        assertThat(facet("facet-category").chosen()).containsExactly("wine");
        assertThat(facet("facet-category").label("wine")).matches("葡萄酒 \\(\\d+\\)");
        assertThat(facet("facet-origin").label("FR")).matches("法国 \\(\\d+\\)");
        assertThat(facet("facet-mode").values())
                .allSatisfy(mode -> assertThat(mode).isIn("1210", "9610"));
        assertThat(facet("facet-warehouse").values()).isNotEmpty();

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(facet("facet-category").label("wine")).matches("Wine \\(\\d+\\)");
        assertThat(facet("facet-origin").label("FR")).matches("France \\(\\d+\\)");
        assertThat(find(Span.class).withId("search-count").single().getText()).endsWith("products");
        assertThat(find(H1.class).single().getText()).isEqualTo("All products");
    }

    @Test
    void theUrlIsTheStateOfThePageAndEveryChangeIsANewUrl() {
        open("search?category=wine&mode=1210&min=100&max=2000&sort=priceAsc");

        assertThat(facet("facet-category").chosen()).containsExactly("wine");
        assertThat(facet("facet-mode").chosen()).containsExactly("1210");
        assertThat(priceField("price-min").getValue()).isEqualByComparingTo("100");
        assertThat(priceField("price-max").getValue()).isEqualByComparingTo("2000");
        assertThat(sort().value()).isEqualTo(SearchQuery.Sort.PRICE_ASC);
        List<BigDecimal> prices = prices();
        assertThat(prices).isNotEmpty().isSortedAccordingTo(Comparator.naturalOrder());
        assertThat(prices).allSatisfy(p -> assertThat(p).isBetween(new BigDecimal("100"), new BigDecimal("2000")));

        assertThat(sort().getElement().getProperty("innerHTML", ""))
                .contains("<option value=\"priceDesc\">价格从高到低</option>")
                .contains("<option value=\"priceAsc\" selected>");
        sort().choose("priceDesc");

        assertThat(location().getParameters())
                .containsEntry("category", List.of("wine"))
                .containsEntry("mode", List.of("1210"))
                .containsEntry("min", List.of("100"))
                .containsEntry("max", List.of("2000"))
                .containsEntry("sort", List.of("priceDesc"));
        assertThat(prices()).isSortedAccordingTo(Comparator.reverseOrder());

        priceField("price-max").setValue(new BigDecimal("500"));

        assertThat(location().getParameters()).containsEntry("max", List.of("500"));
        assertThat(prices()).allSatisfy(p -> assertThat(p).isBetween(new BigDecimal("100"), new BigDecimal("500")));

        facet("facet-mode").check("1210", false);

        assertThat(location().getParameters()).doesNotContainKey("mode");

        // Back to the first URL (as the browser's back button does): the page is as it was.
        UI.getCurrent()
                .navigate(
                        SearchView.class,
                        QueryParameters.full(Map.of(
                                "category", new String[] {"wine"},
                                "mode", new String[] {"1210"},
                                "min", new String[] {"100"},
                                "max", new String[] {"2000"},
                                "sort", new String[] {"priceAsc"})));
        assertThat(facet("facet-mode").chosen()).containsExactly("1210");
        assertThat(priceField("price-max").getValue()).isEqualByComparingTo("2000");
        assertThat(sort().value()).isEqualTo(SearchQuery.Sort.PRICE_ASC);
        assertThat(prices()).isSortedAccordingTo(Comparator.naturalOrder());
    }

    @Test
    void aPriceThatMakesNoSenseIsRefusedNextToTheFieldAndTheUrlStays() {
        open("search?q=奶粉");

        priceField("price-min").setValue(new BigDecimal("-5"));

        assertThat(priceField("price-min").isInvalid()).isTrue();
        assertThat(priceField("price-min").getErrorMessage()).isNotBlank();
        assertThat(location().getParameters()).doesNotContainKey("min");

        priceField("price-min").setValue(new BigDecimal("300"));
        priceField("price-max").setValue(new BigDecimal("200"));

        assertThat(priceField("price-max").isInvalid()).isTrue();
        assertThat(location().getParameters()).doesNotContainKey("max");
        assertThat(priceField("price-max").getValue()).isEqualByComparingTo("200");
    }

    @Test
    void invalidUrlParametersAreIgnoredWithANotice() {
        open("search?q=奶粉&min=-5&max=abc&sort=cheapest&mode=0110");

        assertThat(find(Paragraph.class).withId("search-notice").single().getText())
                .contains("min", "max", "sort", "mode");
        assertThat(priceField("price-min").getValue()).isNull();
        assertThat(sort().value()).isEqualTo(SearchQuery.Sort.RELEVANCE);
        assertThat(cards()).isNotEmpty();
    }

    @Test
    void thenextPageLoadsAtTheEndOfTheList() {
        SearchView view = open("search");
        long total = search.search(SearchQuery.text(null, 0, 1)).total();
        assertThat(cards()).hasSize(SearchView.PAGE_SIZE);
        Button more = find(Button.class).withId("search-more").single();
        assertThat(more.isVisible()).isTrue();

        test(more).click();
        assertThat(cards()).hasSize(2 * SearchView.PAGE_SIZE);

        view.loadMore(); // as the browser's observer calls it when the end scrolls into view
        assertThat(cards()).hasSize(3 * SearchView.PAGE_SIZE);
        assertThat(cards().stream().map(c -> c.getElement().getAttribute("data-sku")))
                .doesNotHaveDuplicates();

        while (more.isVisible()) {
            test(more).click();
        }
        assertThat(cards()).hasSize((int) total);
        view.loadMore();
        assertThat(cards()).hasSize((int) total);
    }

    @Test
    void nothingFoundOffersOtherSearches() {
        open("search?q=Aptamil zzqqxxjj");

        assertThat(cards()).isEmpty();
        Div empty = find(Div.class).withId("search-empty").single();
        assertThat(empty.getElement().getTextRecursively()).contains("Aptamil zzqqxxjj");
        List<RouterLink> suggestions =
                find(RouterLink.class, empty).withClassName("eexpo-suggestion").all();
        assertThat(suggestions).extracting(RouterLink::getText).contains("Aptamil");
        assertThat(suggestions.getFirst().getHref()).startsWith("search?q=");

        open("search?q=奶粉&category=wine");

        Div filtered = find(Div.class).withId("search-empty").single();
        RouterLink clear =
                find(RouterLink.class, filtered).withId("search-clear-filters").single();
        assertThat(clear.getHref()).startsWith("search?q=").doesNotContain("category");
    }

    @Test
    void theCategoryOfAHomeTileFiltersTheResults() {
        open("search?category=infant-formula");

        long total = search.search(new SearchQuery(
                        null,
                        List.of("infant-formula"),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        null,
                        null,
                        SearchQuery.Sort.RELEVANCE,
                        0,
                        1,
                        null))
                .total();
        assertThat(find(Span.class).withId("search-count").single().getText()).isEqualTo("共 " + total + " 件商品");
        assertThat(cards()).hasSize((int) Math.min(total, SearchView.PAGE_SIZE));
    }

    /** Opens the search page at a URL, as the browser does: {@code search?q=…&brand=…}. */
    private SearchView open(String url) {
        Map<String, List<String>> parameters = new java.util.LinkedHashMap<>();
        int query = url.indexOf('?');
        if (query >= 0) {
            for (String pair : url.substring(query + 1).split("&")) {
                int eq = pair.indexOf('=');
                parameters
                        .computeIfAbsent(pair.substring(0, eq), k -> new java.util.ArrayList<>())
                        .add(pair.substring(eq + 1));
            }
        }
        UI.getCurrent().navigate(SearchView.class, new QueryParameters(parameters));
        return (SearchView) getCurrentView();
    }

    private List<Div> cards() {
        return find(Div.class).withClassName(ProductCard.CLASS_NAME).all();
    }

    private List<BigDecimal> prices() {
        return cards().stream()
                .map(card -> markup(card).replaceAll("(?s).*<span class=\"eexpo-price\">¥([0-9.]+)</span>.*", "$1"))
                .map(BigDecimal::new)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private FacetGroup facet(String id) {
        return find(FacetGroup.class).withId(id).single();
    }

    private BigDecimalField priceField(String id) {
        return find(BigDecimalField.class).withId(id).single();
    }

    private SortChoice sort() {
        return find(SortChoice.class).withId("search-sort").single();
    }

    private static QueryParameters location() {
        return UI.getCurrent().getInternals().getActiveViewLocation().getQueryParameters();
    }

    private static void speaks(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    /** A card's markup: it is one element with its content as {@code innerHTML}. */
    private static String markup(Div card) {
        return card.getElement().getProperty("innerHTML", "");
    }
}
