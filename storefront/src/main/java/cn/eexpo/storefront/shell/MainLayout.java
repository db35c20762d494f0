package cn.eexpo.storefront.shell;

import cn.eexpo.storefront.home.HomeView;
import cn.eexpo.storefront.i18n.LanguagePreference;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import java.util.Map;

/** The frame of every page: brand, search box and language switch. */
public class MainLayout extends AppLayout implements LocaleChangeObserver {

    static final String SEARCH_ID = "header-search";
    static final String LANGUAGE_ID = "language-switch";

    private HorizontalLayout header = new HorizontalLayout();

    public MainLayout() {
        // No side drawer: navigation lives in the header, so the content takes the full width.
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
    }

    /** Called on attach and on every language switch: the header is rebuilt in the new language. */
    @Override
    public void localeChange(LocaleChangeEvent event) {
        remove(header);
        header = header();
        addToNavbar(header);
        UI.getCurrent()
                .getPage()
                .executeJs("document.documentElement.lang = $0", getLocale().toLanguageTag());
    }

    private HorizontalLayout header() {
        RouterLink brand = new RouterLink(HomeView.class);
        brand.add(new Span(getTranslation("app.brand")));
        brand.addClassName("eexpo-brand");

        TextField search = new TextField();
        search.setId(SEARCH_ID);
        search.setPlaceholder(getTranslation("header.search.placeholder"));
        search.setAriaLabel(getTranslation("header.search.placeholder"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.addClassName("eexpo-header-search");
        search.addKeyPressListener(
                Key.ENTER,
                e -> UI.getCurrent().navigate(HomeView.class, QueryParameters.simple(Map.of("q", search.getValue()))));

        Locale other = isEnglish() ? StorefrontTranslations.CHINESE : StorefrontTranslations.ENGLISH;
        Button language = new Button(
                getTranslation("header.language.other"), e -> LanguagePreference.choose(UI.getCurrent(), other));
        language.setId(LANGUAGE_ID);
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.getElement().setAttribute("lang", other.toLanguageTag());

        HorizontalLayout header = new HorizontalLayout(brand, search, language);
        header.addClassName("eexpo-header");
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(search);
        return header;
    }

    private boolean isEnglish() {
        return StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
    }
}
