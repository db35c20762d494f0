package cn.eexpo.orders.payment;

import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.order.OrderStore;
import cn.eexpo.orders.order.UnknownOrderException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The payment of an order, for the buyer's browser: the PaymentIntent's client secret (Stripe.js confirms with it) and,
 * against the local sandbox, the page where a person completes or declines the payment. 202 while the payment leg has
 * not created it yet.
 */
@RestController
class PaymentController {

    private final Payments payments;
    private final OrderStore orders;
    private final Accounts accounts;
    private final StripeProperties properties;

    PaymentController(Payments payments, OrderStore orders, Accounts accounts, StripeProperties properties) {
        this.payments = payments;
        this.orders = orders;
        this.accounts = accounts;
        this.properties = properties;
    }

    record PaymentView(
            String paymentIntentId,
            String clientSecret,
            String orderStatus,
            @Nullable String payUrl) {}

    @GetMapping("/api/v1/orders/{orderNo}/payment")
    ResponseEntity<PaymentView> payment(@PathVariable String orderNo) {
        var account = accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in first."));
        orders.find(orderNo)
                .filter(o -> o.accountId() == account.id())
                .orElseThrow(() -> new UnknownOrderException(orderNo));
        var handle = payments.prepare(orderNo, false).orElse(null);
        if (handle == null) {
            return ResponseEntity.accepted().build();
        }
        var status = orders.find(orderNo).orElseThrow().status().name();
        var page = properties.apiBase() == null || properties.apiBase().isBlank()
                ? null
                : properties.apiBase() + "/pay/" + handle.paymentIntentId();
        return ResponseEntity.ok(new PaymentView(handle.paymentIntentId(), handle.clientSecret(), status, page));
    }
}
