package cn.eexpo.storefront.search;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Tag;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import tools.jackson.databind.JsonNode;

/**
 * One facet of a search as a group of checkboxes, each labelled with its value's name and count. It is one element (a
 * {@code fieldset} with its legend and the browser's own checkboxes as markup), so the five facets of a search page
 * cost the session five state nodes instead of a component per value, and are cheap to render on every search. Every
 * label and value is escaped. A checkbox the shopper changes is reported with its value and state; the group answers
 * with the values then chosen, in the order listed.
 */
@Tag("fieldset")
final class FacetGroup extends Component {

    private final Map<String, String> labels;
    private final Set<String> chosen;
    private final Consumer<List<String>> changed;

    /**
     * @param labels the values to list, in order, each with its label (name and count)
     * @param chosen the values checked
     * @param changed told the values chosen after the shopper checks or unchecks one
     */
    FacetGroup(
            String id,
            String legend,
            Map<String, String> labels,
            Collection<String> chosen,
            Consumer<List<String>> changed) {
        this.labels = new LinkedHashMap<>(labels);
        this.chosen = new LinkedHashSet<>(chosen);
        this.changed = changed;
        setId(id);
        addClassName("eexpo-facet");
        setVisible(!labels.isEmpty());
        StringBuilder html = new StringBuilder(64 + 96 * labels.size());
        html.append("<legend>").append(ProductCard.escape(legend)).append("</legend>");
        labels.forEach((value, label) -> html.append("<label><input type=\"checkbox\" value=\"")
                .append(ProductCard.escape(value))
                .append(this.chosen.contains(value) ? "\" checked>" : "\">")
                .append(ProductCard.escape(label))
                .append("</label>"));
        getElement().setProperty("innerHTML", html.toString());
        getElement()
                .addEventListener("change", event -> {
                    JsonNode data = event.getEventData();
                    check(
                            data.get("event.target.value").asString(),
                            data.get("event.target.checked").asBoolean());
                })
                .addEventData("event.target.value")
                .addEventData("event.target.checked");
    }

    /** The values listed, in order. */
    List<String> values() {
        return List.copyOf(labels.keySet());
    }

    /** What a value is labelled: its name and count. */
    String label(String value) {
        return labels.get(value);
    }

    /** The values checked, in the order listed. */
    List<String> chosen() {
        return labels.keySet().stream().filter(chosen::contains).toList();
    }

    /** The shopper checked or unchecked a value; a value not listed is ignored (the page may have changed). */
    void check(String value, boolean checked) {
        if (!labels.containsKey(value)) {
            return;
        }
        if (checked) {
            chosen.add(value);
        } else {
            chosen.remove(value);
        }
        changed.accept(chosen());
    }
}
