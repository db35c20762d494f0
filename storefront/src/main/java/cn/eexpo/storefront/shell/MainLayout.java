package cn.eexpo.storefront.shell;

import cn.eexpo.catalog.SearchUnavailableException;
import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.storefront.account.AccountView;
import cn.eexpo.storefront.account.SignInView;
import cn.eexpo.storefront.account.SignUpView;
import cn.eexpo.storefront.cart.CartView;
import cn.eexpo.storefront.cart.ShopperCart;
import cn.eexpo.storefront.home.HomeView;
import cn.eexpo.storefront.i18n.LanguagePreference;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.orders.OrdersView;
import cn.eexpo.storefront.search.SearchView;
import cn.eexpo.storefront.search.ShopSearch;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.contextmenu.SubMenu;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.menubar.MenuBar;
import com.vaadin.flow.component.menubar.MenuBarVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.shared.Registration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The frame of every page: brand, a search box that suggests as the shopper types, the language switch, the cart with
 * the number of units in it, and the account menu. One row from 360 px up: on a phone the brand shortens and the menu
 * folds into icons.
 */
@ViewBean
@AnonymousAllowed
public class MainLayout extends AppLayout implements LocaleChangeObserver, AfterNavigationObserver {

    public static final String SEARCH_ID = "header-search";
    public static final String LANGUAGE_ID = "language-switch";
    public static final String CART_ID = "header-cart";
    public static final String CART_COUNT_ID = "header-cart-count";
    public static final String ACCOUNT_ID = "header-account";
    static final int SUGGESTIONS = 8;

    private final ShopSearch search;
    private final ShopperCart cart;
    private final Accounts accounts;
    private final AuthenticationContext authentication;
    private final Span cartCount = new Span();
    private HorizontalLayout header = new HorizontalLayout();
    private @Nullable ComboBox<String> searchBox;
    private String searchText = "";
    private Registration cartListener;

    public MainLayout(ShopSearch search, ShopperCart cart, Accounts accounts, AuthenticationContext authentication) {
        this.search = search;
        this.cart = cart;
        this.accounts = accounts;
        this.authentication = authentication;
        // No side drawer: navigation lives in the header, so the content takes the full width.
        setPrimarySection(Section.NAVBAR);
        setDrawerOpened(false);
        cartCount.setId(CART_COUNT_ID);
        cartCount.addClassName("eexpo-cart-count");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        cartListener = ShopperCart.onChange(event.getUI(), changed -> showUnits(changed.units()));
        showUnits(cart.units());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        cartListener.remove();
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
        Span full = new Span(getTranslation("app.brand"));
        full.addClassName("eexpo-brand-full");
        Span shortName = new Span(getTranslation("app.brand.short"));
        shortName.addClassName("eexpo-brand-short");
        brand.add(full, shortName);
        brand.addClassName("eexpo-brand");

        Locale other = isEnglish() ? StorefrontTranslations.CHINESE : StorefrontTranslations.ENGLISH;
        Button language = new Button(
                getTranslation("header.language.other"), e -> LanguagePreference.choose(UI.getCurrent(), other));
        language.setId(LANGUAGE_ID);
        language.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        language.getElement().setAttribute("lang", other.toLanguageTag());

        searchBox = searchBox();
        HorizontalLayout header = new HorizontalLayout(brand, searchBox, language, cartLink(), accountMenu());
        header.addClassName("eexpo-header");
        header.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        header.setWidthFull();
        header.expand(searchBox);
        showSearchText();
        return header;
    }

    /**
     * Suggestions (product names and brands starting with what was typed) open as the shopper types; picking one, or
     * pressing Enter on the typed text, opens the search results.
     */
    private ComboBox<String> searchBox() {
        ComboBox<String> box = new ComboBox<>();
        box.setId(SEARCH_ID);
        box.setPlaceholder(getTranslation("header.search.placeholder"));
        box.setAriaLabel(getTranslation("header.search.placeholder"));
        box.setPrefixComponent(VaadinIcon.SEARCH.create());
        box.setAllowCustomValue(true);
        box.setClearButtonVisible(true);
        box.setAutoOpen(true);
        box.addClassName("eexpo-header-search");
        box.setItems(query -> suggestions(query.getFilter().orElse("")).stream()
                .skip(query.getOffset())
                .limit(query.getLimit()));
        // The box then holds the text as its value: leaving the box does not commit it a second time.
        box.addCustomValueSetListener(e -> {
            box.setValue(e.getDetail());
            showResults(e.getDetail());
        });
        box.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                showResults(e.getValue());
            }
        });
        return box;
    }

    /** The search box shows the text of the search on screen, and is empty elsewhere. */
    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        searchText = event.getLocation().getPath().equals("search")
                ? event.getLocation()
                        .getQueryParameters()
                        .getSingleParameter(SearchView.QUERY)
                        .orElse("")
                : "";
        showSearchText();
    }

    private void showSearchText() {
        if (searchBox != null && !searchText.equals(searchBox.getValue() == null ? "" : searchBox.getValue())) {
            if (searchText.isEmpty()) {
                searchBox.clear();
            } else {
                searchBox.setValue(searchText);
            }
        }
    }

    private List<String> suggestions(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        try {
            return Stream.concat(Stream.of(typed.strip()), search.suggest(typed.strip(), SUGGESTIONS).stream())
                    .distinct()
                    .toList();
        } catch (SearchUnavailableException e) {
            return List.of(typed.strip());
        }
    }

    private static void showResults(String text) {
        UI.getCurrent().navigate(SearchView.class, QueryParameters.simple(Map.of(SearchView.QUERY, text.strip())));
    }

    private Component cartLink() {
        RouterLink link = new RouterLink(CartView.class);
        link.setId(CART_ID);
        link.add(VaadinIcon.CART.create(), cartCount);
        link.addClassName("eexpo-cart-link");
        link.getElement().setAttribute("aria-label", getTranslation("header.cart"));
        link.getElement().setAttribute("title", getTranslation("header.cart"));
        return link;
    }

    private void showUnits(int units) {
        cartCount.setText(units == 0 ? "" : Integer.toString(units));
        cartCount.setVisible(units > 0);
        cartCount.getElement().setAttribute("aria-label", getTranslation("header.cart.units", units));
    }

    private Component accountMenu() {
        MenuBar menu = new MenuBar();
        menu.setId(ACCOUNT_ID);
        menu.addThemeVariants(MenuBarVariant.LUMO_TERTIARY, MenuBarVariant.LUMO_DROPDOWN_INDICATORS);
        var signedIn = accounts.current();
        SubMenu items = menu.addItem(accountLabel(signedIn.orElse(null))).getSubMenu();
        if (signedIn.isPresent()) {
            items.addItem(
                    getTranslation("header.account.mine"), e -> UI.getCurrent().navigate(AccountView.class));
            items.addItem(
                    getTranslation("header.account.orders"),
                    e -> UI.getCurrent().navigate(OrdersView.class));
            items.addItem(getTranslation("header.account.signout"), e -> authentication.logout());
        } else {
            items.addItem(
                    getTranslation("header.account.signin"),
                    e -> UI.getCurrent().navigate(SignInView.class));
            items.addItem(
                    getTranslation("header.account.signup"),
                    e -> UI.getCurrent().navigate(SignUpView.class));
        }
        return menu;
    }

    private Component accountLabel(@Nullable Account account) {
        Span label = new Span(
                VaadinIcon.USER.create(),
                new Span(account == null ? getTranslation("header.account") : account.displayName()));
        label.addClassName("eexpo-account-label");
        return label;
    }

    private boolean isEnglish() {
        return StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
    }
}
