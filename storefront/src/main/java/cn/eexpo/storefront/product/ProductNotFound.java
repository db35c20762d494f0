package cn.eexpo.storefront.product;

import cn.eexpo.storefront.search.SearchView;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import jakarta.servlet.http.HttpServletResponse;

/** The page of a product that does not exist (or is no longer listed), inside the shop's frame, with status 404. */
@ViewBean
@ParentLayout(MainLayout.class)
@AnonymousAllowed
public class ProductNotFound extends VerticalLayout
        implements HasErrorParameter<ProductNotFoundException>, LocaleChangeObserver, HasDynamicTitle {

    private String sku = "";

    public ProductNotFound() {
        addClassName("eexpo-product");
        setPadding(true);
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<ProductNotFoundException> parameter) {
        sku = parameter.getException().sku();
        if (isAttached()) {
            render();
        }
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("product.notfound.title");
    }

    private void render() {
        removeAll();
        Div missing = new Div(
                new H1(getTranslation("product.notfound.title")),
                new Paragraph(getTranslation("product.notfound.text", sku)),
                new RouterLink(getTranslation("product.notfound.search"), SearchView.class));
        missing.setId("product-not-found");
        missing.addClassName("eexpo-notice");
        add(missing);
    }
}
