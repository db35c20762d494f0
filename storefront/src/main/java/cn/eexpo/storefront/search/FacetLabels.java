package cn.eexpo.storefront.search;

import cn.eexpo.storefront.i18n.StorefrontTranslations;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * What a facet value is called in the shopper's language. The index counts codes: a category code, an ISO country
 * code, a trade mode, a warehouse code; brands are shown as they are. A code without a name is shown as the code.
 */
final class FacetLabels {

    private final ShopSearch search;
    private final Locale locale;
    private final boolean english;

    FacetLabels(ShopSearch search, Locale locale) {
        this.search = search;
        this.locale = StorefrontTranslations.supported(locale);
        this.english = StorefrontTranslations.ENGLISH.equals(this.locale);
    }

    String label(String facet, String value) {
        return switch (facet) {
            case SearchFilters.CATEGORY -> category(value);
            case SearchFilters.ORIGIN -> country(value);
            case SearchFilters.MODE -> translation("translations", "trade-mode." + value, value);
            case SearchFilters.WAREHOUSE -> warehouse(value);
            default -> value;
        };
    }

    /** A category's name, from the search bundle ({@code search.category.<code>}). */
    String category(String code) {
        return translation("search", "search.category." + code, code);
    }

    /** The country's name in the shopper's language, from the JDK's locale data (德国, Germany). */
    String country(String isoCode) {
        if (isoCode.length() != 2) {
            return isoCode;
        }
        String name = Locale.of("", isoCode).getDisplayCountry(locale);
        return name.isBlank() || name.equals(isoCode) ? isoCode : name;
    }

    /** The warehouse's name (kept for all sessions by {@link ShopSearch}); its code when it has none. */
    String warehouse(String code) {
        return search.warehouse(code).map(w -> english ? w.nameEn() : w.name()).orElse(code);
    }

    private String translation(String bundle, String key, String fallback) {
        try {
            ResourceBundle texts = ResourceBundle.getBundle(
                    "vaadin-i18n." + bundle,
                    locale,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return texts.containsKey(key) ? texts.getString(key) : fallback;
        } catch (MissingResourceException e) {
            return fallback;
        }
    }
}
