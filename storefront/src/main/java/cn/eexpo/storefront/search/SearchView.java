package cn.eexpo.storefront.search;

import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.ClientCallable;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Search results: the products matching the URL's query and filters, in pages that load as the shopper scrolls to the
 * end. Facets (category, brand, origin, trade mode, warehouse) are checkboxes with counts ({@link FacetGroup}),
 * disjunctive as the catalog counts them; a price range and a sort narrow and order the list. Every change is a
 * navigation to the URL of the new search, so a search can be shared and back and forward step through the shopper's
 * filters; the page always renders from its URL. On a phone the filters fold into a panel above the results.
 */
@ViewBean
@Route(value = "search", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/search.css")
public class SearchView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    /** The URL parameter of the search text. */
    public static final String QUERY = "q";

    static final int PAGE_SIZE = 12;
    static final int SUGGESTIONS = 6;
    /** From this window width (px) the filters stand open beside the results; below it they fold (search.css). */
    static final int WIDE = 768;
    /** The facets, by URL parameter, in the order the filter panel lists them. */
    static final List<String> FACETS = List.of(
            SearchFilters.CATEGORY,
            SearchFilters.BRAND,
            SearchFilters.ORIGIN,
            SearchFilters.MODE,
            SearchFilters.WAREHOUSE);

    private final ShopSearch search;

    private SearchFilters filters = SearchFilters.NONE;
    private List<String> ignored = List.of();

    private final H1 heading = new H1();
    private final Paragraph notice = new Paragraph();
    private final Paragraph unavailable = new Paragraph();
    private final Div results = new Div();
    private final Div sentinel = new Div();
    private final Button more = new Button();
    private final Span count = new Span();
    private final SortChoice sort = new SortChoice("search-sort", chosen -> show(filters.withSort(chosen)));
    private final Span priceLabel = new Span();
    private final BigDecimalField priceMin = priceField("price-min");
    private final BigDecimalField priceMax = priceField("price-max");
    private final Div facets = new Div();
    private final Details filterPanel = new Details();
    private final Div main = new Div();
    private final Div body = new Div();
    private @Nullable Component empty;
    /** The language the page's fixed texts are in; null before the first render. */
    private @Nullable Locale texts;
    /** Whether the browser's window is wide enough for the filters beside the results (known after attach). */
    private boolean wideScreen;
    /** True while the page fills its fields from the URL: their change events are not the shopper's. */
    private boolean rendering;

    /** Where the next page comes from: the first page's query and the next page number, or a cursor past deep pages. */
    private @Nullable SearchQuery firstPage;

    private int nextPage;
    private @Nullable String nextCursor;
    private long total;
    private int shown;

    /**
     * The page's parts are made once; every search (a navigation within the page) fills them from its URL, and only
     * the facets and the cards are made anew.
     */
    public SearchView(ShopSearch search) {
        this.search = search;
        addClassName("eexpo-search");
        setPadding(true);
        notice.setId("search-notice");
        notice.addClassName("eexpo-notice");
        unavailable.setId("search-unavailable");
        unavailable.addClassName("eexpo-notice");
        results.addClassName("eexpo-product-grid");
        results.setId("search-results");
        sentinel.addClassName("eexpo-search-sentinel");
        sentinel.setId("search-sentinel");
        more.setId("search-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> loadMore());
        count.setId("search-count");
        count.addClassName("eexpo-search-count");
        Div toolbar = new Div(count, sort);
        toolbar.addClassName("eexpo-search-toolbar");
        main.add(toolbar, results, sentinel, more);
        main.addClassName("eexpo-search-main");

        priceMin.addValueChangeListener(e -> priceChanged());
        priceMax.addValueChangeListener(e -> priceChanged());
        Div range = new Div(priceMin, new Span("–"), priceMax);
        range.addClassName("eexpo-price-range");
        Div price = new Div(priceLabel, range);
        price.addClassName("eexpo-price-filter");
        facets.addClassName("eexpo-facet-groups");
        VerticalLayout content = new VerticalLayout(price, facets);
        content.setPadding(false);
        content.addClassName("eexpo-facets");
        filterPanel.add(content);
        filterPanel.setId("search-filters");
        filterPanel.addClassName("eexpo-search-filters");
        body.add(filterPanel, main);
        body.addClassName("eexpo-search-body");
        add(heading, notice, unavailable, body);
    }

    @Override
    public String getPageTitle() {
        return filters.text().isEmpty()
                ? getTranslation("search.title")
                : getTranslation("search.title.for", filters.text());
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parsed = SearchFilters.parse(event.getLocation().getQueryParameters());
        filters = parsed.filters();
        ignored = parsed.ignored();
        if (isAttached()) {
            render();
        }
    }

    /** Called on attach and whenever the shopper switches language: every text is rendered anew. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        // Filters open beside the results on a wide screen, folded above them on a phone.
        event.getUI().getPage().retrieveExtendedClientDetails(details -> {
            wideScreen = details.getWindowInnerWidth() >= WIDE;
            if (wideScreen) {
                filterPanel.setOpened(true);
            }
        });
    }

    /** The shopper's current search as the URL holds it. */
    SearchFilters filters() {
        return filters;
    }

    private void render() {
        rendering = true;
        try {
            if (!getLocale().equals(texts)) {
                localize();
            }
            results.removeAll();
            if (empty != null) {
                main.remove(empty);
                empty = null;
            }
            shown = 0;
            heading.setText(
                    filters.text().isEmpty()
                            ? getTranslation("search.heading.all")
                            : getTranslation("search.heading", filters.text()));
            notice.setVisible(!ignored.isEmpty());
            notice.setText(
                    ignored.isEmpty()
                            ? ""
                            : getTranslation(
                                    "search.ignored",
                                    String.join(
                                            ", ", ignored.stream().distinct().toList())));
            SearchResult first;
            try {
                firstPage = filters.query(PAGE_SIZE);
                first = search.search(firstPage);
            } catch (SearchUnavailableException e) {
                unavailable.setVisible(true);
                body.setVisible(false);
                firstPage = null;
                return;
            }
            unavailable.setVisible(false);
            body.setVisible(true);
            total = first.total();
            count.setText(getTranslation("search.count", total));
            sort.show(
                    getTranslation("search.sort"),
                    filters.sort(),
                    s -> getTranslation("search.sort." + SearchFilters.sortParameter(s)));
            showPrice(priceMin, filters.min());
            showPrice(priceMax, filters.max());
            showFacets(first.facets());
            if (first.items().isEmpty()) {
                empty = empty();
                main.add(empty);
            }
            nextPage = 1;
            append(first);
        } finally {
            rendering = false;
        }
    }

    /** The page's fixed texts in the UI's language. */
    private void localize() {
        texts = getLocale();
        unavailable.setText(getTranslation("search.unavailable"));
        filterPanel.setSummaryText(getTranslation("search.filters"));
        priceLabel.setText(getTranslation("search.price"));
        for (var field : List.of(priceMin, priceMax)) {
            String label = getTranslation(field == priceMin ? "search.price.min" : "search.price.max");
            field.setAriaLabel(label);
            field.setPlaceholder(label);
        }
    }

    /**
     * The next page, called by the browser when the end of the list scrolls into view (and by the "more" button).
     * Within the first {@link SearchQuery#MAX_WINDOW} results pages are fetched by number; past that from the cursor
     * the previous page handed out.
     */
    @ClientCallable
    void loadMore() {
        if (firstPage == null || shown >= total) {
            return;
        }
        SearchQuery next;
        if ((long) (nextPage + 1) * PAGE_SIZE <= SearchQuery.MAX_WINDOW) {
            next = page(firstPage, nextPage);
        } else if (nextCursor != null) {
            next = firstPage.withCursor(nextCursor);
        } else {
            return;
        }
        try {
            SearchResult page = search.search(next);
            nextPage++;
            append(page);
        } catch (SearchUnavailableException | IllegalArgumentException e) {
            // An expired cursor or search gone away: the shopper keeps what is shown and can try the button again.
            more.setText(getTranslation("search.more.retry"));
        }
    }

    private void append(SearchResult page) {
        page.items().forEach(item -> results.add(new ProductCard(item, getLocale())));
        shown += page.items().size();
        nextCursor = page.nextCursor();
        // By relevance, results end at the first MAX_WINDOW: past them no page and no cursor follows.
        boolean hasMore = shown < total
                && !page.items().isEmpty()
                && (nextCursor != null || (long) (nextPage + 1) * PAGE_SIZE <= SearchQuery.MAX_WINDOW);
        more.setText(getTranslation("search.more", shown, total));
        more.setVisible(hasMore);
        sentinel.setVisible(hasMore);
        if (hasMore) {
            watchEnd();
        }
    }

    /**
     * Asks the browser to call {@link #loadMore()} when the sentinel below the last card comes within a screen of
     * view. Armed again after each page: an observer reports only changes, and the sentinel may still be in view.
     */
    private void watchEnd() {
        sentinel.getElement().executeJs("""
                        const view = $0;
                        if (this.__eexpoObserver) { this.__eexpoObserver.disconnect(); }
                        this.__eexpoObserver = new IntersectionObserver(entries => {
                          if (entries.some(e => e.isIntersecting)) {
                            this.__eexpoObserver.disconnect();
                            view.$server.loadMore();
                          }
                        }, { rootMargin: '600px 0px' });
                        this.__eexpoObserver.observe(this);
                        """, getElement());
    }

    private static SearchQuery page(SearchQuery first, int page) {
        return new SearchQuery(
                first.text(),
                first.categories(),
                first.brands(),
                first.origins(),
                first.tradeModes(),
                first.warehouses(),
                first.priceMin(),
                first.priceMax(),
                first.sort(),
                page,
                first.size(),
                null);
    }

    /** The facets of the search, counted as the catalog counts them, replacing those of the search before. */
    private void showFacets(SearchResult.Facets counted) {
        FacetLabels labels = new FacetLabels(search, getLocale());
        Map<String, List<SearchResult.FacetValue>> byFacet = Map.of(
                SearchFilters.CATEGORY, counted.category(),
                SearchFilters.BRAND, counted.brand(),
                SearchFilters.ORIGIN, counted.origin(),
                SearchFilters.MODE, counted.tradeMode(),
                SearchFilters.WAREHOUSE, counted.warehouse());
        facets.removeAll();
        for (String facet : FACETS) {
            facets.add(facet(facet, byFacet.get(facet), labels));
        }
    }

    private Component facet(String facet, List<SearchResult.FacetValue> counted, FacetLabels labels) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counted.forEach(v -> counts.put(v.value(), v.count()));
        // A chosen value the results no longer count stays listed (with 0), so it can be unchecked.
        filters.chosen(facet).forEach(v -> counts.putIfAbsent(v, 0L));
        Map<String, String> labelled = new LinkedHashMap<>();
        counts.forEach((value, n) -> labelled.put(value, labels.label(facet, value) + " (" + n + ")"));
        return new FacetGroup(
                "facet-" + facet,
                getTranslation("search.facet." + facet),
                labelled,
                filters.chosen(facet),
                chosen -> show(filters.with(facet, chosen)));
    }

    private static BigDecimalField priceField(String id) {
        BigDecimalField field = new BigDecimalField();
        field.setId(id);
        field.setPrefixComponent(new Span("¥"));
        field.setClearButtonVisible(true);
        return field;
    }

    /** Shows the URL's price in its field, clearing an earlier complaint about what was typed there. */
    private static void showPrice(BigDecimalField field, @Nullable BigDecimal price) {
        field.setValue(price);
        field.setInvalid(false);
        field.setErrorMessage(null);
    }

    /** A price typed: checked next to the field; a valid range is applied, an invalid one keeps what was typed. */
    private void priceChanged() {
        if (rendering) {
            return;
        }
        BigDecimal min = priceMin.getValue();
        BigDecimal max = priceMax.getValue();
        boolean valid = validPrice(priceMin, min) & validPrice(priceMax, max);
        if (valid && min != null && max != null && min.compareTo(max) > 0) {
            priceMax.setInvalid(true);
            priceMax.setErrorMessage(getTranslation("search.price.order"));
            valid = false;
        }
        if (valid) {
            show(filters.withPrices(min, max));
        }
    }

    private boolean validPrice(BigDecimalField field, @Nullable BigDecimal price) {
        if (price != null
                && (price.signum() < 0 || price.compareTo(SearchFilters.PRICE_LIMIT) > 0 || price.scale() > 2)) {
            field.setInvalid(true);
            field.setErrorMessage(getTranslation("search.price.invalid"));
            return false;
        }
        field.setInvalid(false);
        field.setErrorMessage(null);
        return true;
    }

    private Component empty() {
        Div empty = new Div();
        empty.setId("search-empty");
        empty.addClassName("eexpo-search-empty");
        empty.add(new Paragraph(
                filters.text().isEmpty()
                        ? getTranslation("search.empty.filters")
                        : getTranslation("search.empty", filters.text())));
        List<String> suggestions = suggestions();
        if (!suggestions.isEmpty()) {
            Div links = new Div(new Span(getTranslation("search.empty.try")));
            links.addClassName("eexpo-suggestions");
            for (String suggestion : suggestions) {
                RouterLink link = new RouterLink(suggestion, SearchView.class);
                link.setQueryParameters(SearchFilters.NONE.withText(suggestion).toQueryParameters());
                link.addClassName("eexpo-suggestion");
                links.add(link);
            }
            empty.add(links);
        }
        if (filters.hasFilters()) {
            RouterLink clear = new RouterLink(getTranslation("search.empty.clear"), SearchView.class);
            clear.setQueryParameters(filters.withoutFilters().toQueryParameters());
            clear.setId("search-clear-filters");
            empty.add(new Paragraph(clear));
        }
        return empty;
    }

    /**
     * Other searches worth a try: each word of a query of several words that finds something alone, what the
     * suggester completes each word to and, when that finds nothing, what it completes ever shorter beginnings of the
     * query to.
     */
    List<String> suggestions() {
        String text = filters.text();
        if (text.isEmpty()) {
            return List.of();
        }
        Set<String> found = new LinkedHashSet<>();
        try {
            List<String> words = Arrays.stream(text.split("\\s+"))
                    .filter(w -> !w.isBlank())
                    .limit(4)
                    .toList();
            if (words.size() > 1) {
                for (String word : words) {
                    if (search.search(SearchQuery.text(word, 0, 1)).total() > 0) {
                        found.add(word);
                    }
                }
            }
            for (String word : words) {
                found.addAll(search.suggest(word, SUGGESTIONS));
            }
            for (int length = text.codePointCount(0, text.length()) - 1; found.isEmpty() && length > 0; length--) {
                String beginning =
                        text.substring(0, text.offsetByCodePoints(0, length)).strip();
                if (!beginning.isEmpty()) {
                    found.addAll(search.suggest(beginning, SUGGESTIONS));
                }
            }
        } catch (SearchUnavailableException e) {
            return List.of();
        }
        found.remove(text);
        return new ArrayList<>(found).subList(0, Math.min(SUGGESTIONS, found.size()));
    }

    /** Shows another search: a navigation to its URL, so it lands in the browser's history. */
    private void show(SearchFilters next) {
        UI.getCurrent().navigate(SearchView.class, next.toQueryParameters());
    }
}
