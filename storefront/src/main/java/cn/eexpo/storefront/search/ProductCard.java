package cn.eexpo.storefront.search;

import cn.eexpo.catalog.SearchResult;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.product.ProductView;
import cn.eexpo.storefront.ui.Prices;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.RouteConfiguration;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A product in a list (search results, the home page's featured goods): image and name link to the product page, then
 * the trade-mode badge, brand and price. With a search's highlight the matched words of the name are emphasised.
 *
 * <p>A card is one element with its markup as {@code innerHTML}, so a page of cards costs the session one state node
 * per card instead of a dozen: a search page's cards are most of an anonymous session's memory. Every text in the
 * markup is escaped; the highlight's {@code <em>} tags are the only markup taken from it, and only when the highlight
 * is the name itself (the index may have highlighted the other language's name). The link is a router link
 * ({@code router-link}): following it navigates inside the application, as a {@code RouterLink} does.
 */
@StyleSheet("styles/product-card.css")
public class ProductCard extends Div {

    public static final String CLASS_NAME = "eexpo-card";

    public ProductCard(SearchResult.Item item, Locale locale) {
        addClassName(CLASS_NAME);
        getElement().setAttribute("data-sku", item.sku());
        boolean english = StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(locale));
        String name = english ? item.nameEn() : item.name();
        String image = item.imageUrl() == null ? PLACEHOLDER : item.imageUrl();
        String modeTheme = "9610".equals(item.tradeMode()) ? "badge contrast" : "badge";
        getElement()
                .setProperty(
                        "innerHTML",
                        "<a class=\"eexpo-card-link\" router-link href=\"" + escape(href(item.sku())) + "\">"
                                + "<img loading=\"lazy\" alt=\"\" src=\"" + escape(image) + "\">"
                                + "<span class=\"eexpo-card-name\">" + highlightedHtml(name, item.highlight())
                                + "</span></a>"
                                + "<span class=\"eexpo-badge\" theme=\"" + modeTheme + "\">"
                                + escape(getTranslation(locale, "trade-mode." + item.tradeMode())) + "</span>"
                                + "<span class=\"eexpo-card-brand\">" + escape(item.brand()) + "</span>"
                                + "<span class=\"eexpo-price\">" + escape(Prices.yuan(item.price())) + "</span>");
    }

    /** The product page's address, relative to the application as the router writes it. */
    static String href(String sku) {
        return RouteConfiguration.forApplicationScope().getUrl(ProductView.class, ProductView.parameters(sku));
    }

    static final String PLACEHOLDER = "images/product-placeholder.svg";

    /**
     * The name as escaped HTML with the matches of {@code highlight} (marked {@code <em>}…{@code </em>}) wrapped in
     * {@code <em>}; the highlight is used only when it is the highlighted form of {@code name}, else the plain name is
     * shown. Nothing of either becomes markup but those tags.
     */
    static String highlightedHtml(String name, @Nullable String highlight) {
        if (highlight == null
                || !highlight.replace("<em>", "").replace("</em>", "").equals(name)) {
            return escape(name);
        }
        StringBuilder html = new StringBuilder();
        String rest = highlight;
        while (!rest.isEmpty()) {
            int open = rest.indexOf("<em>");
            if (open < 0) {
                html.append(escape(rest));
                break;
            }
            html.append(escape(rest.substring(0, open)));
            int close = rest.indexOf("</em>", open);
            String matched = close < 0 ? rest.substring(open + 4) : rest.substring(open + 4, close);
            if (!matched.isEmpty()) {
                html.append("<em>").append(escape(matched)).append("</em>");
            }
            rest = close < 0 ? "" : rest.substring(close + 5);
        }
        return html.toString();
    }

    /** The text with the characters that mean markup in HTML (and in its attributes) escaped. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
