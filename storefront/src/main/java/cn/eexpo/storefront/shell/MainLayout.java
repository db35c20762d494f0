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
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.Locale;
import java.util.Map;

/** The frame of every page: brand, search box and language switch. */
public class MainLayout extends AppLayout {

    static final String SEARCH_ID = "header-search";
    static final String LANGUAGE_ID = "language-switch";

    public MainLayout() {
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
        Button language = new Button(getTranslation("header.language.other"), e -> {
            LanguagePreference.choose(UI.getCurrent(), other);
            UI.getCurrent().getPage().reload();
        });
        language.setId(LANGUAGE_ID);
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        language.getElement().setAttribute("lang", other.toLanguageTag());

        HorizontalLayout header = new HorizontalLayout(brand, search, language);
        header.addClassName("eexpo-header");
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(search);
        addToNavbar(header);
    }

    private boolean isEnglish() {
        return StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
    }
}
