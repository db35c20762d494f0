package cn.eexpo.storefront.product;

import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.cart.CartFullException;
import cn.eexpo.orders.cart.CartUnavailableException;
import cn.eexpo.orders.cart.Carts;
import cn.eexpo.orders.cart.InsufficientStockException;
import cn.eexpo.orders.cart.UnknownProductException;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.orders.checkout.CheckoutRefusedException;
import cn.eexpo.orders.tax.OrderLimitExceededException;
import cn.eexpo.orders.tax.RetailImportTax;
import cn.eexpo.orders.tax.TaxQuote;
import cn.eexpo.orders.tax.TaxRule;
import cn.eexpo.storefront.cart.ShopperCart;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.Prices;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A product: image, name and description in the shopper's language, price and, on a line of its own, the estimated
 * cross-border tax and freight for the chosen quantity (as checkout would charge them now), where it comes from and how
 * it ships (trade mode, warehouse), stock, and adding it to the cart. An unknown SKU is the router's
 * {@link ProductNotFound} page, with status 404.
 */
@ViewBean
@Route(value = "product/:sku", layout = MainLayout.class)
@AnonymousAllowed
@StyleSheet("styles/product.css")
public class ProductView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final String SKU = "sku";

    private final ShopProducts catalog;
    private final Checkout checkout;
    private final ShopperCart cart;

    private @Nullable ProductDetails product;
    private String requested = "";
    private final IntegerField quantity = new IntegerField();
    private final Span tax = new Span();
    private final Span freight = new Span();
    private final Span taxRate = new Span();
    private final Button add = new Button();

    ProductView(ShopProducts catalog, Checkout checkout, ShopperCart cart) {
        this.catalog = catalog;
        this.checkout = checkout;
        this.cart = cart;
        addClassName("eexpo-product");
        setPadding(true);
        quantity.setId("product-quantity");
        quantity.setStepButtonsVisible(true);
        quantity.setMin(1);
        quantity.setValue(1);
        quantity.addValueChangeListener(e -> quantityChanged());
        tax.setId("product-tax");
        freight.setId("product-freight");
        taxRate.setId("product-tax-rate");
        add.setId("add-to-cart");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.setIcon(VaadinIcon.CART.create());
        add.setDisableOnClick(true); // a double click adds once
        add.addClickListener(e -> addToCart());
    }

    /** The route parameters of a product's page. */
    public static RouteParameters parameters(String sku) {
        return new RouteParameters(SKU, sku);
    }

    @Override
    public String getPageTitle() {
        return product == null ? getTranslation("product.title") : name(product);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        requested = event.getRouteParameters().get(SKU).orElse("");
        product = find(requested).orElse(null);
        if (product == null) {
            event.rerouteToError(new ProductNotFoundException(requested), requested);
            return;
        }
        quantity.setValue(1);
        if (isAttached()) {
            render();
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    private Optional<ProductDetails> find(String sku) {
        try {
            return catalog.find(Sku.of(sku));
        } catch (IllegalArgumentException notASku) {
            return Optional.empty();
        }
    }

    private void render() {
        removeAll();
        if (product == null) {
            return;
        }
        ProductDetails p = product;
        boolean english = english();

        Image image = new Image(
                p.imageUrl() == null ? "images/categories/" + p.category().code() + ".svg" : p.imageUrl(), name(p));
        image.addClassName("eexpo-product-image");

        H1 name = new H1(name(p));
        name.setId("product-name");
        Span brand = new Span(english || p.brandZh().isBlank() ? p.brand() : p.brandZh() + " " + p.brand());
        brand.setId("product-brand");
        brand.addClassName("eexpo-product-brand");

        Span mode = new Span(getTranslation("product.mode." + p.tradeMode()));
        mode.setId("product-trade-mode");
        mode.getElement().getThemeList().add("badge");
        if ("9610".equals(p.tradeMode())) {
            mode.getElement().getThemeList().add("contrast");
        }

        Span price = new Span(Prices.yuan(p.price()));
        price.setId("product-price");
        price.addClassName("eexpo-price");

        int available = Math.max(0, p.available());
        int max = Math.max(1, Math.min(Carts.MAX_QUANTITY, available));
        quantity.setLabel(getTranslation("product.quantity"));
        quantity.setMax(max);
        quantity.setHelperText(getTranslation("product.quantity.range", max));
        quantity.setEnabled(available > 0);
        add.setText(getTranslation(available > 0 ? "product.add" : "product.soldout"));
        add.setEnabled(available > 0);

        Div order = new Div(quantity, add);
        order.addClassName("eexpo-product-add");
        Div buy = new Div(
                line("product.price", price),
                line("product.tax", tax),
                line("product.freight", freight),
                taxRate,
                order);
        buy.addClassName("eexpo-product-buy");
        Paragraph retail = new Paragraph(getTranslation("product.tax.explained"));
        retail.setId("product-tax-explained");
        retail.addClassName("eexpo-product-small");

        Span stock = new Span(
                available > 0 ? getTranslation("product.stock", available) : getTranslation("product.stock.none"));
        stock.setId("product-stock");
        stock.addClassName(available > 0 ? "eexpo-in-stock" : "eexpo-sold-out");

        Span origin = new Span(english ? p.origin().nameEn() : p.origin().name());
        origin.setId("product-origin");
        Span warehouse = new Span(warehouse(p.warehouse(), english));
        warehouse.setId("product-warehouse");

        Div facts = new Div(
                fact("product.brand", brand),
                fact("product.origin", origin),
                fact("product.warehouse", warehouse),
                fact("product.stock.label", stock));
        facts.addClassName("eexpo-product-facts");

        Paragraph description = new Paragraph(english ? p.descriptionEn() : p.description());
        description.setId("product-description");

        Paragraph returns = new Paragraph(getTranslation("product.returns"));
        returns.setId("product-return-rule");
        returns.addClassName("eexpo-product-small");

        Div summary = new Div(mode, name, buy, retail, facts);
        summary.addClassName("eexpo-product-summary");
        Div top = new Div(image, summary);
        top.addClassName("eexpo-product-top");
        add(
                top,
                new H2(getTranslation("product.description")),
                description,
                new H2(getTranslation("product.returns.title")),
                returns);
        showEstimate();
    }

    private Component line(String label, Span value) {
        Div row = new Div(new Span(getTranslation(label)), value);
        row.addClassName("eexpo-product-line");
        return row;
    }

    private Component fact(String label, Span value) {
        Div row = new Div(new Span(getTranslation(label)), value);
        row.addClassName("eexpo-product-fact");
        return row;
    }

    private String warehouse(ProductDetails.Warehouse w, boolean english) {
        String name = english ? w.nameEn() : w.name();
        if (w.areaName() == null) {
            return getTranslation("product.warehouse.overseas", name);
        }
        return getTranslation("product.warehouse.bonded", name, w.areaName(), w.areaCode());
    }

    private void quantityChanged() {
        if (product == null) {
            return;
        }
        Integer wanted = quantity.getValue();
        int max = (int) quantity.getMax();
        if (wanted == null || wanted < 1 || wanted > max) {
            quantity.setInvalid(true);
            quantity.setErrorMessage(getTranslation("product.quantity.invalid", max));
            add.setEnabled(false);
            return;
        }
        quantity.setInvalid(false);
        quantity.setErrorMessage(null);
        add.setEnabled(product.available() > 0);
        showEstimate();
    }

    /** Tax and freight for the chosen quantity as one order, as checkout would charge them now. */
    private void showEstimate() {
        if (product == null) {
            return;
        }
        int units = quantity.getValue() == null ? 1 : quantity.getValue();
        tax.removeClassName("eexpo-warning");
        try {
            TaxQuote quote = checkout.estimate(product, units);
            tax.setText(getTranslation("product.tax.amount", Prices.yuan(quote.taxTotal()), units));
            freight.setText(
                    quote.freight().fen() == 0 ? getTranslation("product.freight.free") : Prices.yuan(quote.freight()));
            BigDecimal rate = RetailImportTax.effectiveRate(
                            quote.lines().getFirst().line(), quote.rule())
                    .movePointRight(2)
                    .setScale(2, RoundingMode.HALF_UP)
                    .stripTrailingZeros();
            taxRate.setText(getTranslation(
                    quote.rule() == TaxRule.RETAIL ? "product.tax.rate" : "product.tax.rate.full",
                    rate.toPlainString()));
        } catch (OrderLimitExceededException e) {
            tax.setText(getTranslation("product.tax.limit"));
            tax.addClassName("eexpo-warning");
            freight.setText("–");
            taxRate.setText("");
        } catch (CheckoutRefusedException e) {
            tax.setText(getTranslation("product.tax.unknown"));
            freight.setText("–");
            taxRate.setText("");
        }
    }

    private void addToCart() {
        if (product == null || quantity.getValue() == null || quantity.isInvalid()) {
            return;
        }
        int units = quantity.getValue();
        try {
            addUnits(product, units);
        } finally {
            add.setEnabled(product.available() > 0 && !quantity.isInvalid());
        }
    }

    private void addUnits(ProductDetails product, int units) {
        try {
            cart.add(new Sku(product.sku()), units);
            Notification done = Notification.show(getTranslation("product.added", name(product), units));
            done.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            done.addClassName("product-added");
        } catch (InsufficientStockException e) {
            error(
                    e.available() == 0
                            ? getTranslation("product.error.soldout")
                            : getTranslation("product.error.stock", e.available(), e.requested()));
        } catch (UnknownProductException e) {
            error(getTranslation("product.error.unknown"));
        } catch (CartFullException e) {
            error(getTranslation("product.error.full"));
        } catch (CartUnavailableException e) {
            error(getTranslation("product.error.unavailable"));
        } catch (IllegalArgumentException e) {
            error(getTranslation("product.error.quantity", Carts.MAX_QUANTITY));
        }
    }

    private void error(String message) {
        Notification failed = Notification.show(message);
        failed.addThemeVariants(NotificationVariant.LUMO_ERROR);
        failed.addClassName("product-add-error");
    }

    private String name(ProductDetails p) {
        return english() ? p.nameEn() : p.name();
    }

    private boolean english() {
        return StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
    }
}
