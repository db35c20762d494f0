package cn.eexpo.orders.payment;

import static cn.eexpo.orders.TestOrders.HNBLC_MILK;
import static cn.eexpo.sandbox.stripe.StripeSandboxInitializer.SANDBOX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.eexpo.orders.OrdersTest;
import cn.eexpo.orders.TestBuyers;
import cn.eexpo.orders.TestOrders;
import cn.eexpo.orders.order.OrderStateException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Sending the buyer's browser to pay: Alipay and WeChat Pay confirmed server-side and the page of their
 * {@code next_action}, a card on the sandbox's page when no publishable key is configured; each returns to the shop.
 */
@OrdersTest
class PaymentRedirectTest {

    static final Duration PATIENCE = Duration.ofSeconds(30);
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    TestBuyers buyers;

    @Autowired
    TestOrders orders;

    @Autowired
    Payments payments;

    @BeforeEach
    void stock() {
        orders.stock(HNBLC_MILK);
        SANDBOX.faults().clear();
    }

    @Test
    void alipayIsConfirmedWithTheReturnUrlAndTheBuyerIsSentToItsPage() throws Exception {
        var orderNo = place("alipay");
        var back = "http://shop.test/orders/" + orderNo;

        var start = payments.start(orderNo, back);

        var intent = orders.paymentIntentOf(orderNo);
        assertThat(start.redirects()).isTrue();
        assertThat(start.redirectUrl()).isEqualTo(SANDBOX.paymentPageUrl(intent));
        var snapshot = SANDBOX.paymentIntent(intent).orElseThrow();
        assertThat(snapshot.status()).isEqualTo("requires_action");
        assertThat(snapshot.returnUrl()).isEqualTo(back);

        assertThat(payments.start(orderNo, back).redirectUrl())
                .as("paying again later resumes the same payment")
                .isEqualTo(start.redirectUrl());
        assertThat(pressPay(intent))
                .startsWith(back + "?payment_intent=" + intent)
                .endsWith("redirect_status=succeeded");
        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
        assertThatThrownBy(() -> payments.start(orderNo, back)).isInstanceOf(OrderStateException.class);
    }

    @Test
    void wechatPayIsConfirmedForTheWebAndTheBuyerIsSentToItsQrCodePage() {
        var orderNo = place("wechat_pay");

        var start = payments.start(orderNo, "http://shop.test/orders/" + orderNo);

        var intent = orders.paymentIntentOf(orderNo);
        assertThat(start.redirectUrl()).isEqualTo(SANDBOX.paymentPageUrl(intent));
        assertThat(SANDBOX.paymentIntent(intent).orElseThrow().status()).isEqualTo("requires_action");
        SANDBOX.completePayment(intent);
        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
    }

    @Test
    void aCardWithoutAPublishableKeyIsPaidOnTheSandboxPageWhichReturnsToTheShop() throws Exception {
        var orderNo = place("card");
        var back = "http://shop.test/orders/" + orderNo;

        var start = payments.start(orderNo, back);

        var intent = orders.paymentIntentOf(orderNo);
        assertThat(start.publishableKey()).isNull();
        assertThat(start.redirectUrl())
                .isEqualTo(SANDBOX.paymentPageUrl(intent) + "?return_url="
                        + URLEncoder.encode(back, StandardCharsets.UTF_8));
        var page = HTTP.send(
                HttpRequest.newBuilder(URI.create(start.redirectUrl())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(SANDBOX.paymentIntent(intent).orElseThrow().returnUrl()).isEqualTo(back);
        assertThat(pressPay(intent)).startsWith(back + "?payment_intent=" + intent);
        await().atMost(PATIENCE).until(() -> orders.status(orderNo).equals("PAID"));
    }

    private String place(String method) {
        var buyer = buyers.withIdentity();
        var body = new HashMap<>(TestOrders.request(Map.of(HNBLC_MILK, 1)));
        body.put("paymentMethod", method);
        var response = orders.place(buyer, body, UUID.randomUUID().toString());
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(201);
        return (String) response.getBody().get("orderNo");
    }

    /** The buyer pressing "complete payment" on the sandbox's page: where the page sends the browser. */
    private static String pressPay(String intent) throws Exception {
        var pressed = HTTP.send(
                HttpRequest.newBuilder(URI.create(SANDBOX.paymentPageUrl(intent)))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("action=complete"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(pressed.statusCode()).isEqualTo(303);
        return pressed.headers().firstValue("Location").orElseThrow();
    }
}
