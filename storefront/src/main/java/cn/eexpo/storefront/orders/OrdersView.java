package cn.eexpo.storefront.orders;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;

/** Placeholder: built out by the storefront issue. */
@Route(value = "orders", layout = MainLayout.class)
@PermitAll
public class OrdersView extends VerticalLayout implements HasDynamicTitle {

    public OrdersView() {
        add(new H1(getTranslation("orders.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.title");
    }
}
