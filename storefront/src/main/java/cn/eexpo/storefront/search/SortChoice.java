package cn.eexpo.storefront.search;

import cn.eexpo.catalog.SearchQuery;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The order of the search results: a label with the browser's own {@code select}, one element of escaped markup, so
 * it costs the session one state node (a {@code Select} component is a dozen, built anew for every search). The
 * option shown is the one the page's URL names; choosing another reports it, and the view navigates to its URL.
 */
@Tag("label")
final class SortChoice extends Component {

    private final Consumer<SearchQuery.Sort> chosen;
    private SearchQuery.Sort value = SearchQuery.Sort.RELEVANCE;

    /** @param chosen told the order the shopper picked */
    SortChoice(String id, Consumer<SearchQuery.Sort> chosen) {
        this.chosen = chosen;
        setId(id);
        addClassName("eexpo-sort");
        getElement()
                .addEventListener(
                        "change",
                        event -> choose(
                                event.getEventData().get("event.target.value").asString()))
                .addEventData("event.target.value");
    }

    /**
     * Shows {@code value} as chosen among every order, each labelled by {@code labels}, after the caption
     * {@code label}.
     */
    void show(String label, SearchQuery.Sort value, Function<SearchQuery.Sort, String> labels) {
        this.value = value;
        StringBuilder html = new StringBuilder(512);
        html.append("<span>")
                .append(ProductCard.escape(label))
                .append("</span><select aria-label=\"")
                .append(ProductCard.escape(label))
                .append("\">");
        for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
            html.append("<option value=\"")
                    .append(SearchFilters.sortParameter(sort))
                    .append(sort == value ? "\" selected>" : "\">")
                    .append(ProductCard.escape(labels.apply(sort)))
                    .append("</option>");
        }
        getElement().setProperty("innerHTML", html.append("</select>").toString());
    }

    /** The order shown as chosen. */
    SearchQuery.Sort value() {
        return value;
    }

    /** The shopper picked the order with this URL parameter; one the page does not know is ignored. */
    void choose(String parameter) {
        for (SearchQuery.Sort sort : SearchQuery.Sort.values()) {
            if (SearchFilters.sortParameter(sort).equals(parameter) && sort != value) {
                chosen.accept(sort);
                return;
            }
        }
    }
}
