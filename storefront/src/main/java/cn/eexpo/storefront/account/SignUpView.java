package cn.eexpo.storefront.account;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Placeholder: built out by the storefront issue. */
@Route(value = "signup", layout = MainLayout.class)
@AnonymousAllowed
public class SignUpView extends VerticalLayout implements HasDynamicTitle {

    public SignUpView() {
        add(new H1(getTranslation("account.signup.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("account.signup.title");
    }
}
