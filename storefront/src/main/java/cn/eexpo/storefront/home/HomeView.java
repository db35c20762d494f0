package cn.eexpo.storefront.home;

import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.Component;
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
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.util.Locale;

/**
 * The front door: what the E-Expo is, the difference between bonded and direct-mail goods, and products from the
 * catalog. With {@code ?q=} in the URL it shows what the search found, so a search can be shared as a link.
 */
@Route(value = "", layout = MainLayout.class)
@AnonymousAllowed
public class HomeView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final int PAGE_SIZE = 12;

    private final ProductSearch search;
    private final Div results = new Div();
    private final H2 resultsTitle = new H2();
    private String query = "";

    public HomeView(ProductSearch search) {
        this.search = search;
        addClassName("eexpo-home");
        setPadding(true);
        results.addClassName("eexpo-product-grid");
        results.setId("product-results");
    }

    @Override
    public String getPageTitle() {
        return getTranslation("home.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        query = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("q")
                .orElse("")
                .strip();
        if (isAttached()) {
            show(query);
        }
    }

    /** Called on attach and whenever the shopper switches language: every text is rendered anew. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        removeAll();
        add(hero(), tradeModes(), resultsTitle, results);
        show(query);
    }

    private void show(String q) {
        results.removeAll();
        resultsTitle.setText(q.isEmpty() ? getTranslation("home.featured") : getTranslation("home.results.for", q));
        try {
            SearchResult found = search.search(SearchQuery.text(q, 0, PAGE_SIZE));
            if (found.items().isEmpty()) {
                results.add(new Paragraph(getTranslation("home.results.none")));
            }
            found.items().forEach(item -> results.add(card(item)));
            if (!q.isEmpty()) {
                resultsTitle.setText(getTranslation("home.results.count", q, found.total()));
            }
        } catch (SearchUnavailableException e) {
            Paragraph unavailable = new Paragraph(getTranslation("home.search.unavailable"));
            unavailable.addClassName("eexpo-notice");
            results.add(unavailable);
        }
    }

    private Component hero() {
        Div hero =
                new Div(new H1(getTranslation("home.hero.title")), new Paragraph(getTranslation("home.hero.subtitle")));
        hero.addClassName("eexpo-hero");
        return hero;
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

    private Component card(SearchResult.Item item) {
        boolean english = Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage());
        String name = english ? item.nameEn() : item.name();
        Image image = new Image(item.imageUrl() == null ? "" : item.imageUrl(), name);
        Span mode = new Span(getTranslation("trade-mode." + item.tradeMode()));
        mode.addClassName("eexpo-badge");
        mode.getElement().getThemeList().add("badge");
        Span price = new Span("¥" + item.price().toPlainString());
        price.addClassName("eexpo-price");
        Div card = new Div(image, mode, new Paragraph(name), new Span(item.brand()), price);
        card.addClassName("eexpo-card");
        card.getElement().setAttribute("data-sku", item.sku());
        return card;
    }
}
