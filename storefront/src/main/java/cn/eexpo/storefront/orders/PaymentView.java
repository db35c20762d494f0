package cn.eexpo.storefront.orders;

import cn.eexpo.orders.order.BuyerOrders;
import cn.eexpo.orders.order.OrderStateException;
import cn.eexpo.orders.payment.Payments;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.Prices;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * Paying an unpaid order, right after checkout or later from the order's page. Alipay and WeChat Pay: the browser is
 * sent to the page Stripe names for the payment; a card: Stripe.js's Payment Element in this page when a publishable
 * key is configured, else the local sandbox's payment page. Each returns the buyer to the order's page.
 */
@ViewBean
@Route(value = "orders/:orderNo/pay", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/orders.css")
public class PaymentView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String LINK_ID = "payment-link";
    static final String STRIPE_JS = "https://js.stripe.com/v3";

    private final BuyerOrders buyerOrders;
    private final Payments payments;
    private final PublicUrl publicUrl;

    private String orderNo = "";
    private @Nullable BigDecimal total;
    private Payments.@Nullable PaymentStart start;
    private boolean notFound;
    private boolean failed;

    public PaymentView(BuyerOrders buyerOrders, Payments payments, PublicUrl publicUrl) {
        this.buyerOrders = buyerOrders;
        this.payments = payments;
        this.publicUrl = publicUrl;
        addClassName("eexpo-payment");
        setPadding(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.pay.title");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orderNo = event.getRouteParameters().get("orderNo").orElse("");
        var order = buyerOrders.mine(orderNo).orElse(null);
        if (order == null) {
            notFound = true;
            return;
        }
        if (!OrderStatuses.AWAITING_PAYMENT.contains(order.status())) {
            event.forwardTo(OrderView.class, new RouteParameters("orderNo", orderNo));
            return;
        }
        total = order.total();
        if (!begin()) {
            event.forwardTo(OrderView.class, new RouteParameters("orderNo", orderNo));
        }
    }

    /**
     * Starts paying and, for a page elsewhere, sends the browser there.
     *
     * @return false when the order turned out not to wait for payment any more
     */
    private boolean begin() {
        failed = false;
        try {
            start = payments.start(orderNo, publicUrl.of("/orders/" + orderNo));
        } catch (OrderStateException e) {
            return false;
        } catch (RuntimeException e) {
            failed = true;
            return true;
        }
        if (start.redirects()) {
            UI.getCurrent().getPage().setLocation(start.redirectUrl());
        }
        return true;
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    private void render() {
        removeAll();
        if (notFound) {
            add(new H1(getTranslation("orders.detail.not-found.title")));
            Paragraph missing = new Paragraph(getTranslation("orders.detail.not-found", orderNo));
            missing.setId("order-not-found");
            add(missing, new RouterLink(getTranslation("orders.back"), OrdersView.class));
            return;
        }
        add(new H1(getTranslation("orders.pay.heading", orderNo)));
        if (total != null) {
            Paragraph amount = new Paragraph(Prices.yuan(total));
            amount.setId("payment-amount");
            amount.addClassName("payment-amount");
            add(amount);
        }
        if (failed || start == null) {
            Paragraph problem = new Paragraph(getTranslation("orders.pay.unavailable"));
            problem.setId("payment-error");
            problem.addClassName("order-failure");
            Button retry = new Button(getTranslation("orders.pay.retry"), e -> {
                if (begin()) {
                    render();
                } else {
                    UI.getCurrent().navigate(OrderView.class, new RouteParameters("orderNo", orderNo));
                }
            });
            retry.setId("payment-retry");
            retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            add(problem, retry, orderLink());
            return;
        }
        if (start.redirects()) {
            add(new Paragraph(
                    getTranslation("orders.pay.redirecting", getTranslation("orders.method." + start.method()))));
            Anchor link = new Anchor(start.redirectUrl(), getTranslation("orders.pay.continue"));
            link.setId(LINK_ID);
            link.addClassName("payment-link");
            add(link, orderLink());
            return;
        }
        cardForm(start);
    }

    /** Stripe.js's Payment Element, confirming the payment in this page and returning to the order. */
    private void cardForm(Payments.PaymentStart card) {
        add(new Paragraph(getTranslation("orders.pay.card")));
        Div element = new Div();
        element.setId("payment-element");
        element.addClassName("payment-element");
        Button pay = new Button(getTranslation("orders.pay.submit"));
        pay.setId("payment-submit");
        pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        Div error = new Div();
        error.setId("payment-card-error");
        error.addClassName("payment-card-error");
        error.getElement().setAttribute("role", "alert");
        add(element, error, pay, orderLink());
        boolean english = StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
        element.getElement()
                .executeJs(
                        """
                        const mount = this, key = $0, secret = $1, returnUrl = $2, button = $3, error = $4;
                        const locale = $5;
                        const start = () => {
                          const stripe = Stripe(key, { locale });
                          const elements = stripe.elements({ clientSecret: secret, locale });
                          elements.create('payment').mount(mount);
                          button.addEventListener('click', async () => {
                            button.disabled = true;
                            error.textContent = '';
                            const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl } });
                            if (result.error) {
                              error.textContent = result.error.message;
                              button.disabled = false;
                            }
                          });
                        };
                        if (window.Stripe) {
                          start();
                        } else {
                          const script = document.createElement('script');
                          script.src = $6;
                          script.onload = start;
                          script.onerror = () => { error.textContent = $7; };
                          document.head.appendChild(script);
                        }
                        """,
                        card.publishableKey(),
                        card.clientSecret(),
                        publicUrl.of("/orders/" + orderNo),
                        pay.getElement(),
                        error.getElement(),
                        english ? "en" : "zh",
                        STRIPE_JS,
                        getTranslation("orders.pay.unavailable"));
    }

    private RouterLink orderLink() {
        RouterLink link = new RouterLink(
                getTranslation("orders.pay.back"), OrderView.class, new RouteParameters("orderNo", orderNo));
        link.addClassName("payment-back");
        return link;
    }
}
