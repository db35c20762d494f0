package cn.eexpo.storefront.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Every text the storefront shows comes from translation bundles under {@code vaadin-i18n/}, one pair per feature: a
 * key's first segment names its bundle ({@code search.facet.brand} is in {@code search_zh_CN.properties} and
 * {@code search_en.properties}); keys of the shell and home page, and of features without a bundle, are in
 * {@code translations_*.properties}. There is no base file, so nothing falls back to the JVM locale. Simplified Chinese
 * is the default and the fallback; English is the second language.
 */
@Component
public class StorefrontTranslations implements I18NProvider {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    private static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);
    private static final String DIRECTORY = "vaadin-i18n/";
    private static final String SHARED_BUNDLE = "translations";
    private final Map<String, String> bundleOfFeature = new ConcurrentHashMap<>();
    /**
     * The patterns read so far, by language and key: the bundles do not change while the application runs, and a page
     * asks for dozens of texts on every visit (looking each up in {@code ResourceBundle}'s cache cost more).
     */
    private final Map<Locale, Map<String, String>> patterns =
            Map.of(CHINESE, new ConcurrentHashMap<>(), ENGLISH, new ConcurrentHashMap<>());
    /** The patterns with parameters, parsed once; each use formats with a copy (a format is not thread-safe). */
    private final Map<Locale, Map<String, MessageFormat>> formats =
            Map.of(CHINESE, new ConcurrentHashMap<>(), ENGLISH, new ConcurrentHashMap<>());

    private static final Logger log = LoggerFactory.getLogger(StorefrontTranslations.class);

    @Override
    public List<Locale> getProvidedLocales() {
        return LOCALES;
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        Locale supported = supported(locale);
        String pattern = patterns.get(supported).get(key);
        if (pattern == null) {
            try {
                pattern = ResourceBundle.getBundle(bundle(key), supported, NO_FALLBACK_TO_SYSTEM_LOCALE)
                        .getString(key);
            } catch (MissingResourceException e) {
                log.warn("Missing translation {} for {}", key, supported);
                return "!" + key;
            }
            patterns.get(supported).put(key, pattern);
        }
        if (params.length == 0) {
            return pattern;
        }
        String parsed = pattern;
        MessageFormat format = formats.get(supported).computeIfAbsent(key, k -> new MessageFormat(parsed, supported));
        return ((MessageFormat) format.clone()).format(params);
    }

    /** The bundle of the key's feature, or the shared one when the feature has none. */
    private String bundle(String key) {
        int dot = key.indexOf('.');
        String feature = dot < 0 ? SHARED_BUNDLE : key.substring(0, dot);
        return DIRECTORY.replace('/', '.')
                + bundleOfFeature.computeIfAbsent(
                        feature,
                        f -> getClass().getClassLoader().getResource(DIRECTORY + f + "_zh_CN.properties") != null
                                ? f
                                : SHARED_BUNDLE);
    }

    /** English for an English-speaking browser or choice, Chinese otherwise. */
    public static Locale supported(Locale locale) {
        return ENGLISH.getLanguage().equals(locale.getLanguage()) ? ENGLISH : CHINESE;
    }

    private static final ResourceBundle.Control NO_FALLBACK_TO_SYSTEM_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
}
