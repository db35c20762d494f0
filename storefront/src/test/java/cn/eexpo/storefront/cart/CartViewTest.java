package cn.eexpo.storefront.cart;

import static cn.eexpo.orders.TestOrders.HNBLC_COSMETIC;
import static cn.eexpo.orders.TestOrders.HNBLC_FORMULA;
import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static cn.eexpo.orders.TestOrders.RHEIN_FORMULA;
import static cn.eexpo.orders.TestOrders.RHEIN_FORMULA_2;
import static cn.eexpo.orders.TestOrders.XZCBZ_SNACK;
import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.storefront.ShopViewTest;
import cn.eexpo.storefront.SignedInBuyer;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.ui.Prices;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.IntegerField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MarketplaceTest
class CartViewTest extends ShopViewTest {

    @Autowired
    ShopperCart cart;

    @BeforeEach
    void setUp() {
        openShop(
                StorefrontTranslations.ENGLISH,
                HNBLC_MILK,
                HNBLC_FORMULA,
                HNBLC_COSMETIC,
                XZCBZ_SNACK,
                RHEIN_FORMULA,
                RHEIN_FORMULA_2);
    }

    @Test
    void anEmptyCartSaysSoAndOffersTheFair() {
        navigate(CartView.class);

        assertThat(find(Div.class).withId("cart-empty").single().getElement().getTextRecursively())
                .contains("Your cart is empty");
        assertThat(find(Button.class).withId(CartView.CHECKOUT_ID).exists()).isFalse();
    }

    @Test
    void linesShowTheirTaxAndTheTotalsAreWhatCheckoutWouldCharge() {
        cart.add(new Sku(RHEIN_FORMULA), 2);
        cart.add(new Sku(RHEIN_FORMULA_2), 1);

        navigate(CartView.class);

        var quote = checkout.estimate(
                List.of(new CheckoutRequest.Line(RHEIN_FORMULA, 2), new CheckoutRequest.Line(RHEIN_FORMULA_2, 1)));
        assertThat(lines())
                .extracting(l -> l.getElement().getAttribute("data-sku"))
                .containsExactly(RHEIN_FORMULA, RHEIN_FORMULA_2);
        for (var taxed : quote.lines()) {
            assertThat(line(taxed.line().sku()).getElement().getTextRecursively())
                    .contains(Prices.yuan(taxed.value()), "Tax " + Prices.yuan(taxed.tax()));
        }
        assertThat(text("cart-goods")).isEqualTo(Prices.yuan(quote.goodsValue()));
        assertThat(text("cart-freight")).isEqualTo(Prices.yuan(quote.freight()));
        assertThat(text("cart-tax")).isEqualTo(Prices.yuan(quote.taxTotal()));
        assertThat(text("cart-total")).isEqualTo(Prices.yuan(quote.total()));
        assertThat(quote.taxTotal().fen()).isPositive();
        assertThat(quote.lines()).as("one seller, one order").hasSize(2);
        assertThat(find(Div.class).withId(CartView.WARNING_ID).exists()).isFalse();
        assertThat(find(Button.class).withId(CartView.CHECKOUT_ID).single().isEnabled())
                .isTrue();
    }

    @Test
    void changingAQuantitySavesItAndRemovingALineDropsIt() {
        cart.add(new Sku(RHEIN_FORMULA), 1);
        cart.add(new Sku(RHEIN_FORMULA_2), 1);
        navigate(CartView.class);

        test(find(IntegerField.class, line(RHEIN_FORMULA)).single()).setValue(3);

        assertThat(cart.cart().quantityOf(new Sku(RHEIN_FORMULA))).isEqualTo(3);
        var quote = checkout.estimate(
                List.of(new CheckoutRequest.Line(RHEIN_FORMULA, 3), new CheckoutRequest.Line(RHEIN_FORMULA_2, 1)));
        assertThat(text("cart-total")).isEqualTo(Prices.yuan(quote.total()));

        test(find(Button.class, line(RHEIN_FORMULA_2))
                        .withClassName("cart-remove")
                        .single())
                .click();

        assertThat(cart.cart().quantityOf(new Sku(RHEIN_FORMULA_2))).isZero();
        assertThat(lines())
                .extracting(l -> l.getElement().getAttribute("data-sku"))
                .containsExactly(RHEIN_FORMULA);
    }

    @Test
    void moreThanFiveThousandInOneOrderIsWarnedOfWithTheExcessAndBlocksCheckout() {
        cart.add(new Sku(HNBLC_COSMETIC), 10); // 10 × CNY 520 = 5,200, free freight

        navigate(CartView.class);

        assertThat(warning("limit")).contains("¥5000.00", "¥5200.00", "¥200.00");
        assertThat(find(Button.class).withId(CartView.CHECKOUT_ID).single().isEnabled())
                .isFalse();
    }

    @Test
    void goodsFromDifferentWarehousesAreExplainedBeforeCheckout() {
        cart.add(new Sku(HNBLC_MILK), 1);
        cart.add(new Sku(XZCBZ_SNACK), 1);

        navigate(CartView.class);

        assertThat(warning("separate")).contains("separate order");
        assertThat(find(com.vaadin.flow.component.html.H2.class)
                        .withClassName("cart-shipment")
                        .all())
                .hasSize(2);
        assertThat(find(Button.class).withId(CartView.CHECKOUT_ID).single().isEnabled())
                .as("checkout places them one at a time")
                .isTrue();
    }

    @Test
    void aLineWithMoreThanIsAvailableIsFlaggedAndHoldsCheckoutBack() {
        cart.add(new Sku(HNBLC_MILK), 3);
        orders.setFree(HNBLC_MILK, 2);

        navigate(CartView.class);

        assertThat(find(Span.class, line(HNBLC_MILK))
                        .withClassName("cart-line-problem")
                        .single()
                        .getText())
                .contains("Only 2 available");
        assertThat(warning("problems")).contains("cannot be ordered");
        assertThat(find(Button.class).withId(CartView.CHECKOUT_ID).single().isEnabled())
                .isFalse();
    }

    @Test
    void aSignedInBuyerSeesTheRemainingAnnualQuota() {
        var buyer = buyers.withIdentity();
        SignedInBuyer.signIn(buyer.email());
        cart.add(new Sku(HNBLC_MILK), 1);

        navigate(CartView.class);

        assertThat(find(Paragraph.class).withId("cart-quota").single().getText())
                .contains("¥26000.00 of ¥26000.00 remaining");
    }

    private List<Div> lines() {
        return find(Div.class).withClassName("cart-line").all();
    }

    private Div line(String sku) {
        return find(Div.class)
                .withClassName("cart-line")
                .withAttribute("data-sku", sku)
                .single();
    }

    private String text(String id) {
        return find(Span.class).withId(id).single().getText();
    }

    private String warning(String kind) {
        return find(Paragraph.class, find(Div.class).withId(CartView.WARNING_ID).single())
                .withAttribute("data-kind", kind)
                .single()
                .getText();
    }
}
