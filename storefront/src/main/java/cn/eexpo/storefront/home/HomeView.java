package cn.eexpo.storefront.home;

import static cn.eexpo.storefront.search.ProductCard.escape;

import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.search.ProductCard;
import cn.eexpo.storefront.search.SearchView;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The front door: what the E-Expo is, the fair now on, the difference between bonded and direct-mail goods, the
 * categories (each opens the search filtered to it) and featured products, one of each of the first categories.
 * Searching happens in the header.
 *
 * <p>Everything but the featured products is the same for every visitor in a language, so it is one element of
 * markup ({@link #introHtml}), written once per language and shared: the page costs a session a dozen state nodes
 * instead of about eighty, and a visit builds, attaches and sends that many fewer. Every text in it is escaped; the
 * category tiles are router links ({@code router-link}), which navigate inside the application as a {@code RouterLink}
 * does.
 */
@ViewBean
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/home.css")
public class HomeView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    static final int FEATURED = 8;

    /**
     * The categories goods are listed under (the catalog's reference data), in the catalog's order; each has a picture
     * in {@code images/categories/<code>.svg}.
     */
    static final List<String> CATEGORIES = List.of(
            "infant-formula",
            "diapers",
            "skincare",
            "makeup",
            "fragrance",
            "supplements",
            "wine",
            "sparkling",
            "chocolate",
            "snacks",
            "nuts",
            "kitchenware",
            "oral-care",
            "hair-care",
            "body-care");

    /**
     * The page's fixed markup by the language it is in: the translation bundles do not change while the application
     * runs.
     */
    private static final Map<Locale, String> INTRO = new ConcurrentHashMap<>();

    private final FeaturedProducts featured;
    private final Div intro = new Div();
    private final Div products = new Div();

    HomeView(FeaturedProducts featured) {
        this.featured = featured;
        addClassName("eexpo-home");
        setPadding(true);
        intro.addClassName("eexpo-home-intro");
        products.addClassName("eexpo-product-grid");
        products.setId("home-featured");
        add(intro, products);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }

    /** Called on attach and whenever the shopper switches language: every text is rendered anew. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        intro.getElement()
                .setProperty(
                        "innerHTML",
                        INTRO.computeIfAbsent(
                                StorefrontTranslations.supported(event.getLocale()), locale -> introHtml()));
        products.removeAll();
        try {
            featured.items(CATEGORIES, FEATURED).forEach(item -> products.add(new ProductCard(item, getLocale())));
        } catch (SearchUnavailableException e) {
            Paragraph unavailable = new Paragraph(getTranslation("home.search.unavailable"));
            unavailable.addClassName("eexpo-notice");
            products.add(unavailable);
        }
    }

    /**
     * The hero, the fair, the trade modes, the category tiles and the featured products' heading, in the UI's
     * language.
     */
    private String introHtml() {
        StringBuilder html = new StringBuilder(4096);
        html.append("<div class=\"eexpo-hero\"><h1>")
                .append(text("home.hero.title"))
                .append("</h1><p>")
                .append(text("home.hero.subtitle"))
                .append("</p></div>");
        html.append("<div id=\"home-expo\" class=\"eexpo-expo\"><span theme=\"badge success\">")
                .append(text("home.expo.when"))
                .append("</span><h2>")
                .append(text("home.expo.title"))
                .append("</h2><p>")
                .append(text("home.expo.text"))
                .append("</p><div class=\"eexpo-halls\">");
        for (String hall : List.of("A", "B", "C")) {
            html.append("<div class=\"eexpo-hall\"><span>")
                    .append(escape(getTranslation("home.expo.hall", hall)))
                    .append("</span><p>")
                    .append(text("home.expo.hall." + hall))
                    .append("</p></div>");
        }
        html.append("</div></div><div class=\"eexpo-modes\">");
        for (String mode : List.of("bonded", "direct")) {
            html.append("<div class=\"eexpo-mode\"><h3>")
                    .append(text("home.mode." + mode + ".title"))
                    .append("</h3><p>")
                    .append(text("home.mode." + mode + ".text"))
                    .append("</p></div>");
        }
        html.append("</div><h2>").append(text("home.categories")).append("</h2>");
        html.append("<div id=\"home-categories\" class=\"eexpo-category-tiles\">");
        String search = RouteConfiguration.forApplicationScope().getUrl(SearchView.class);
        for (String code : CATEGORIES) {
            String href = search + "?"
                    + QueryParameters.simple(Map.of("category", code)).getQueryString();
            html.append("<a class=\"eexpo-category-tile\" router-link href=\"")
                    .append(escape(href))
                    .append("\" data-category=\"")
                    .append(escape(code))
                    .append("\"><img alt=\"\" src=\"images/categories/")
                    .append(escape(code))
                    .append(".svg\"><span>")
                    .append(text("search.category." + code))
                    .append("</span></a>");
        }
        html.append("</div><h2>").append(text("home.featured")).append("</h2>");
        return html.toString();
    }

    private String text(String key) {
        return escape(getTranslation(key));
    }
}
