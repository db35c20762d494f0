package cn.eexpo.storefront.cart;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Placeholder: built out by the storefront issue. */
@Route(value = "cart", layout = MainLayout.class)
@AnonymousAllowed
public class CartView extends VerticalLayout implements HasDynamicTitle {

    public CartView() {
        add(new H1(getTranslation("cart.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cart.title");
    }
}
