package cn.eexpo.storefront.checkout;

import static cn.eexpo.orders.TestOrders.HNBLC_COSMETIC;
import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static cn.eexpo.orders.TestOrders.XZCBZ_SNACK;
import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.storefront.ShopViewTest;
import cn.eexpo.storefront.SignedInBuyer;
import cn.eexpo.storefront.account.AccountView;
import cn.eexpo.storefront.cart.ShopperCart;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.orders.PaymentView;
import cn.eexpo.storefront.ui.Prices;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MarketplaceTest
class CheckoutViewTest extends ShopViewTest {

    @Autowired
    ShopperCart cart;

    @BeforeEach
    void setUp() {
        openShop(StorefrontTranslations.ENGLISH, HNBLC_MILK, HNBLC_COSMETIC, XZCBZ_SNACK);
    }

    @Test
    void aBuyerWithoutAnIdentityIsSentToRegisterOneAndComesBack() {
        var buyer = buyers.withoutIdentity();
        SignedInBuyer.signIn(buyer.email());

        UI.getCurrent().navigate(CheckoutView.class);

        assertThat(getCurrentView()).isInstanceOf(AccountView.class);
        var location = UI.getCurrent().getInternals().getActiveViewLocation();
        assertThat(location.getPath()).isEqualTo("account");
        assertThat(location.getQueryParameters().getSingleParameter("continue")).hasValue("checkout");
    }

    @Test
    void theCheckoutShowsTheMaskedIdentityTheConsigneeAndWhatTheOrderCosts() {
        var buyer = signedInWithCart(HNBLC_MILK, 2);

        navigate(CheckoutView.class);

        var identity = find(Span.class).withId("checkout-identity").single().getText();
        assertThat(identity).contains("*").doesNotContain(buyer.idNumber());
        assertThat(identity).startsWith(buyer.idNumber().substring(0, 4));
        assertThat(field("consignee-name").getValue()).isEqualTo("张伟");
        assertThat(field("consignee-phone").getValue()).isEqualTo("13800138000");
        var quote = checkout.estimate(List.of(new CheckoutRequest.Line(HNBLC_MILK, 2)));
        assertThat(text("checkout-goods")).isEqualTo(Prices.yuan(quote.goodsValue()));
        assertThat(text("checkout-freight")).isEqualTo(Prices.yuan(quote.freight()));
        assertThat(text("checkout-tax")).isEqualTo(Prices.yuan(quote.taxTotal()));
        assertThat(text("checkout-total")).isEqualTo(Prices.yuan(quote.total()));
        @SuppressWarnings("unchecked")
        RadioButtonGroup<String> method =
                find(RadioButtonGroup.class).withId("payment-method").single();
        assertThat(method.getValue()).isEqualTo("alipay");
    }

    @Test
    void aWrongPhoneIsMarkedAtItsFieldAndNothingTypedIsLost() {
        var buyer = signedInWithCart(HNBLC_MILK, 1);
        navigate(CheckoutView.class);
        fillConsignee();
        test(field("consignee-phone")).setValue("12345");

        test(place()).click();

        assertThat(field("consignee-phone").isInvalid()).isTrue();
        assertThat(field("consignee-phone").getErrorMessage()).contains("mainland mobile number");
        assertThat(field("consignee-phone").getValue()).isEqualTo("12345");
        assertThat(find(TextArea.class).withId("consignee-address").single().getValue())
                .isEqualTo("花园路 1 号");
        assertThat(error()).contains("correct the marked fields");
        assertThat(place().isEnabled()).as("the buyer can try again").isTrue();
        assertThat(orders.ordersOf(buyer.accountId())).isZero();

        test(field("consignee-phone")).setValue("139 1234 5678");
        assertThat(field("consignee-phone").isInvalid())
                .as("checked again as it is corrected")
                .isFalse();
    }

    @Test
    void goodsSoldOutMeanwhileAreARefusalInTheBuyersLanguage() {
        var buyer = signedInWithCart(HNBLC_MILK, 2);
        navigate(CheckoutView.class);
        fillConsignee();
        orders.setFree(HNBLC_MILK, 1);

        test(place()).click();

        assertThat(error()).contains(HNBLC_MILK, "only 1 left");
        assertThat(field("consignee-city").getValue()).isEqualTo("郑州市");
        assertThat(place().isEnabled()).isTrue();
        assertThat(orders.ordersOf(buyer.accountId())).isZero();
    }

    @Test
    void anOrderOverFiveThousandCannotBePlacedAndSaysByHowMuch() {
        signedInWithCart(HNBLC_COSMETIC, 10);

        navigate(CheckoutView.class);

        assertThat(find(Paragraph.class).withId("checkout-limit").single().getText())
                .contains("¥5200.00", "¥200.00");
        assertThat(place().isEnabled()).isFalse();
    }

    @Test
    void aDoubleClickPlacesOneOrderAndSendsTheBuyerToPay() {
        var buyer = signedInWithCart(HNBLC_MILK, 1);
        navigate(CheckoutView.class);
        fillConsignee();
        var button = place();

        test(button).click();
        // The second click of a double click, as if it reached the server before the button was disabled.
        button.click();

        assertThat(orders.ordersOf(buyer.accountId())).isEqualTo(1);
        assertThat(getCurrentView()).isInstanceOf(PaymentView.class);
        var link = find(Anchor.class).withId("payment-link").single();
        var orderNo = UI.getCurrent()
                .getInternals()
                .getActiveViewLocation()
                .getSegments()
                .get(1);
        assertThat(link.getHref()).isEqualTo(SANDBOX.paymentPageUrl(orders.paymentIntentOf(orderNo)));
        assertThat(SANDBOX.paymentIntent(orders.paymentIntentOf(orderNo))
                        .orElseThrow()
                        .returnUrl())
                .endsWith("/orders/" + orderNo);
        assertThat(cart.cart().isEmpty()).as("the ordered goods left the cart").isTrue();
    }

    @Test
    void goodsThatClearSeparatelyAreOrderedOneShipmentAtATime() {
        var buyer = signedInWithCart(HNBLC_MILK, 1);
        cart.add(new Sku(XZCBZ_SNACK), 1);
        navigate(CheckoutView.class);
        assertThat(find(Paragraph.class).withId("checkout-separate").exists()).isTrue();
        fillConsignee();

        test(place()).click();

        assertThat(orders.ordersOf(buyer.accountId())).isEqualTo(1);
        assertThat(cart.cart().quantityOf(new Sku(HNBLC_MILK))).isZero();
        assertThat(cart.cart().quantityOf(new Sku(XZCBZ_SNACK)))
                .as("the other shipment stays in the cart")
                .isEqualTo(1);
    }

    private TestBuyers.Buyer signedInWithCart(String sku, int quantity) {
        var buyer = buyers.withIdentity();
        SignedInBuyer.signIn(buyer.email());
        cart.add(new Sku(sku), quantity);
        return buyer;
    }

    private void fillConsignee() {
        test(field("consignee-province")).setValue("河南省");
        test(field("consignee-city")).setValue("郑州市");
        test(field("consignee-district")).setValue("金水区");
        test(find(TextArea.class).withId("consignee-address").single()).setValue("花园路 1 号");
    }

    private TextField field(String id) {
        return find(TextField.class).withId(id).single();
    }

    private Button place() {
        return find(Button.class).withId(CheckoutView.PLACE_ID).single();
    }

    private String text(String id) {
        return find(Span.class).withId(id).single().getText();
    }

    private String error() {
        return find(Div.class)
                .withId(CheckoutView.ERROR_ID)
                .single()
                .getElement()
                .getTextRecursively();
    }
}
