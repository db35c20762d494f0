package cn.eexpo.sandbox.stripe;

import static cn.eexpo.sandbox.stripe.SandboxClients.client;
import static cn.eexpo.sandbox.stripe.SandboxClients.order;
import static cn.eexpo.sandbox.stripe.SandboxClients.paidCardOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stripe.StripeClient;
import com.stripe.exception.InvalidRequestException;
import com.stripe.model.Charge;
import com.stripe.model.PaymentIntent;
import com.stripe.model.Refund;
import com.stripe.param.RefundCreateParams;
import com.stripe.param.RefundListParams;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RefundsTest {

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
    void fullRefundRefundsTheWholeCharge() throws Exception {
        PaymentIntent paid = paidCardOrder(stripe, 12_800, "EX-R1");

        Refund refund = stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(paid.getId())
                        .setReason(RefundCreateParams.Reason.REQUESTED_BY_CUSTOMER)
                        .putMetadata("return_no", "RT-1")
                        .build());

        assertThat(refund.getId()).startsWith("re_");
        assertThat(refund.getObject()).isEqualTo("refund");
        assertThat(refund.getStatus()).isEqualTo("succeeded");
        assertThat(refund.getAmount()).isEqualTo(12_800);
        assertThat(refund.getCurrency()).isEqualTo("cny");
        assertThat(refund.getCharge()).isEqualTo(paid.getLatestCharge());
        assertThat(refund.getPaymentIntent()).isEqualTo(paid.getId());
        assertThat(refund.getReason()).isEqualTo("requested_by_customer");
        assertThat(refund.getMetadata()).containsEntry("return_no", "RT-1");
        Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge());
        assertThat(charge.getRefunded()).isTrue();
        assertThat(charge.getAmountRefunded()).isEqualTo(12_800);
        assertThat(stripe.v1().refunds().retrieve(refund.getId()).getAmount()).isEqualTo(12_800);
        assertThat(sandbox.events()).extracting(EventSnapshot::type).endsWith("refund.created", "charge.refunded");

        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(paid.getId())
                                .build()))
                .isInstanceOfSatisfying(
                        InvalidRequestException.class,
                        e -> assertThat(e.getCode()).isEqualTo("charge_already_refunded"));
    }

    @Test
    void partialRefundsAddUpToTheChargeAndNoFurther() throws Exception {
        PaymentIntent paid = paidCardOrder(stripe, 10_000, "EX-R2");

        stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setPaymentIntent(paid.getId())
                        .setAmount(3_000L)
                        .build());
        Refund second = stripe.v1()
                .refunds()
                .create(RefundCreateParams.builder()
                        .setCharge(paid.getLatestCharge())
                        .setAmount(5_000L)
                        .build());
        assertThat(second.getAmount()).isEqualTo(5_000);

        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(paid.getId())
                                .setAmount(2_001L)
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getCode()).isEqualTo("amount_too_large");
                    assertThat(e.getParam()).isEqualTo("amount");
                    assertThat(e.getMessage())
                            .contains("Refund amount (¥20.01) is greater than unrefunded amount on charge (¥20.00)");
                });

        Charge charge = stripe.v1().charges().retrieve(paid.getLatestCharge());
        assertThat(charge.getAmountRefunded()).isEqualTo(8_000);
        assertThat(charge.getRefunded()).isFalse();
        assertThat(stripe.v1()
                        .refunds()
                        .list(RefundListParams.builder()
                                .setPaymentIntent(paid.getId())
                                .build())
                        .getData())
                .extracting(Refund::getAmount)
                .containsExactly(5_000L, 3_000L);
        assertThat(sandbox.paymentIntent(paid.getId()).orElseThrow().amountRefunded())
                .isEqualTo(8_000);
    }

    @Test
    void anUnpaidIntentHasNothingToRefund() throws Exception {
        PaymentIntent open = stripe.v1()
                .paymentIntents()
                .create(order(1_000, "EX-R3").addPaymentMethodType("card").build());

        assertThatThrownBy(() -> stripe.v1()
                        .refunds()
                        .create(RefundCreateParams.builder()
                                .setPaymentIntent(open.getId())
                                .build()))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.getParam()).isEqualTo("payment_intent");
                    assertThat(e.getMessage()).contains("does not have a successful charge to refund");
                });
        assertThat(sandbox.events()).extracting(EventSnapshot::type).doesNotContain("refund.created");
    }
}
