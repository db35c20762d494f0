package cn.eexpo.storefront.orders;

import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.eexpo.MarketplaceTest;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.orders.payment.Payments;
import cn.eexpo.sandbox.customs.CustomsSimulator;
import cn.eexpo.sandbox.customs.CustomsSimulatorInitializer;
import cn.eexpo.storefront.ShopViewTest;
import cn.eexpo.storefront.SignedInBuyer;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.QueryParameters;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@MarketplaceTest
class OrderViewTest extends ShopViewTest {

    static final Duration PATIENCE = Duration.ofSeconds(45);

    final CustomsSimulator customs = CustomsSimulatorInitializer.simulator();

    @Autowired
    Payments payments;

    @BeforeEach
    void setUp() {
        customs.faults().clear();
        customs.transportUp();
        openShop(StorefrontTranslations.ENGLISH, HNBLC_MILK);
    }

    @Test
    void thePageFollowsAPaidOrderUntilCustomsReleasesItWithoutAReload() {
        var buyer = signedIn();
        var orderNo = place(buyer);
        pay(orderNo);

        open(orderNo);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(OrderView.POLL_MILLIS);
        await().atMost(PATIENCE).pollInSameThread().until(() -> {
            poll();
            return status().equals("RELEASED");
        });

        assertThat(step("PAID").getClassNames()).contains("done");
        assertThat(step("RELEASED").getClassNames()).contains("current");
        assertThat(step("SHIPPED").getClassNames()).contains("pending");
        assertThat(step("PAID").getElement().getTextRecursively())
                .matches("(?s).*\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}.*");
        assertThat(find(Span.class).withId("order-status").single().getText()).isEqualTo("Released by customs");
        assertThat(find(Span.class).withId("order-buyer-id").single().getText())
                .contains("*")
                .doesNotContain(buyer.idNumber());
        assertThat(find(Div.class)
                        .withClassName("order-line")
                        .single()
                        .getElement()
                        .getAttribute("data-sku"))
                .isEqualTo(HNBLC_MILK);
        assertThat(UI.getCurrent().getPollInterval())
                .as("released goods still ship and arrive")
                .isEqualTo(OrderView.POLL_MILLIS);
    }

    @Test
    void aReleasedOrderCanBeReturnedWithinTheWindowWithAReason() {
        var buyer = signedIn();
        var orderNo = place(buyer);
        pay(orderNo);
        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("RELEASED"));
        open(orderNo);

        assertThat(find(Paragraph.class)
                        .withId("order-return-deadline")
                        .single()
                        .getText())
                .contains("30 days after customs release");
        test(find(TextArea.class).withId("order-return-reason").single()).setValue("包装破损");
        test(find(Button.class).withId(OrderView.RETURN_ID).single()).click();

        assertThat(orders.status(orderNo)).isEqualTo("RETURN_REQUESTED");
        assertThat(status()).isEqualTo("RETURN_REQUESTED");
        assertThat(find(Button.class).withId(OrderView.RETURN_ID).exists()).isFalse();
        assertThat(UI.getCurrent().getPollInterval())
                .as("nothing moves until the goods are back")
                .isEqualTo(-1);
    }

    @Test
    void aRejectedOrderShowsTheReasonAndTheRefundAndStopsPolling() {
        var buyer = signedIn();
        // Bought elsewhere this year: customs' annual total is over the limit with this order.
        customs.releasedElsewhere(buyer.idNumber(), new BigDecimal("25950.00"));
        var orderNo = place(buyer);
        pay(orderNo);

        open(orderNo);
        await().atMost(PATIENCE).pollInSameThread().until(() -> {
            poll();
            return status().equals("REFUNDED");
        });

        assertThat(step("REJECTED").getClassNames()).contains("current");
        assertThat(find(Div.class).withClassName("timeline-step").all())
                .extracting(s -> s.getElement().getAttribute("data-status"))
                .doesNotContain("RELEASED", "SHIPPED");
        var rejection = find(Div.class)
                .withId(OrderView.REJECTION_ID)
                .single()
                .getElement()
                .getTextRecursively();
        assertThat(rejection).contains("Reason:", "621018");
        assertThat(find(Paragraph.class).withId("order-refund").single().getText())
                .contains(
                        "was refunded",
                        find(Span.class).withId("order-total").single().getText());
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void aFailedPaymentIsShownWithPayAgain() {
        var buyer = signedIn();
        var orderNo = place(buyer);

        UI.getCurrent()
                .navigate("orders/" + orderNo, QueryParameters.simple(java.util.Map.of("redirect_status", "failed")));

        assertThat(find(Paragraph.class).withId("order-payment-failed").single().getText())
                .contains("did not go through");
        test(find(Button.class).withId("order-pay-again").single()).click();
        assertThat(getCurrentView()).isInstanceOf(PaymentView.class);
    }

    @Test
    void anUnpaidOrderCanBeCancelled() {
        var buyer = signedIn();
        var orderNo = place(buyer);
        open(orderNo);

        test(find(Button.class).withId("order-cancel").single()).click();

        assertThat(orders.status(orderNo)).isEqualTo("CANCELLED");
        assertThat(status()).isEqualTo("CANCELLED");
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);
    }

    @Test
    void anotherBuyersOrderIsNotFound() {
        var owner = buyers.withIdentity();
        SignedInBuyer.signIn(owner.email());
        var orderNo = place(owner);
        SignedInBuyer.signIn(buyers.withIdentity().email());

        open(orderNo);

        assertThat(find(Paragraph.class).withId("order-not-found").exists()).isTrue();
        assertThat(find(Div.class).withId(OrderView.TIMELINE_ID).exists()).isFalse();
    }

    private TestBuyers.Buyer signedIn() {
        var buyer = buyers.withIdentity();
        SignedInBuyer.signIn(buyer.email());
        return buyer;
    }

    private String place(TestBuyers.Buyer buyer) {
        var request = new CheckoutRequest(
                List.of(new CheckoutRequest.Line(HNBLC_MILK, 1)),
                new CheckoutRequest.Consignee("张伟", "13800138000", "河南省", "郑州市", "金水区", "花园路 1 号"),
                "alipay");
        return checkout.place(buyer.accountId(), request, UUID.randomUUID().toString())
                .order()
                .orderNo();
    }

    private void pay(String orderNo) {
        var intent = payments.prepare(orderNo, true).orElseThrow().paymentIntentId();
        SANDBOX.completePayment(intent);
        await().atMost(PATIENCE)
                .until(() -> !orders.status(orderNo).equals("PAYMENT_PENDING")
                        && !orders.status(orderNo).equals("CREATED"));
    }

    private void open(String orderNo) {
        UI.getCurrent().navigate("orders/" + orderNo);
    }

    private static void poll() {
        var ui = UI.getCurrent();
        ComponentUtil.fireEvent(ui, new PollEvent(ui, true));
    }

    private String status() {
        return find(Span.class)
                .withId(OrderView.STATUS_ID)
                .single()
                .getElement()
                .getAttribute("data-status");
    }

    private Div step(String status) {
        return find(Div.class, find(Div.class).withId(OrderView.TIMELINE_ID).single())
                .withClassName("timeline-step")
                .withAttribute("data-status", status)
                .single();
    }
}
