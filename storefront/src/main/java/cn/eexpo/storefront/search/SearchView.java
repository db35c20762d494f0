package cn.eexpo.storefront.search;

import cn.eexpo.storefront.shell.MainLayout;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Placeholder: built out by the storefront issue. */
@Route(value = "search", layout = MainLayout.class)
@AnonymousAllowed
public class SearchView extends VerticalLayout implements HasDynamicTitle {

    /** The URL parameter of the search text. */
    public static final String QUERY = "q";

    public SearchView() {
        add(new H1(getTranslation("search.title")));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.title");
    }
}
