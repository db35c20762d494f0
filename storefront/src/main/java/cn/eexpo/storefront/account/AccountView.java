package cn.eexpo.storefront.account;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Placeholder: built out by the storefront issue. */
@Route(value = "account", layout = MainLayout.class)
@PermitAll
public class AccountView extends VerticalLayout implements HasDynamicTitle {

    public AccountView() {
        add(new H1(getTranslation("account.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.title");
    }
}
