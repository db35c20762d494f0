package cn.eexpo.storefront.orders;

import cn.eexpo.orders.order.BuyerOrders;
import cn.eexpo.storefront.home.HomeView;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.Prices;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;

/** The buyer's orders, newest first: number, date, status, what it holds and its total, each linking to its page. */
@ViewBean
@Route(value = "orders", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/orders.css")
public class OrdersView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    static final int LIMIT = 50;

    private final BuyerOrders buyerOrders;

    public OrdersView(BuyerOrders buyerOrders) {
        this.buyerOrders = buyerOrders;
        addClassName("eexpo-orders");
        setPadding(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        removeAll();
        add(new H1(getTranslation("orders.title")));
        var orders = buyerOrders.mine(LIMIT);
        if (orders.isEmpty()) {
            Div empty = new Div(
                    new Paragraph(getTranslation("orders.empty")),
                    new RouterLink(getTranslation("orders.empty.shop"), HomeView.class));
            empty.setId("orders-empty");
            add(empty);
            return;
        }
        Div list = new Div();
        list.setId("order-list");
        list.addClassName("order-list");
        orders.forEach(o -> list.add(row(o)));
        add(list);
    }

    private Component row(cn.eexpo.orders.order.OrderView o) {
        boolean english = StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
        var first = o.lines().getFirst();
        String goods = english ? first.nameEn() : first.name();
        if (o.lines().size() > 1) {
            goods = getTranslation("orders.row.more", goods, o.lines().size() - 1);
        }
        RouterLink link = new RouterLink(OrderView.class, new RouteParameters("orderNo", o.orderNo()));
        link.addClassName("order-row-link");
        Span number = new Span(o.orderNo());
        number.addClassName("order-row-no");
        link.add(
                number,
                OrderStatuses.badge(o.status(), this::getTranslation),
                OrderStatuses.text(OrderStatuses.time(o.createdAt()), "order-row-date"),
                OrderStatuses.text(goods, "order-row-goods"),
                OrderStatuses.text(Prices.yuan(o.total()), "order-row-total"));
        Div row = new Div(link);
        row.addClassName("order-row");
        row.getElement().setAttribute("data-order-no", o.orderNo());
        return row;
    }
}
