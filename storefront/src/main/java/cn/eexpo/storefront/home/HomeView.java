package cn.eexpo.storefront.home;

import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.storefront.search.ProductCard;
import cn.eexpo.storefront.search.SearchView;
import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.List;
import java.util.Map;

/**
 * The front door: what the E-Expo is, the fair now on, the difference between bonded and direct-mail goods, the
 * categories (each opens the search filtered to it) and featured products, one of each of the first categories. Searching happens in the header.
 */
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

    private final FeaturedProducts featured;

    HomeView(FeaturedProducts featured) {
        this.featured = featured;
        addClassName("eexpo-home");
        setPadding(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }

    /** Called on attach and whenever the shopper switches language: every text is rendered anew. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        removeAll();
        add(
                hero(),
                expo(),
                tradeModes(),
                new H2(getTranslation("home.categories")),
                categories(),
                new H2(getTranslation("home.featured")),
                featured());
    }

    private Component hero() {
        Div hero =
                new Div(new H1(getTranslation("home.hero.title")), new Paragraph(getTranslation("home.hero.subtitle")));
        hero.addClassName("eexpo-hero");
        return hero;
    }

    /** The fair now on: the catalog has no fair of its own, so this is the standing text of the online halls. */
    private Component expo() {
        Span when = new Span(getTranslation("home.expo.when"));
        when.getElement().getThemeList().add("badge success");
        Div halls = new Div(hall("A"), hall("B"), hall("C"));
        halls.addClassName("eexpo-halls");
        Div expo = new Div(
                when,
                new H2(getTranslation("home.expo.title")),
                new Paragraph(getTranslation("home.expo.text")),
                halls);
        expo.setId("home-expo");
        expo.addClassName("eexpo-expo");
        return expo;
    }

    private Component hall(String hall) {
        Div card = new Div(
                new Span(getTranslation("home.expo.hall", hall)),
                new Paragraph(getTranslation("home.expo.hall." + hall)));
        card.addClassName("eexpo-hall");
        return card;
    }

    private Component tradeModes() {
        Div modes = new Div(
                mode("home.mode.bonded.title", "home.mode.bonded.text"),
                mode("home.mode.direct.title", "home.mode.direct.text"));
        modes.addClassName("eexpo-modes");
        return modes;
    }

    private Component mode(String title, String text) {
        Div card = new Div(new H3(getTranslation(title)), new Paragraph(getTranslation(text)));
        card.addClassName("eexpo-mode");
        return card;
    }

    private Component categories() {
        Div tiles = new Div();
        tiles.setId("home-categories");
        tiles.addClassName("eexpo-category-tiles");
        for (String code : CATEGORIES) {
            String name = getTranslation("search.category." + code);
            RouterLink tile = new RouterLink(SearchView.class);
            tile.setQueryParameters(QueryParameters.simple(Map.of("category", code)));
            tile.add(new Image("images/categories/" + code + ".svg", ""), new Span(name));
            tile.addClassName("eexpo-category-tile");
            tile.getElement().setAttribute("data-category", code);
            tiles.add(tile);
        }
        return tiles;
    }

    private Component featured() {
        Div products = new Div();
        products.addClassName("eexpo-product-grid");
        products.setId("home-featured");
        try {
            featured.items(CATEGORIES, FEATURED).forEach(item -> products.add(new ProductCard(item, getLocale())));
        } catch (SearchUnavailableException e) {
            Paragraph unavailable = new Paragraph(getTranslation("home.search.unavailable"));
            unavailable.addClassName("eexpo-notice");
            products.add(unavailable);
        }
        return products;
    }
}
