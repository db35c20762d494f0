package cn.eexpo.storefront.product;

import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.storefront.cart.ShopperCart;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.ui.Prices;
import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.server.VaadinSession;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@MarketplaceTest
class ProductViewTest extends SpringBrowserlessTest {

    @Autowired
    ProductCatalog catalog;

    @Autowired
    Checkout checkout;

    @Autowired
    ShopperCart cart;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void chinese() {
        speaks(StorefrontTranslations.CHINESE);
    }

    @Test
    void theProductPageShowsWhatTheProductIsWhereItComesFromAndWhatItCosts() {
        ProductDetails p = inStock(5, "1210");

        ProductView view = navigate("product/" + p.sku(), ProductView.class);

        assertThat(text("product-name")).isEqualTo(p.name());
        assertThat(find(H1.class).single().getText()).isEqualTo(p.name());
        assertThat(view.getPageTitle()).isEqualTo(p.name());
        assertThat(text("product-price")).isEqualTo(Prices.yuan(p.price()));
        assertThat(text("product-origin")).isEqualTo(p.origin().name());
        assertThat(text("product-trade-mode")).isEqualTo("保税仓发货 1210");
        assertThat(text("product-warehouse")).contains(p.warehouse().name());
        assertThat(text("product-stock")).contains(Integer.toString(p.available()));
        assertThat(find(Paragraph.class).withId("product-description").single().getText())
                .isEqualTo(p.description());
        assertThat(find(Paragraph.class).withId("product-return-rule").single().getText())
                .contains("30", "45");
        assertThat(find(Paragraph.class)
                        .withId("product-tax-explained")
                        .single()
                        .getText())
                .contains("70%", "5,000", "26,000");
        assertThat(find(Button.class).withId("add-to-cart").single().isEnabled())
                .isTrue();
    }

    @Test
    void theEstimatedTaxIsALineOfItsOwnAndFollowsTheQuantity() {
        ProductDetails p = inStock(5, "1210");
        navigate("product/" + p.sku(), ProductView.class);

        assertThat(text("product-tax")).isEqualTo(estimatedTax(p, 1) + "（1 件）");

        test(quantity()).setValue(3);

        assertThat(text("product-tax")).isEqualTo(estimatedTax(p, 3) + "（3 件）");
        assertThat(text("product-tax")).isNotEqualTo(estimatedTax(p, 1) + "（3 件）");
        var quote = checkout.estimate(List.of(new CheckoutRequest.Line(p.sku(), 3)));
        assertThat(text("product-freight")).isEqualTo(quote.freight().fen() == 0 ? "包邮" : Prices.yuan(quote.freight()));
        assertThat(text("product-tax-rate")).startsWith("综合税率");
    }

    @Test
    void aQuantityOutsideWhatCanBeOrderedIsRefusedNextToTheField() {
        ProductDetails p = inStock(5, "1210");
        navigate("product/" + p.sku(), ProductView.class);
        int max = Math.min(99, p.available());
        assertThat(quantity().getMax()).isEqualTo(max);

        quantity().setValue(max + 1); // typed: the tester refuses values over the field's maximum

        assertThat(quantity().isInvalid()).isTrue();
        assertThat(quantity().getErrorMessage()).contains(Integer.toString(max));
        assertThat(find(Button.class).withId("add-to-cart").single().isEnabled())
                .isFalse();
        assertThat(quantity().getValue()).isEqualTo(max + 1);

        test(quantity()).setValue(2);

        assertThat(quantity().isInvalid()).isFalse();
        assertThat(find(Button.class).withId("add-to-cart").single().isEnabled())
                .isTrue();
    }

    @Test
    void addingToTheCartPutsTheUnitsInTheShoppersCartAndTheHeaderBadge() {
        ProductDetails p = inStock(5, "1210");
        navigate("product/" + p.sku(), ProductView.class);
        assertThat(cart.units()).isZero();

        test(quantity()).setValue(2);
        test(find(Button.class).withId("add-to-cart").single()).click();

        assertThat(cart.cart().quantityOf(new Sku(p.sku()))).isEqualTo(2);
        assertThat(find(Span.class).withId("header-cart-count").single().getText())
                .isEqualTo("2");
        assertThat(test(find(Notification.class).last()).getText()).contains(p.name(), "2");

        test(quantity()).setValue(1);
        test(find(Button.class).withId("add-to-cart").single()).click();

        assertThat(cart.cart().quantityOf(new Sku(p.sku()))).isEqualTo(3);
        assertThat(find(Span.class).withId("header-cart-count").single().getText())
                .isEqualTo("3");
    }

    @Test
    void moreThanIsInStockIsRefusedWithAClearMessage() {
        ProductDetails p = listed(null, 1, 3, 500_000);
        navigate("product/" + p.sku(), ProductView.class);
        test(quantity()).setValue(p.available());
        test(find(Button.class).withId("add-to-cart").single()).click();
        assertThat(cart.cart().quantityOf(new Sku(p.sku()))).isEqualTo(p.available());

        test(quantity()).setValue(1);
        test(find(Button.class).withId("add-to-cart").single()).click();

        Notification error =
                find(Notification.class).withClassName("product-add-error").single();
        assertThat(test(error).getText()).contains("库存不足", Integer.toString(p.available()));
        assertThat(cart.cart().quantityOf(new Sku(p.sku()))).isEqualTo(p.available());
    }

