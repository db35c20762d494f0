package cn.eexpo.storefront.checkout;

import cn.eexpo.catalog.OutOfStockException;
import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.account.AddressDetails;
import cn.eexpo.orders.account.AddressRefusedException;
import cn.eexpo.orders.account.AddressRules;
import cn.eexpo.orders.account.Addresses;
import cn.eexpo.orders.cart.CartUnavailableException;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.orders.checkout.CheckoutRefusedException;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.orders.checkout.IdempotencyConflictException;
import cn.eexpo.orders.identity.BuyerIdentity;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.quota.QuotaExceededException;
import cn.eexpo.orders.tax.OrderLimitExceededException;
import cn.eexpo.orders.tax.RetailImportTax;
import cn.eexpo.storefront.cart.CartPricing;
import cn.eexpo.storefront.cart.CartView;
import cn.eexpo.storefront.cart.ShopperCart;
import cn.eexpo.storefront.orders.PaymentView;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.Prices;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkout of one order: the buyer's real-name identity (masked), who receives the goods and where, what the order
 * costs (goods, freight, tax, total) and how the buyer pays. A cart of goods that clear customs separately is ordered
 * one shipment at a time. Placing the order carries an idempotency key made once per view, so a double click or a
 * retried request places one order; then the buyer is sent to pay.
 */
