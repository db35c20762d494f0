package cn.eexpo.storefront.checkout;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Placeholder: built out by the storefront issue. */
@Route(value = "checkout", layout = MainLayout.class)
@PermitAll
public class CheckoutView extends VerticalLayout implements HasDynamicTitle {

    public CheckoutView() {
        add(new H1(getTranslation("checkout.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkout.title");
    }
}
