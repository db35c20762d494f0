package cn.eexpo.sandbox.stripe;

import static cn.eexpo.sandbox.stripe.SandboxClients.client;
import static cn.eexpo.sandbox.stripe.SandboxClients.order;
import static cn.eexpo.sandbox.stripe.SandboxClients.paidCardOrder;
import static cn.eexpo.sandbox.stripe.SandboxClients.pressOnPaymentPage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.exception.CardException;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.StripeCollection;
import com.stripe.param.PaymentIntentCancelParams;
import com.stripe.param.PaymentIntentConfirmParams;
import com.stripe.param.PaymentIntentListParams;
import com.stripe.param.PaymentIntentRetrieveParams;
import com.stripe.param.PaymentIntentUpdateParams;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaymentIntentsTest {

    static StripeSandbox sandbox;
    static StripeClient stripe;

    @BeforeAll
    static void start() {
        sandbox = StripeSandbox.start();
        stripe = client(sandbox, 0);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @BeforeEach
    void reset() {
        sandbox.reset();
    }

    @Test
    void createdIntentWaitsForPaymentAndLooksLikeStripes() throws Exception {
        PaymentIntent intent = stripe.v1()
                .paymentIntents()
                .create(order(12_800, "EX-1001")
                        .addPaymentMethodType("card")
                        .addPaymentMethodType("alipay")
                        .addPaymentMethodType("wechat_pay")
                        .build());

        assertThat(intent.getId()).startsWith("pi_");
        assertThat(intent.getObject()).isEqualTo("payment_intent");
        assertThat(intent.getClientSecret()).startsWith(intent.getId() + "_secret_");
        assertThat(intent.getStatus()).isEqualTo("requires_payment_method");
        assertThat(intent.getAmount()).isEqualTo(12_800);
        assertThat(intent.getCurrency()).isEqualTo("cny");
        assertThat(intent.getLivemode()).isFalse();
        assertThat(intent.getPaymentMethodTypes()).containsExactly("card", "alipay", "wechat_pay");
        assertThat(intent.getMetadata()).containsEntry("order_no", "EX-1001");
        assertThat(intent.getCreated())
                .isCloseTo(System.currentTimeMillis() / 1000, org.assertj.core.data.Offset.offset(5L));
        assertThat(intent.getLatestCharge()).isNull();
        assertThat(sandbox.events()).extracting(EventSnapshot::type).containsExactly("payment_intent.created");
    }

    @Test
    void confirmingWithAGoodCardPaysOnceAndRetrieveShowsIt() throws Exception {
        PaymentIntent created = stripe.v1()
                .paymentIntents()
                .create(order(5_000, "EX-1002").addPaymentMethodType("card").build());

        PaymentIntent confirmed = stripe.v1()
                .paymentIntents()
                .confirm(
                        created.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod("pm_card_visa")
                                .build());

        assertThat(confirmed.getStatus()).isEqualTo("succeeded");
        assertThat(confirmed.getAmountReceived()).isEqualTo(5_000);
        assertThat(confirmed.getLatestCharge()).startsWith("ch_");
        assertThat(confirmed.getPaymentMethod()).startsWith("pm_").isNotEqualTo("pm_card_visa");

        PaymentIntent retrieved = stripe.v1()
                .paymentIntents()
                .retrieve(
                        created.getId(),
                        PaymentIntentRetrieveParams.builder()
                                .addExpand("latest_charge")
                                .build());
        Charge charge = retrieved.getLatestChargeObject();
        assertThat(charge.getStatus()).isEqualTo("succeeded");
        assertThat(charge.getPaid()).isTrue();
        assertThat(charge.getAmount()).isEqualTo(5_000);
        assertThat(charge.getPaymentIntent()).isEqualTo(created.getId());
        assertThat(charge.getPaymentMethodDetails().getCard().getLast4()).isEqualTo("4242");
        assertThat(sandbox.paymentIntent(created.getId()).orElseThrow().successfulCharges())
                .isEqualTo(1);
        assertThat(sandbox.events())
                .extracting(EventSnapshot::type)
                .containsExactly("payment_intent.created", "charge.succeeded", "payment_intent.succeeded");
    }

    @Test
    void declinedCardAnswersStripesCardErrorAndTheIntentWaitsForAnotherMethod() throws Exception {
        PaymentIntent created = stripe.v1()
                .paymentIntents()
                .create(order(5_000, "EX-1003").addPaymentMethodType("card").build());

        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .confirm(
                                created.getId(),
                                PaymentIntentConfirmParams.builder()
                                        .setPaymentMethod("pm_card_chargeDeclined")
                                        .build()))
                .isInstanceOfSatisfying(CardException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(402);
                    assertThat(e.getCode()).isEqualTo("card_declined");
                    assertThat(e.getDeclineCode()).isEqualTo("generic_decline");
                    assertThat(e.getCharge()).startsWith("ch_");
                    assertThat(e.getStripeError().getPaymentIntent().getId()).isEqualTo(created.getId());
                    assertThat(e.getStripeError().getPaymentIntent().getStatus())
                            .isEqualTo("requires_payment_method");
                });

        PaymentIntent after = stripe.v1().paymentIntents().retrieve(created.getId());
        assertThat(after.getStatus()).isEqualTo("requires_payment_method");
        assertThat(after.getLastPaymentError().getCode()).isEqualTo("card_declined");
        assertThat(after.getLastPaymentError().getType()).isEqualTo("card_error");
        assertThat(after.getLastPaymentError().getPaymentMethod().getCard().getLast4())
                .isEqualTo("0002");
        assertThat(after.getPaymentMethod()).isNull();
        assertThat(sandbox.events())
                .extracting(EventSnapshot::type)
                .containsExactly("payment_intent.created", "charge.failed", "payment_intent.payment_failed");

        PaymentIntent retried = stripe.v1()
                .paymentIntents()
                .confirm(
                        created.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethod("pm_card_visa")
                                .build());
        assertThat(retried.getStatus()).isEqualTo("succeeded");
        assertThat(retried.getLastPaymentError()).isNull();
        PaymentIntentSnapshot snapshot = sandbox.paymentIntent(created.getId()).orElseThrow();
        assertThat(snapshot.charges())
                .extracting(PaymentIntentSnapshot.Charge::status)
                .containsExactly("failed", "succeeded");
        assertThat(snapshot.successfulCharges()).isEqualTo(1);
    }

    @Test
    void alipayNeedsTheBuyerOnThePaymentPageThenReturnsToTheShop() throws Exception {
        PaymentIntent created = stripe.v1()
                .paymentIntents()
                .create(order(26_800, "EX-1004").addPaymentMethodType("alipay").build());

        PaymentIntent pending = stripe.v1()
                .paymentIntents()
                .confirm(
                        created.getId(),
                        PaymentIntentConfirmParams.builder()
                                .setPaymentMethodData(PaymentIntentConfirmParams.PaymentMethodData.builder()
                                        .setType(PaymentIntentConfirmParams.PaymentMethodData.Type.ALIPAY)
                                        .build())
                                .setReturnUrl("http://shop.test/orders/EX-1004/paid")
                                .build());

        assertThat(pending.getStatus()).isEqualTo("requires_action");
        assertThat(pending.getNextAction().getType()).isEqualTo("alipay_handle_redirect");
        String page = sandbox.paymentPageUrl(created.getId());
        assertThat(pending.getNextAction().getAlipayHandleRedirect().getUrl()).isEqualTo(page);
        assertThat(pending.getNextAction().getRedirectToUrl().getUrl()).isEqualTo(page);

        HttpResponse<String> shown = SandboxClients.get(page);
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("¥268.00", "支付宝", "Alipay", "完成支付", "Complete payment", "EX-1004");

        HttpResponse<String> pressed = pressOnPaymentPage(sandbox, created.getId(), "complete");
        assertThat(pressed.statusCode()).isEqualTo(303);
        assertThat(pressed.headers().firstValue("Location").orElseThrow())
                .startsWith("http://shop.test/orders/EX-1004/paid?payment_intent=" + created.getId())
                .contains("payment_intent_client_secret=" + created.getClientSecret())
                .endsWith("redirect_status=succeeded");

        PaymentIntent paid = stripe.v1().paymentIntents().retrieve(created.getId());
        assertThat(paid.getStatus()).isEqualTo("succeeded");
        assertThat(paid.getNextAction()).isNull();
        assertThat(sandbox.events())
                .extracting(EventSnapshot::type)
                .containsExactly(
                        "payment_intent.created",
                        "payment_intent.requires_action",
                        "charge.succeeded",
                        "payment_intent.succeeded");
    }

    @Test
    void aShopOpeningThePageWithAReturnUrlGetsTheBuyerBackAfterACardPayment() throws Exception {
        PaymentIntent created = stripe.v1()
                .paymentIntents()
                .create(order(12_900, "EX-1010").addPaymentMethodType("card").build());
        String back = "http://shop.test/orders/EX-1010";

        HttpResponse<String> shown = SandboxClients.get(sandbox.paymentPageUrl(created.getId()) + "?return_url="
                + java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("¥129.00", "button", "class=\"pay\"");
        HttpResponse<String> other = SandboxClients.get(sandbox.paymentPageUrl(created.getId()) + "?return_url="
                + java.net.URLEncoder.encode("http://elsewhere.test/", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(other.statusCode()).as("a return URL once set stays").isEqualTo(200);

        HttpResponse<String> pressed = pressOnPaymentPage(sandbox, created.getId(), "complete");

        assertThat(pressed.statusCode()).isEqualTo(303);
        assertThat(pressed.headers().firstValue("Location").orElseThrow())
                .startsWith(back + "?payment_intent=" + created.getId())
                .endsWith("redirect_status=succeeded");
        assertThat(stripe.v1().paymentIntents().retrieve(created.getId()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void buyerDecliningOnThePageLeavesAnAuthenticationFailure() throws Exception {
        PaymentIntent pending = stripe.v1()
                .paymentIntents()
                .create(order(9_900, "EX-1005")
                        .addPaymentMethodType("wechat_pay")
                        .setPaymentMethodData(PaymentIntentCreateParamsHelper.wechat())
                        .setPaymentMethodOptions(PaymentIntentCreateParamsHelper.wechatWeb())
                        .setConfirm(true)
                        .build());
        assertThat(pending.getStatus()).isEqualTo("requires_action");
        assertThat(pending.getNextAction().getType()).isEqualTo("wechat_pay_display_qr_code");
        assertThat(pending.getNextAction().getWechatPayDisplayQrCode().getHostedInstructionsUrl())
                .isEqualTo(sandbox.paymentPageUrl(pending.getId()));

        HttpResponse<String> pressed = pressOnPaymentPage(sandbox, pending.getId(), "decline");
        assertThat(pressed.statusCode()).isEqualTo(303);

        PaymentIntent failed = stripe.v1().paymentIntents().retrieve(pending.getId());
        assertThat(failed.getStatus()).isEqualTo("requires_payment_method");
        assertThat(failed.getLastPaymentError().getCode()).isEqualTo("payment_intent_authentication_failure");
        assertThat(sandbox.events()).extracting(EventSnapshot::type).endsWith("payment_intent.payment_failed");
    }

    @Test
    void cardThatNeedsAuthenticationIsCompletedOnThePage() throws Exception {
        PaymentIntent pending = stripe.v1()
                .paymentIntents()
                .create(order(3_000, "EX-1006")
                        .addPaymentMethodType("card")
                        .setPaymentMethod("pm_card_authenticationRequired")
                        .setConfirm(true)
                        .setReturnUrl("http://shop.test/return")
                        .build());
        assertThat(pending.getStatus()).isEqualTo("requires_action");
        assertThat(pending.getNextAction().getType()).isEqualTo("redirect_to_url");
        assertThat(pending.getNextAction().getRedirectToUrl().getReturnUrl()).isEqualTo("http://shop.test/return");

        sandbox.completePayment(pending.getId());

        assertThat(stripe.v1().paymentIntents().retrieve(pending.getId()).getStatus())
                .isEqualTo("succeeded");
    }

    @Test
    void canceledIntentCannotBePaidAndAPaidOneCannotBeCanceled() throws Exception {
        PaymentIntent open = stripe.v1()
                .paymentIntents()
                .create(order(1_000, "EX-1007").addPaymentMethodType("card").build());
        PaymentIntent canceled = stripe.v1()
                .paymentIntents()
                .cancel(
                        open.getId(),
                        PaymentIntentCancelParams.builder()
                                .setCancellationReason(PaymentIntentCancelParams.CancellationReason.ABANDONED)
                                .build());
        assertThat(canceled.getStatus()).isEqualTo("canceled");
        assertThat(canceled.getCancellationReason()).isEqualTo("abandoned");
        assertThat(canceled.getCanceledAt()).isNotNull();
        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .confirm(
                                open.getId(),
                                PaymentIntentConfirmParams.builder()
                                        .setPaymentMethod("pm_card_visa")
                                        .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));

        PaymentIntent paid = paidCardOrder(stripe, 1_000, "EX-1008");
        assertThatThrownBy(() -> stripe.v1().paymentIntents().cancel(paid.getId()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state");
                    assertThat(e.getMessage()).contains("status of succeeded");
                });
        assertThat(sandbox.events()).extracting(EventSnapshot::type).contains("payment_intent.canceled");
    }

    @Test
    void metadataIsUpdatedAndUnset() throws Exception {
        PaymentIntent paid = paidCardOrder(stripe, 2_000, "EX-1009");
        PaymentIntent updated = stripe.v1()
                .paymentIntents()
                .update(
                        paid.getId(),
                        PaymentIntentUpdateParams.builder()
                                .putMetadata("customs_ref", "CEB411-77")
                                .putMetadata("order_no", "")
                                .build());
        assertThat(updated.getMetadata()).containsExactly(java.util.Map.entry("customs_ref", "CEB411-77"));
        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .update(
                                paid.getId(),
                                PaymentIntentUpdateParams.builder()
                                        .setAmount(1L)
                                        .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("payment_intent_unexpected_state"));
    }

    @Test
    void reconciliationPagesThroughEveryIntentOfADay() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(paidCardOrder(stripe, 100 + i, "EX-2" + i).getId());
        }
        long now = System.currentTimeMillis() / 1000;
        PaymentIntentListParams params = PaymentIntentListParams.builder()
                .setLimit(3L)
                .setCreated(PaymentIntentListParams.Created.builder()
                        .setGte(now - 3600)
                        .setLte(now + 3600)
                        .build())
                .build();

        StripeCollection<PaymentIntent> first = stripe.v1().paymentIntents().list(params);
        assertThat(first.getData()).hasSize(3);
        assertThat(first.getHasMore()).isTrue();
        assertThat(first.getData().getFirst().getId()).isEqualTo(ids.getLast());

        List<String> all = new ArrayList<>();
        first.autoPagingIterable().forEach(intent -> all.add(intent.getId()));
        assertThat(all).containsExactlyElementsOf(ids.reversed());

        StripeCollection<PaymentIntent> none = stripe.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder()
                        .setCreated(PaymentIntentListParams.Created.builder()
                                .setLt(now - 3600)
                                .build())
                        .build());
        assertThat(none.getData()).isEmpty();
        assertThat(none.getHasMore()).isFalse();
    }

    @Test
    void pagesBackwardsWithEndingBeforeAndRefusesUnknownExpansions() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(paidCardOrder(stripe, 100 + i, "EX-4" + i).getId());
        }

        StripeCollection<PaymentIntent> newer = stripe.v1()
                .paymentIntents()
                .list(PaymentIntentListParams.builder()
                        .setEndingBefore(ids.get(1))
                        .setLimit(2L)
                        .build());

        assertThat(newer.getData()).extracting(PaymentIntent::getId).containsExactly(ids.get(3), ids.get(2));
        assertThat(newer.getHasMore()).isTrue();
        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .retrieve(
                                ids.getFirst(),
                                PaymentIntentRetrieveParams.builder()
                                        .addExpand("metadata")
                                        .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getMessage()).contains("This property cannot be expanded (metadata)"));
        assertThat(stripe.v1()
                        .paymentIntents()
                        .list(PaymentIntentListParams.builder()
                                .addExpand("data.latest_charge")
                                .setLimit(1L)
                                .build())
                        .getData()
                        .getFirst()
                        .getLatestChargeObject()
                        .getAmount())
                .isEqualTo(104);
    }

    @Test
    void unknownIntentIsStripesResourceMissing() {
        assertThatThrownBy(() -> stripe.v1().paymentIntents().retrieve("pi_doesnotexist"))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getCode()).isEqualTo("resource_missing");
                    assertThat(e.getMessage()).contains("No such payment_intent: 'pi_doesnotexist'");
                });
    }

    @Test
    void wrongApiKeysAreRefusedWith401() throws Exception {
        StripeClient live = StripeClient.builder()
                .setApiKey("sk_live_abcdefghijklmnop1234")
                .setApiBase(sandbox.baseUrl())
                .build();
        assertThatThrownBy(() -> live.v1().paymentIntents().list())
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(401);
                    assertThat(e.getMessage())
                            .contains("Invalid API Key provided: sk_live_")
                            .doesNotContain("abcdefgh");
                });

        HttpResponse<String> noKey = SandboxClients.get(sandbox.baseUrl() + "/v1/payment_intents");
        assertThat(noKey.statusCode()).isEqualTo(401);
        assertThat(noKey.body()).contains("\"type\": \"invalid_request_error\"", "You did not provide an API key");
    }

    @Test
    void unknownParametersAndBadValuesAreStripesInvalidRequests() throws Exception {
        HttpResponse<String> unknown = SandboxClients.post(
                sandbox.baseUrl() + "/v1/payment_intents",
                "application/x-www-form-urlencoded",
                "amount=100&currency=cny&colour=red",
                "Authorization",
                "Bearer " + sandbox.secretKey());
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"code\": \"parameter_unknown\"", "\"param\": \"colour\"");

        assertThatThrownBy(() -> stripe.v1()
                        .paymentIntents()
                        .create(order(100, "EX-3")
                                .addPaymentMethodType("card")
                                .setCurrency("")
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getCode()).isEqualTo("parameter_missing");
                    assertThat(e.getParam()).isEqualTo("currency");
                });
        assertThat(sandbox.paymentIntents()).isEmpty();
    }
}
