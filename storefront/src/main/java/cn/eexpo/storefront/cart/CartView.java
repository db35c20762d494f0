package cn.eexpo.storefront.cart;

import cn.eexpo.catalog.Sku;
import cn.eexpo.common.Money;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.cart.Cart;
import cn.eexpo.orders.cart.CartUnavailableException;
import cn.eexpo.orders.cart.InsufficientStockException;
import cn.eexpo.orders.cart.UnknownProductException;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.quota.QuotaStatus;
import cn.eexpo.orders.quota.Quotas;
import cn.eexpo.orders.tax.RetailImportTax;
import cn.eexpo.storefront.checkout.CheckoutView;
import cn.eexpo.storefront.home.HomeView;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.Prices;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The cart: every line with its product as the catalog has it now, a quantity to change and a remove button, its value
 * and its tax; totals over the whole cart; and, before the shopper goes to checkout, what checkout would refuse: lines
 * that can no longer be ordered, an order over CNY 5,000, goods that must be ordered separately, and the annual quota.
 */
@ViewBean
@Route(value = "cart", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/cart.css")
public class CartView extends VerticalLayout implements LocaleChangeObserver, HasDynamicTitle {

    static final String WARNING_ID = "cart-warning";
    static final String CHECKOUT_ID = "cart-checkout";
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final ShopperCart shopperCart;
    private final CartPricing pricing;
    private final Accounts accounts;
    private final Identities identities;
    private final Quotas quotas;

    public CartView(
            ShopperCart shopperCart, CartPricing pricing, Accounts accounts, Identities identities, Quotas quotas) {
        this.shopperCart = shopperCart;
        this.pricing = pricing;
        this.accounts = accounts;
        this.identities = identities;
        this.quotas = quotas;
        addClassName("eexpo-cart");
        setPadding(true);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("cart.title");
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        refresh();
    }

    /** Renders the cart as it is now. */
    void refresh() {
        removeAll();
        add(new H1(getTranslation("cart.title")));
        Cart cart;
        try {
            cart = shopperCart.cart();
        } catch (CartUnavailableException e) {
            add(notice(getTranslation("cart.unavailable")));
            return;
        }
        if (cart.isEmpty()) {
            add(empty());
            return;
        }
        var priced = pricing.price(cart);
        notes(cart).ifPresent(this::add);
        Div lines = new Div();
        lines.addClassName("cart-lines");
        boolean grouped = priced.shipments().size() > 1;
        for (var shipment : priced.shipments()) {
            if (grouped) {
                lines.add(shipmentHeading(shipment));
            }
            for (var item : shipment.items()) {
                lines.add(line(item, shipment.taxed(item.sku()).map(t -> t.tax())));
            }
        }
        if (!priced.unavailable().isEmpty() && grouped) {
            lines.add(new H2(getTranslation("cart.unavailable.heading")));
        }
        priced.unavailable().forEach(item -> lines.add(line(item, Optional.empty())));
        add(lines);
        List<Component> warnings = warnings(priced);
        if (!warnings.isEmpty()) {
            Div box = new Div();
            box.setId(WARNING_ID);
            box.addClassName("cart-warnings");
            box.getElement().setAttribute("role", "alert");
            warnings.forEach(box::add);
            add(box);
        }
        add(totals(priced), checkoutButton(priced));
    }

    private Component empty() {
        Div empty = new Div(
                new Paragraph(getTranslation("cart.empty")),
                new RouterLink(getTranslation("cart.empty.shop"), HomeView.class));
        empty.setId("cart-empty");
        empty.addClassName("cart-empty");
        return empty;
    }

    private Optional<Component> notes(Cart cart) {
        if (cart.notes().isEmpty()) {
            return Optional.empty();
        }
        Div notes = new Div();
        notes.addClassName("eexpo-notice");
        for (var note : cart.notes()) {
            notes.add(new Paragraph(getTranslation(
                    "cart.note." + note.kind().name().toLowerCase(java.util.Locale.ROOT),
                    note.sku().value(),
                    note.quantity())));
        }
        return Optional.of(notes);
    }

    private Component shipmentHeading(CartPricing.Shipment shipment) {
        H2 heading = new H2(getTranslation(
                "cart.shipment",
                shipment.seller(getLocale()),
                shipment.warehouse(getLocale()),
                getTranslation("trade-mode." + shipment.tradeMode())));
        heading.addClassName("cart-shipment");
        return heading;
    }

    private Component line(CartPricing.Item item, Optional<Money> tax) {
        Div line = new Div();
        line.addClassName("cart-line");
        line.getElement().setAttribute("data-sku", item.sku().value());
        var product = item.product();
        String name = item.name(getLocale());
        Image image = new Image(product == null || product.imageUrl() == null ? "" : product.imageUrl(), name);
        image.addClassName("cart-line-image");
        Anchor title = new Anchor("product/" + item.sku().value(), name);
        title.addClassName("cart-line-name");
        Div info = new Div(title);
        info.addClassName("cart-line-info");
        if (product != null) {
            Span unit = new Span(getTranslation("cart.unit-price", Prices.yuan(product.price())));
            unit.addClassName("cart-line-unit");
            info.add(unit);
        }
        if (!item.orderable()) {
            Span problem = new Span(problem(item));
            problem.addClassName("cart-line-problem");
            line.addClassName("cart-line-problem-line");
            info.add(problem);
        }

        IntegerField quantity = new IntegerField();
        quantity.addClassName("cart-quantity");
        quantity.setAriaLabel(getTranslation("cart.quantity", name));
        quantity.setMin(1);
        quantity.setMax(Math.max(1, item.maxQuantity()));
        quantity.setStepButtonsVisible(true);
        quantity.setValue(item.quantity());
        quantity.setEnabled(product != null && product.available() > 0);
        quantity.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                changeQuantity(item, quantity);
            }
        });

        Button remove = new Button(VaadinIcon.TRASH.create(), e -> remove(item.sku()));
        remove.addClassName("cart-remove");
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        remove.setAriaLabel(getTranslation("cart.remove", name));
        remove.setTooltipText(getTranslation("cart.remove", name));

        Div amounts = new Div();
        amounts.addClassName("cart-line-amounts");
        if (product != null) {
            Span value = new Span(Prices.yuan(product.priceInFen().times(item.quantity())));
            value.addClassName("cart-line-value");
            amounts.add(value);
        }
        Span taxSpan = new Span(tax.map(t -> getTranslation("cart.line.tax", Prices.yuan(t)))
                .orElse(getTranslation("cart.line.tax.none")));
        taxSpan.addClassName("cart-line-tax");
        amounts.add(taxSpan);

        Div controls = new Div(quantity, remove);
        controls.addClassName("cart-line-controls");
        line.add(image, info, controls, amounts);
        return line;
    }

    private String problem(CartPricing.Item item) {
        return switch (item.problem()) {
            case NOT_SOLD -> getTranslation("cart.problem.not-sold");
            case SOLD_OUT -> getTranslation("cart.problem.sold-out");
            case TOO_MANY ->
                getTranslation("cart.problem.too-many", item.product().available());
            case NONE -> "";
        };
    }

    private void changeQuantity(CartPricing.Item item, IntegerField field) {
        Integer wanted = field.getValue();
        int max = item.maxQuantity();
        if (wanted == null || wanted < 1) {
            invalid(field, getTranslation("cart.quantity.min"));
            return;
        }
        if (wanted > max) {
            invalid(field, getTranslation("cart.quantity.max", max));
            return;
        }
        try {
            shopperCart.set(item.sku(), wanted);
        } catch (InsufficientStockException e) {
            invalid(field, getTranslation("cart.quantity.max", e.available()));
            return;
        } catch (UnknownProductException e) {
            invalid(field, getTranslation("cart.problem.not-sold"));
            return;
        } catch (CartUnavailableException e) {
            invalid(field, getTranslation("cart.unavailable"));
            return;
        }
        refresh();
    }

    private static void invalid(IntegerField field, String message) {
        field.setErrorMessage(message);
        field.setInvalid(true);
    }

    private void remove(Sku sku) {
        try {
            shopperCart.remove(sku);
        } catch (CartUnavailableException e) {
            add(notice(getTranslation("cart.unavailable")));
            return;
        }
        refresh();
    }

    private List<Component> warnings(CartPricing.Priced priced) {
        List<Component> warnings = new ArrayList<>();
        if (priced.hasProblems()) {
            warnings.add(warning("problems", getTranslation("cart.warning.problems")));
        }
        for (var shipment : priced.shipments()) {
            if (shipment.overLimit() != null) {
                warnings.add(warning(
                        "limit",
                        getTranslation(
                                "cart.warning.limit",
                                Prices.yuan(RetailImportTax.PER_ORDER_LIMIT),
                                Prices.yuan(shipment.overLimit().dutiableValue()),
                                Prices.yuan(shipment.overLimit().excess()))));
            } else if (shipment.fullRate()) {
                warnings.add(warning(
                        "full-rate",
                        getTranslation("cart.warning.full-rate", Prices.yuan(RetailImportTax.PER_ORDER_LIMIT))));
            }
            if (shipment.refusal() != null) {
                warnings.add(warning("refused", shipment.refusal()));
            }
        }
        if (priced.shipments().size() > 1) {
            warnings.add(warning(
                    "separate",
                    getTranslation("cart.warning.separate", priced.shipments().size())));
        }
        quota().ifPresent(quota -> {
            Money wanted = Money.ZERO;
            for (var shipment : priced.shipments()) {
                if (shipment.quote().isPresent()) {
                    wanted = wanted.plus(shipment.quote().get().goodsValue())
                            .plus(shipment.quote().get().freight());
                }
            }
            if (wanted.compareTo(quota.remaining()) > 0) {
                warnings.add(warning(
                        "quota",
                        getTranslation("cart.warning.quota", Prices.yuan(quota.remaining()), Prices.yuan(wanted))));
            }
        });
        return warnings;
    }

    private static Component warning(String kind, String text) {
        Paragraph warning = new Paragraph(text);
        warning.addClassName("cart-warning-item");
        warning.getElement().setAttribute("data-kind", kind);
        return warning;
    }

    /** The signed-in buyer's quota this year, when the buyer has registered an identity. */
    private Optional<QuotaStatus> quota() {
        return accounts.current()
                .flatMap(account -> identities.of(account.id()))
                .map(identity -> quotas.status(
                        identity.idNumberHash(), LocalDate.now(SHANGHAI).getYear()));
    }

    private Component totals(CartPricing.Priced priced) {
        Div totals = new Div(
                row("cart.goods", "cart-goods", Prices.yuan(priced.goods())),
                row("cart.freight", "cart-freight", Prices.yuan(priced.freight())),
                row("cart.tax", "cart-tax", Prices.yuan(priced.tax())),
                row("cart.total", "cart-total", Prices.yuan(priced.total())));
        totals.addClassName("cart-totals");
        quota().ifPresent(quota -> {
            Paragraph remaining = new Paragraph(getTranslation(
                    "cart.quota",
                    Prices.yuan(quota.remaining()),
                    Prices.yuan(quota.limit()),
                    String.valueOf(quota.year())));
            remaining.setId("cart-quota");
            remaining.addClassName("cart-quota");
            totals.add(remaining);
        });
        return totals;
    }

    private Component row(String label, String id, String amount) {
        Span value = new Span(amount);
        value.setId(id);
        Div row = new Div(new Span(getTranslation(label)), value);
        row.addClassName("cart-total-row");
        if (id.equals("cart-total")) {
            row.addClassName("cart-grand-total");
        }
        return row;
    }

    private Component checkoutButton(CartPricing.Priced priced) {
        Button checkout =
                new Button(getTranslation("cart.checkout"), e -> UI.getCurrent().navigate(CheckoutView.class));
        checkout.setId(CHECKOUT_ID);
        checkout.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        boolean blocked = priced.hasProblems() || priced.overLimit();
        checkout.setEnabled(!blocked);
        Div bar = new Div(checkout);
        bar.addClassName("cart-checkout-bar");
        if (blocked) {
            Span why = new Span(getTranslation("cart.checkout.blocked"));
            why.addClassName("cart-checkout-blocked");
            bar.add(why);
        }
        return bar;
    }

    private static Component notice(String text) {
        Paragraph notice = new Paragraph(text);
        notice.addClassName("eexpo-notice");
        return notice;
    }
}
