package cn.eexpo.storefront.product;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Placeholder: built out by the storefront issue. */
@Route(value = "product/:sku", layout = MainLayout.class)
@AnonymousAllowed
public class ProductView extends VerticalLayout implements HasDynamicTitle {

    public ProductView() {
        add(new H1(getTranslation("product.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("product.title");
    }
}
