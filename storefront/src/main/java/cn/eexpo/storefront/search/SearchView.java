package cn.eexpo.storefront.search;

import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.storefront.shell.MainLayout;
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
import com.vaadin.flow.component.select.Select;
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

    private final Div results = new Div();
    private final Div sentinel = new Div();
    private final Button more = new Button();
    private final Span count = new Span();
    private @Nullable BigDecimalField priceMin;
    private @Nullable BigDecimalField priceMax;
    private @Nullable Details filterPanel;
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

    public SearchView(ShopSearch search) {
        this.search = search;
        addClassName("eexpo-search");
        setPadding(true);
        results.addClassName("eexpo-product-grid");
        results.setId("search-results");
        sentinel.addClassName("eexpo-search-sentinel");
        sentinel.setId("search-sentinel");
        more.setId("search-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> loadMore());
        count.setId("search-count");
        count.addClassName("eexpo-search-count");
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
            if (filterPanel != null && wideScreen) {
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
            removeAll();
            results.removeAll();
            shown = 0;
            add(new H1(
                    filters.text().isEmpty()
                            ? getTranslation("search.heading.all")
                            : getTranslation("search.heading", filters.text())));
            if (!ignored.isEmpty()) {
                Paragraph notice = new Paragraph(getTranslation(
                        "search.ignored",
                        String.join(", ", ignored.stream().distinct().toList())));
                notice.setId("search-notice");
                notice.addClassName("eexpo-notice");
                add(notice);
            }
            SearchResult first;
            try {
                firstPage = filters.query(PAGE_SIZE);
                first = search.search(firstPage);
            } catch (SearchUnavailableException e) {
                Paragraph unavailable = new Paragraph(getTranslation("search.unavailable"));
                unavailable.setId("search-unavailable");
                unavailable.addClassName("eexpo-notice");
                add(unavailable);
                firstPage = null;
                return;
            }
            total = first.total();
            count.setText(getTranslation("search.count", total));
            Div toolbar = new Div(count, sortSelect());
            toolbar.addClassName("eexpo-search-toolbar");

            Div main = new Div(toolbar, results, sentinel, more);
            main.addClassName("eexpo-search-main");
            Div body = new Div(filterPanel(first.facets()), main);
            body.addClassName("eexpo-search-body");
            add(body);
            if (first.items().isEmpty()) {
                main.add(empty());
            }
            nextPage = 1;
            append(first);
        } finally {
            rendering = false;
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

    private Component sortSelect() {
        Select<SearchQuery.Sort> sort = new Select<>();
        sort.setId("search-sort");
        sort.setAriaLabel(getTranslation("search.sort"));
        sort.setPrefixComponent(new Span(getTranslation("search.sort")));
        sort.setItems(SearchQuery.Sort.values());
        sort.setItemLabelGenerator(s -> getTranslation("search.sort." + SearchFilters.sortParameter(s)));
        sort.setValue(filters.sort());
        sort.addValueChangeListener(e -> {
            if (!rendering && e.getValue() != null) {
                show(filters.withSort(e.getValue()));
            }
        });
        return sort;
    }

    private Component filterPanel(SearchResult.Facets facets) {
        FacetLabels labels = new FacetLabels(search, getLocale());
        VerticalLayout content = new VerticalLayout(priceRange());
        content.setPadding(false);
        content.addClassName("eexpo-facets");
        Map<String, List<SearchResult.FacetValue>> counted = Map.of(
                SearchFilters.CATEGORY, facets.category(),
                SearchFilters.BRAND, facets.brand(),
                SearchFilters.ORIGIN, facets.origin(),
                SearchFilters.MODE, facets.tradeMode(),
                SearchFilters.WAREHOUSE, facets.warehouse());
        for (String facet : FACETS) {
            content.add(facet(facet, counted.get(facet), labels));
        }
        boolean wasOpen = filterPanel != null && filterPanel.isOpened();
        Details panel = new Details(getTranslation("search.filters"), content);
        panel.setId("search-filters");
        panel.addClassName("eexpo-search-filters");
        panel.setOpened(wasOpen || wideScreen);
        filterPanel = panel;
        return panel;
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

    private Component priceRange() {
        BigDecimalField min = priceField("price-min", "search.price.min", filters.min());
        BigDecimalField max = priceField("price-max", "search.price.max", filters.max());
        priceMin = min;
        priceMax = max;
        min.addValueChangeListener(e -> priceChanged());
        max.addValueChangeListener(e -> priceChanged());
        Div range = new Div(min, new Span("–"), max);
        range.addClassName("eexpo-price-range");
        Div box = new Div(new Span(getTranslation("search.price")), range);
        box.addClassName("eexpo-price-filter");
        return box;
    }

    private BigDecimalField priceField(String id, String label, @Nullable BigDecimal value) {
        BigDecimalField field = new BigDecimalField();
        field.setId(id);
        field.setAriaLabel(getTranslation(label));
        field.setPlaceholder(getTranslation(label));
        field.setPrefixComponent(new Span("¥"));
        field.setClearButtonVisible(true);
        field.setValue(value);
        return field;
    }

    /** A price typed: checked next to the field; a valid range is applied, an invalid one keeps what was typed. */
    private void priceChanged() {
        if (rendering || priceMin == null || priceMax == null) {
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