@ViewBean
@Route(value = "checkout", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/checkout.css")
public class CheckoutView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String PLACE_ID = "place-order";
    static final String ERROR_ID = "checkout-error";
    static final List<String> METHODS = List.of("alipay", "wechat_pay", "card");
    private static final Logger log = LoggerFactory.getLogger(CheckoutView.class);

    private final ShopperCart shopperCart;
    private final CartPricing pricing;
    private final Checkout checkout;
    private final Accounts accounts;
    private final Identities identities;
    private final Addresses addresses;

    private final TextField name = field("consignee-name", 60);
    private final TextField phone = field("consignee-phone", 20);
    private final TextField province = field("consignee-province", 30);
    private final TextField city = field("consignee-city", 30);
    private final TextField district = field("consignee-district", 30);
    private final TextArea address = new TextArea();
    private final RadioButtonGroup<String> method = new RadioButtonGroup<>();
    private final Select<Integer> shipmentChoice = new Select<>();
    private final Button place = new Button();
    private final Div error = new Div();

    /** One key per checkout: clicking twice, or again after a lost answer, places the same order. */
    private String idempotencyKey = UUID.randomUUID().toString();

    private @Nullable Account account;
    private @Nullable BuyerIdentity identity;
    private CartPricing.@Nullable Priced priced;
    private int shipmentIndex;

    public CheckoutView(
            ShopperCart shopperCart,
            CartPricing pricing,
            Checkout checkout,
            Accounts accounts,
            Identities identities,
            Addresses addresses) {
        this.shopperCart = shopperCart;
        this.pricing = pricing;
        this.checkout = checkout;
        this.accounts = accounts;
        this.identities = identities;
        this.addresses = addresses;
        addClassName("eexpo-checkout");
        setPadding(true);
        address.setId("consignee-address");
        address.setMaxLength(200);
        address.setRequired(true);
        method.setId("payment-method");
        method.setItems(METHODS);
        method.setValue("alipay");
        method.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
        shipmentChoice.setId("checkout-shipment");
        shipmentChoice.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                shipmentIndex = e.getValue();
                render();
            }
        });
        place.setId(PLACE_ID);
        place.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_LARGE);
        place.setDisableOnClick(true);
        place.addClickListener(e -> placeOrder());
        // Inline: a field marked wrong is checked again as the buyer corrects it.
        for (TextField field : List.of(name, province, city, district)) {
            field.addValueChangeListener(e -> {
                if (e.isFromClient() && field.isInvalid()) {
                    required(field);
                }
            });
        }
        phone.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                validPhone();
            }
        });
        address.addValueChangeListener(e -> {
            if (e.isFromClient() && address.isInvalid()) {
                validAddress();
            }
        });
        error.setId(ERROR_ID);
        error.addClassName("checkout-error");
        error.getElement().setAttribute("role", "alert");
        error.setVisible(false);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("checkout.title");
    }

    /** A buyer without a real-name identity registers one first and comes back. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        account = accounts.current().orElse(null);
        identity = account == null ? null : identities.of(account.id()).orElse(null);
        if (identity == null) {
            event.forwardTo("account", QueryParameters.simple(Map.of("continue", "checkout")));
            return;
        }
        if (name.isEmpty()) {
            // The default address of the address book, else the buyer's own name and phone to start from.
            var preferred = addresses.preferred();
            if (preferred.isPresent()) {
                var a = preferred.get();
                name.setValue(a.name());
                phone.setValue(a.phone());
                province.setValue(a.province());
                city.setValue(a.city());
                district.setValue(a.district());
                address.setValue(a.address());
            } else {
                name.setValue(identity.name());
                phone.setValue(identity.phone());
            }
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    private void render() {
        removeAll();
        add(new H1(getTranslation("checkout.title")));
        if (identity == null) {
            return;
        }
        try {
            priced = pricing.price(shopperCart.cart());
        } catch (CartUnavailableException e) {
            add(new Paragraph(getTranslation("checkout.cart-unavailable")));
            return;
        }
        var shipments = priced.shipments().stream()
                .filter(s -> !s.orderable().isEmpty())
                .toList();
        if (shipments.isEmpty()) {
            Div empty = new Div(
                    new Paragraph(getTranslation("checkout.empty")),
                    new RouterLink(getTranslation("checkout.back-to-cart"), CartView.class));
            empty.setId("checkout-empty");
            add(empty);
            return;
        }
        shipmentIndex = Math.min(shipmentIndex, shipments.size() - 1);
        if (priced.hasProblems()) {
            add(notice(getTranslation("checkout.cart-problems"), "checkout-cart-problems"));
        }
        if (shipments.size() > 1) {
            add(notice(getTranslation("checkout.separate", shipments.size()), "checkout-separate"));
            shipmentChoice.setLabel(getTranslation("checkout.shipment"));
            Map<Integer, String> labels = new LinkedHashMap<>();
            for (int i = 0; i < shipments.size(); i++) {
                var s = shipments.get(i);
                labels.put(
                        i,
                        getTranslation(
                                "checkout.shipment.option",
                                i + 1,
                                s.seller(getLocale()),
                                s.warehouse(getLocale()),
                                getTranslation("trade-mode." + s.tradeMode())));
            }
            shipmentChoice.setItems(labels.keySet());
            shipmentChoice.setItemLabelGenerator(labels::get);
            shipmentChoice.setValue(shipmentIndex);
            add(shipmentChoice);
        }
        var shipment = shipments.get(shipmentIndex);
        add(buyer(), consignee(), summary(shipment), payment(), error, placeBar());
        place.setText(getTranslation("checkout.place"));
        place.setEnabled(shipment.quote().isPresent());
    }

    private Component buyer() {
        Span masked = new Span(identity.maskedIdNumber());
        masked.setId("checkout-identity");
        Div box = new Div(
                new H2(getTranslation("checkout.buyer")),
                new Paragraph(getTranslation("checkout.buyer.text", identity.name())),
                masked);
        box.addClassName("checkout-section");
        return box;
    }

    private Component consignee() {
        name.setLabel(getTranslation("checkout.consignee.name"));
        phone.setLabel(getTranslation("checkout.consignee.phone"));
        phone.setHelperText(getTranslation("checkout.consignee.phone.help"));
        province.setLabel(getTranslation("checkout.consignee.province"));
        city.setLabel(getTranslation("checkout.consignee.city"));
        district.setLabel(getTranslation("checkout.consignee.district"));
        address.setLabel(getTranslation("checkout.consignee.address"));
        FormLayout form = new FormLayout(name, phone, province, city, district, address);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("36em", 2));
        form.setColspan(address, 2);
        Div box = new Div(new H2(getTranslation("checkout.consignee")), form);
        box.addClassName("checkout-section");
        return box;
    }

    private Component summary(CartPricing.Shipment shipment) {
        Div lines = new Div();
        lines.addClassName("checkout-lines");
        for (var item : shipment.orderable()) {
            Div line = new Div(
                    new Span(getTranslation("checkout.line", item.name(getLocale()), item.quantity())),
                    new Span(Prices.yuan(item.product().priceInFen().times(item.quantity()))));
            shipment.taxed(item.sku()).ifPresent(t -> {
                Span tax = new Span(getTranslation("checkout.line.tax", Prices.yuan(t.tax())));
                tax.addClassName("checkout-line-tax");
                line.add(tax);
            });
            line.addClassName("checkout-line");
            line.getElement().setAttribute("data-sku", item.sku().value());
            lines.add(line);
        }
        Div box = new Div(new H2(getTranslation("checkout.summary")), lines);
        box.addClassName("checkout-section");
        if (shipment.quote().isPresent()) {
            var q = shipment.quote().get();
            box.add(
                    row("checkout.goods", "checkout-goods", Prices.yuan(q.goodsValue())),
                    row("checkout.freight", "checkout-freight", Prices.yuan(q.freight())),
                    row("checkout.tax", "checkout-tax", Prices.yuan(q.taxTotal())),
                    row("checkout.total", "checkout-total", Prices.yuan(q.total())));
            if (shipment.fullRate()) {
                box.add(notice(
                        getTranslation("checkout.full-rate", Prices.yuan(RetailImportTax.PER_ORDER_LIMIT)),
                        "checkout-full-rate"));
            }
        } else if (shipment.overLimit() != null) {
            box.add(notice(limitMessage(shipment.overLimit()), "checkout-limit"));
        } else {
            box.add(notice(getTranslation("checkout.error.lines"), "checkout-refused"));
        }
        return box;
    }

    private Component row(String label, String id, String amount) {
        Span value = new Span(amount);
        value.setId(id);
        Div row = new Div(new Span(getTranslation(label)), value);
        row.addClassName("checkout-total-row");
        if (id.equals("checkout-total")) {
            row.addClassName("checkout-grand-total");
        }
        return row;
    }

    private Component payment() {
        method.setLabel(getTranslation("checkout.payment"));
        method.setItemLabelGenerator(m -> getTranslation("checkout.payment." + m));
        Div box = new Div(new H2(getTranslation("checkout.payment")), method);
        box.addClassName("checkout-section");
        return box;
    }

    private Component placeBar() {
        Div bar = new Div(place);
        bar.addClassName("checkout-place-bar");
        return bar;
    }

    private void placeOrder() {
        showError(null);
        var shipment = currentShipment();
        if (shipment == null || !validConsignee()) {
            place.setEnabled(true);
            return;
        }
        var request = new CheckoutRequest(
                shipment.lines(),
                new CheckoutRequest.Consignee(
                        name.getValue().strip(),
                        phone.getValue().replace(" ", ""),
                        province.getValue().strip(),
                        city.getValue().strip(),
                        district.getValue().strip(),
                        address.getValue().strip()),
                method.getValue() == null ? "alipay" : method.getValue());
        String orderNo;
        try {
            orderNo = checkout.place(account.id(), request, idempotencyKey)
                    .order()
                    .orderNo();
        } catch (CheckoutRefusedException e) {
            refused(e);
            return;
        } catch (QuotaExceededException e) {
            fail(getTranslation("checkout.error.quota", Prices.yuan(e.remaining())));
            return;
        } catch (OrderLimitExceededException e) {
            fail(limitMessage(e));
            return;
        } catch (OutOfStockException e) {
            fail(getTranslation("checkout.error.stock", e.sku(), e.available()));
            return;
        } catch (IdempotencyConflictException e) {
            // The key placed an order before with other details: a new attempt needs a new key.
            idempotencyKey = UUID.randomUUID().toString();
            fail(getTranslation("checkout.error.retry"));
            return;
        } catch (RuntimeException e) {
            log.warn("Checkout failed for account {}", account.id(), e);
            fail(getTranslation("checkout.error.unexpected"));
            return;
        }
        removeFromCart(shipment);
        rememberFirstAddress(request.consignee());
        UI.getCurrent().navigate(PaymentView.class, new RouteParameters("orderNo", orderNo));
    }

    /** A buyer's first order fills an empty address book, so the next checkout starts from it. */
    private void rememberFirstAddress(CheckoutRequest.@Nullable Consignee c) {
        if (c == null) {
            return;
        }
        try {
            if (addresses.mine().isEmpty()) {
                addresses.add(
                        new AddressDetails(c.name(), c.phone(), c.province(), c.city(), c.district(), c.address()));
            }
        } catch (RuntimeException e) {
            // The order is placed; the address book is a convenience.
            log.info(
                    "Could not keep the first address of account {}: {}",
                    account == null ? "?" : account.id(),
                    e.toString());
        }
    }

    private void removeFromCart(CartPricing.Shipment ordered) {
        try {
            if (priced != null && priced.items().size() == ordered.orderable().size()) {
                shopperCart.clear();
            } else {
                ordered.orderable().forEach(item -> shopperCart.remove(item.sku()));
            }
        } catch (CartUnavailableException e) {
            // The order is placed; the cart shows the goods again until it can be cleared.
        }
    }

    private CartPricing.@Nullable Shipment currentShipment() {
        if (priced == null) {
            return null;
        }
        var shipments = priced.shipments().stream()
                .filter(s -> !s.orderable().isEmpty())
                .toList();
        return shipments.isEmpty() ? null : shipments.get(Math.min(shipmentIndex, shipments.size() - 1));
    }

    /** Checks the consignee as checkout will, marking each field that is not right. */
    private boolean validConsignee() {
        boolean valid = required(name) & required(province) & required(city) & required(district);
        valid &= validAddress();
        valid &= validPhone();
        if (!valid) {
            showError(getTranslation("checkout.error.form"));
        }
        return valid;
    }

    private boolean validAddress() {
        if (address.getValue().isBlank()) {
            address.setErrorMessage(getTranslation("checkout.error.required"));
            address.setInvalid(true);
            return false;
        }
        address.setInvalid(false);
        return true;
    }

    /** A mainland mobile number, by the same rule the address book and checkout apply (spaces allowed). */
    private boolean validPhone() {
        if (!required(phone)) {
            return false;
        }
        try {
            AddressRules.phone(phone.getValue());
        } catch (AddressRefusedException e) {
            phone.setErrorMessage(getTranslation("checkout.error.phone"));
            phone.setInvalid(true);
            return false;
        }
        phone.setInvalid(false);
        return true;
    }

    private boolean required(TextField field) {
        if (field.getValue().isBlank()) {
            field.setErrorMessage(getTranslation("checkout.error.required"));
            field.setInvalid(true);
            return false;
        }
        field.setInvalid(false);
        return true;
    }

    private void refused(CheckoutRefusedException e) {
        switch (e.field()) {
            case "consignee.phone" -> {
                phone.setErrorMessage(getTranslation("checkout.error.phone"));
                phone.setInvalid(true);
                fail(getTranslation("checkout.error.form"));
            }
            case "consignee.name", "consignee.province", "consignee.city", "consignee.district" -> {
                TextField field = switch (e.field()) {
                    case "consignee.name" -> name;
                    case "consignee.province" -> province;
                    case "consignee.city" -> city;
                    default -> district;
                };
                field.setErrorMessage(getTranslation("checkout.error.too-long"));
                field.setInvalid(true);
                fail(getTranslation("checkout.error.form"));
            }
            case "consignee.address" -> {
                address.setErrorMessage(getTranslation("checkout.error.too-long"));
                address.setInvalid(true);
                fail(getTranslation("checkout.error.form"));
            }
            case "identity" -> fail(getTranslation("checkout.error.identity"));
            case "lines" ->
                fail(
                        e.getMessage().contains("separate")
                                ? getTranslation("checkout.error.separate")
                                : getTranslation("checkout.error.lines"));
            default -> fail(getTranslation("checkout.error.unexpected"));
        }
    }

    private String limitMessage(OrderLimitExceededException e) {
        return getTranslation(
                "checkout.error.limit",
                Prices.yuan(RetailImportTax.PER_ORDER_LIMIT),
                Prices.yuan(e.dutiableValue()),
                Prices.yuan(e.excess()));
    }

    private void fail(String message) {
        showError(message);
        place.setEnabled(true);
    }

    private void showError(@Nullable String message) {
        error.removeAll();
        error.setVisible(message != null);
        if (message != null) {
            error.add(new Paragraph(message));
        }
    }

    private static Component notice(String text, String id) {
        Paragraph notice = new Paragraph(text);
        notice.setId(id);
        notice.addClassName("eexpo-notice");
        return notice;
    }

    private static TextField field(String id, int maxLength) {
        TextField field = new TextField();
        field.setId(id);
        field.setMaxLength(maxLength);
        field.setRequired(true);
        return field;
    }
}
