package cn.eexpo.storefront.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class FacetGroupTest {

    private final List<List<String>> reported = new ArrayList<>();

    @Test
    void valuesAreListedInOrderWithTheChosenOnesCheckedAndEverythingEscaped() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("Aptamil", "Aptamil (12)");
        labels.put("A&B\"<x>", "<script>alert(1)</script> (3)");
        FacetGroup group = new FacetGroup("facet-brand", "品牌 & Co", labels, List.of("A&B\"<x>"), reported::add);

        String html = group.getElement().getProperty("innerHTML");

        assertThat(html)
                .isEqualTo("<legend>品牌 &amp; Co</legend>"
                        + "<label><input type=\"checkbox\" value=\"Aptamil\">Aptamil (12)</label>"
                        + "<label><input type=\"checkbox\" value=\"A&amp;B&quot;&lt;x&gt;\" checked>"
                        + "&lt;script&gt;alert(1)&lt;/script&gt; (3)</label>");
        assertThat(group.getElement().getTag()).isEqualTo("fieldset");
        assertThat(group.getId()).contains("facet-brand");
        assertThat(group.chosen()).containsExactly("A&B\"<x>");
        assertThat(group.isVisible()).isTrue();
    }

    @Test
    void theBrowsersChangeEventReportsTheValuesThenChosenInListedOrder() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("DE", "德国 (4)");
        labels.put("FR", "法国 (2)");
        labels.put("JP", "日本 (1)");
        FacetGroup group = new FacetGroup("facet-origin", "原产地", labels, List.of("JP"), reported::add);

        change(group, "DE", true);
        change(group, "JP", false);
        change(group, "XX", true);

        assertThat(reported).containsExactly(List.of("DE", "JP"), List.of("DE"));
        assertThat(group.chosen()).containsExactly("DE");
    }

    @Test
    void aFacetWithNothingToListIsHidden() {
        assertThat(new FacetGroup("facet-mode", "贸易方式", Map.of(), List.of(), reported::add).isVisible())
                .isFalse();
    }

    private static void change(FacetGroup group, String value, boolean checked) {
        ObjectNode data = JsonMapper.builder().build().createObjectNode();
        data.put("event.target.value", value);
        data.put("event.target.checked", checked);
        group.getElement()
                .getNode()
                .getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(group.getElement(), "change", data));
    }
}
