package cn.eexpo.orders.checkout;

import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.order.OrderStore;
import cn.eexpo.orders.order.OrderView;
import cn.eexpo.orders.payment.Payments;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/orders}: places an order for the signed-in buyer. 201 with the order the first time; the same
 * request again under the same Idempotency-Key answers 200 with that same order. The payment is created right away
 * when Stripe's request rate has room, otherwise from the outbox moments later ({@code payment} is then empty and the
 * order is polled).
 */
@RestController
class CheckoutController {

    private final Checkout checkout;
    private final Accounts accounts;
    private final Payments payments;
    private final OrderStore orders;

    CheckoutController(Checkout checkout, Accounts accounts, Payments payments, OrderStore orders) {
        this.checkout = checkout;
        this.accounts = accounts;
        this.payments = payments;
        this.orders = orders;
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<OrderView> place(
            @RequestBody CheckoutRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String idempotencyKey) {
        var account = accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in to place an order."));
        if (idempotencyKey == null) {
            throw new CheckoutRefusedException(
                    "Idempotency-Key",
                    "Send an Idempotency-Key header (a new random value per order) so that a retried request cannot"
                            + " place the order twice.");
        }
        var placed = checkout.place(account.id(), request, idempotencyKey);
        var orderNo = placed.order().orderNo();
        try {
            payments.prepare(orderNo, false);
        } catch (RuntimeException stripeBusy) {
            // The outbox creates the payment shortly.
        }
        var view = OrderView.of(orders.find(orderNo).orElseThrow(), orders.history(orderNo));
        return placed.created()
                ? ResponseEntity.created(URI.create("/api/v1/orders/" + orderNo))
                        .body(view)
                : ResponseEntity.ok(view);
    }
}