    @Test
    void aSoldOutProductCannotBeAdded() {
        String sku = jdbc.sql("""
                        select p.sku from product p
                         where p.status = 'LISTED'
                           and coalesce((select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku), 0) = 0
                         order by p.sku limit 1
                        """).query(String.class).single();

        navigate("product/" + sku, ProductView.class);

        assertThat(text("product-stock")).isEqualTo("已售罄");
        Button add = find(Button.class).withId("add-to-cart").single();
        assertThat(add.isEnabled()).isFalse();
        assertThat(add.getText()).isEqualTo("已售罄");
        assertThat(quantity().isEnabled()).isFalse();
        assertThat(text("product-tax")).startsWith("¥");
    }

    @Test
    void anOrderOverTheLimitIsExplainedOnTheTaxLine() {
        ProductDetails p = jdbc.sql("""
                        select p.sku from product p
                         where p.status = 'LISTED' and p.price_fen > 500000
                           and (select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku) >= 2
                         order by p.sku limit 1
                        """)
                .query(String.class)
                .optional()
                .flatMap(sku -> catalog.find(new Sku(sku)))
                .orElseThrow();
        navigate("product/" + p.sku(), ProductView.class);

        assertThat(text("product-tax-rate")).contains("5,000");

        test(quantity()).setValue(2);

        assertThat(text("product-tax")).contains("5,000");
    }

    @Test
    void anUnknownProductShowsNotFound() {
        UI.getCurrent().navigate("product/NO-SUCH-SKU-1");

        assertThat(getCurrentView()).isInstanceOf(ProductNotFound.class);
        Div missing = find(Div.class).withId("product-not-found").single();
        assertThat(missing.getElement().getTextRecursively()).contains("找不到该商品", "NO-SUCH-SKU-1");
        assertThat(((ProductNotFound) getCurrentView()).getPageTitle()).isEqualTo("找不到该商品");
        assertThat(find(Button.class).withId("add-to-cart").exists()).isFalse();

        UI.getCurrent().navigate("product/not a sku!");

        assertThat(find(Div.class).withId("product-not-found").exists()).isTrue();

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(find(Div.class)
                        .withId("product-not-found")
                        .single()
                        .getElement()
                        .getTextRecursively())
                .contains("Product not found");
    }

    @Test
    void theLanguageSwitchRendersTheProductInEnglish() {
        ProductDetails p = inStock(5, "9610");
        navigate("product/" + p.sku(), ProductView.class);
        assertThat(text("product-name")).isEqualTo(p.name());

        test(find(Button.class).withId("language-switch").single()).click();

        assertThat(UI.getCurrent().getLocale()).isEqualTo(StorefrontTranslations.ENGLISH);
        assertThat(text("product-name")).isEqualTo(p.nameEn());
        assertThat(text("product-origin")).isEqualTo(p.origin().nameEn());
        assertThat(text("product-trade-mode")).isEqualTo("Direct mail 9610");
        assertThat(text("product-warehouse")).contains(p.warehouse().nameEn());
        assertThat(text("product-tax")).isEqualTo(estimatedTax(p, 1) + " (1 item)");
        assertThat(find(Button.class).withId("add-to-cart").single().getText()).isEqualTo("Add to cart");
        assertThat(find(Paragraph.class).withId("product-return-rule").single().getText())
                .contains("30 days", "45 days");
    }

    private String estimatedTax(ProductDetails p, int units) {
        return Prices.yuan(checkout.estimate(List.of(new CheckoutRequest.Line(p.sku(), units)))
                .taxTotal());
    }

    /** A listed product of the trade mode with at least {@code units} available and a price well under the limit. */
    private ProductDetails inStock(int units, String tradeMode) {
        return listed(tradeMode, units, Integer.MAX_VALUE, 100_000);
    }

    private ProductDetails listed(@Nullable String tradeMode, int least, int most, long priceFenBelow) {
        String sku = jdbc.sql("""
                        select p.sku from product p
                         where p.status = 'LISTED' and p.trade_mode like :mode and p.price_fen < :price
                           and (select sum(s.on_hand - s.reserved) from stock s where s.sku = p.sku)
                               between :least and :most
                         order by p.sku limit 1
                        """)
                .param("mode", tradeMode == null ? "%" : tradeMode)
                .param("least", least)
                .param("price", priceFenBelow)
                .param("most", most)
                .query(String.class)
                .single();
        return catalog.find(new Sku(sku)).orElseThrow();
    }

    private String text(String id) {
        return find(Component.class).withId(id).single().getElement().getTextRecursively();
    }

    private IntegerField quantity() {
        return find(IntegerField.class).withId("product-quantity").single();
    }

    private static void speaks(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }
}
