package cn.eexpo.storefront.search;

import cn.eexpo.catalog.SearchResult;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.product.ProductView;
import cn.eexpo.storefront.ui.Prices;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Emphasis;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A product in a list (search results, the home page's featured goods): image and name link to the product page, then
 * the trade-mode badge, brand and price. With a search's highlight the matched words of the name are emphasised; the
 * highlight is never put into the page as HTML: its text is split at the {@code <em>} tags and every piece added as
 * text, so nothing else in it can become markup.
 */
@StyleSheet("styles/product-card.css")
public class ProductCard extends Div {

    public static final String CLASS_NAME = "eexpo-card";

    public ProductCard(SearchResult.Item item, Locale locale) {
        addClassName(CLASS_NAME);
        getElement().setAttribute("data-sku", item.sku());
        boolean english = StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(locale));
        String name = english ? item.nameEn() : item.name();

        Image image = new Image(item.imageUrl() == null ? PLACEHOLDER : item.imageUrl(), "");
        image.getElement().setAttribute("loading", "lazy");
        Span title = new Span();
        title.addClassName("eexpo-card-name");
        title.add(highlighted(name, item.highlight()).toArray(Component[]::new));
        RouterLink link = new RouterLink(ProductView.class, ProductView.parameters(item.sku()));
        link.addClassName("eexpo-card-link");
        link.add(image, title);

        Span mode = new Span(getTranslation(locale, "trade-mode." + item.tradeMode()));
        mode.addClassName("eexpo-badge");
        mode.getElement().getThemeList().add("badge");
        if ("9610".equals(item.tradeMode())) {
            mode.getElement().getThemeList().add("contrast");
        }
        Span brand = new Span(item.brand());
        brand.addClassName("eexpo-card-brand");
        Span price = new Span(Prices.yuan(item.price()));
        price.addClassName("eexpo-price");
        add(link, mode, brand, price);
    }

    static final String PLACEHOLDER = "images/product-placeholder.svg";

    /**
     * The name as text and {@link Emphasis} pieces: {@code highlight} marks matches with {@code <em>}…{@code </em>}; it
     * is used only when it is the highlighted form of {@code name} (the index may have highlighted the other language's
     * name), else the plain name is shown.
     */
    static List<Component> highlighted(String name, @Nullable String highlight) {
        if (highlight == null
                || !highlight.replace("<em>", "").replace("</em>", "").equals(name)) {
            return List.of(new Text(name));
        }
        List<Component> parts = new ArrayList<>();
        String rest = highlight;
        while (!rest.isEmpty()) {
            int open = rest.indexOf("<em>");
            if (open < 0) {
                parts.add(new Text(rest));
                break;
            }
            if (open > 0) {
                parts.add(new Text(rest.substring(0, open)));
            }
            int close = rest.indexOf("</em>", open);
            String matched = close < 0 ? rest.substring(open + 4) : rest.substring(open + 4, close);
            if (!matched.isEmpty()) {
                parts.add(new Emphasis(matched));
            }
            rest = close < 0 ? "" : rest.substring(close + 5);
        }
        return parts;
    }
}
