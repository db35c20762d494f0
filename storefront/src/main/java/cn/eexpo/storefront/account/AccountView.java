package cn.eexpo.storefront.account;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.account.Addresses;
import cn.eexpo.orders.identity.BuyerIdentity;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.quota.Quotas;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;

/**
 * The signed-in buyer's account: the real-name identity customs needs for every order (form, then masked), the annual
 * quota it carries, and the address book checkout starts from. With {@code ?continue=} (checkout sends a buyer without
 * identity here with {@code continue=checkout}) the buyer goes on there once the identity is saved.
 */
@ViewBean
@Route(value = AccountView.ROUTE, layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/account.css")
public class AccountView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    public static final String ROUTE = "account";

    private final Identities identities;
    private final H1 title = new H1();
    private final Paragraph who = new Paragraph();
    private final IdentitySection identity;
    private final QuotaMeter quota;
    private final AddressBook addressBook;
    private final Account account;
    private Optional<String> next = Optional.empty();

    public AccountView(Accounts accounts, Identities identities, Quotas quotas, Addresses addresses) {
        this.identities = identities;
        this.account = accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in to see your account."));
        addClassName("eexpo-account");
        who.addClassName("eexpo-account-who");
        identity = new IdentitySection(identities, account, this::identitySaved);
        quota = new QuotaMeter(quotas);
        addressBook = new AddressBook(addresses);
        add(title, who, identity, quota, addressBook);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        next = ContinueTarget.of(event.getLocation());
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        title.setText(getTranslation("account.title"));
        who.setText(getTranslation("account.signedInAs", account.displayName(), account.email()));
        identity.render();
        quota.render(identities.of(account.id()));
        addressBook.render();
    }

    private void identitySaved(BuyerIdentity saved) {
        quota.render(Optional.of(saved));
        next.ifPresent(path -> {
            int query = path.indexOf('?');
            UI.getCurrent()
                    .navigate(
                            query < 0 ? path.substring(1) : path.substring(1, query),
                            query < 0
                                    ? QueryParameters.empty()
                                    : QueryParameters.fromString(path.substring(query + 1)));
        });
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
