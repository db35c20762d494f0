package cn.eexpo.storefront.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void everyChineseTextHasAnEnglishTranslationAndViceVersa() throws Exception {
        var bundles = bundles();
        assertThat(bundles).contains("translations");
        for (String bundle : bundles) {
            Properties chinese = load(bundle + "_zh_CN.properties");
            Properties english = load(bundle + "_en.properties");

            assertThat(english.stringPropertyNames())
                    .as(bundle)
                    .containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
            assertThat(chinese.values())
                    .as(bundle)
                    .noneMatch(text -> text.toString().isBlank());
            assertThat(english.values())
                    .as(bundle)
                    .noneMatch(text -> text.toString().isBlank());
            if (!bundle.equals("translations")) {
                assertThat(chinese.stringPropertyNames())
                        .as("the keys of a feature's bundle start with its name")
                        .allMatch(key -> key.startsWith(bundle + "."));
            }
        }
    }

    /** Every bundle under vaadin-i18n: the shared one and one per feature. */
    private static List<String> bundles() throws Exception {
        try (var files = Files.list(
                Path.of(TranslationsTest.class.getResource("/vaadin-i18n/").toURI()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.endsWith("_zh_CN.properties"))
                    .map(name -> name.substring(0, name.length() - "_zh_CN.properties".length()))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void chineseIsTheDefaultAndEnglishBrowsersGetEnglish() {
        var translations = new StorefrontTranslations();

        assertThat(translations.getProvidedLocales().getFirst()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(translations.getTranslation("home.hero.title", Locale.GERMAN))
                .isEqualTo("买全球，卖全球");
        assertThat(translations.getTranslation("home.hero.title", Locale.UK)).isEqualTo("Buy global, sell global");
        assertThat(translations.getTranslation("search.count", Locale.ENGLISH, 1200))
                .isEqualTo("1,200 products");
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
