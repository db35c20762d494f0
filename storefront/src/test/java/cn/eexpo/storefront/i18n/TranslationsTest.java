package cn.eexpo.storefront.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TranslationsTest {

    @Test
    void everyChineseTextHasAnEnglishTranslationAndViceVersa() throws IOException {
        Properties chinese = load("translations_zh_CN.properties");
        Properties english = load("translations_en.properties");

        assertThat(english.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(chinese.stringPropertyNames());
        assertThat(chinese.values()).noneMatch(text -> text.toString().isBlank());
        assertThat(english.values()).noneMatch(text -> text.toString().isBlank());
    }

    @Test
    void chineseIsTheDefaultAndEnglishBrowsersGetEnglish() {
        var translations = new StorefrontTranslations();

        assertThat(translations.getProvidedLocales().getFirst()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(translations.getTranslation("home.hero.title", Locale.GERMAN))
                .isEqualTo("买全球，卖全球");
        assertThat(translations.getTranslation("home.hero.title", Locale.UK)).isEqualTo("Buy global, sell global");
        assertThat(translations.getTranslation("home.results.count", Locale.ENGLISH, "wine", 12))
                .isEqualTo("12 products found for “wine”");
    }

    private static Properties load(String name) throws IOException {
        var properties = new Properties();
        try (var in = TranslationsTest.class.getResourceAsStream("/vaadin-i18n/" + name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
