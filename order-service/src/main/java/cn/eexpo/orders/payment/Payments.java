package cn.eexpo.orders.payment;

import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.RefundRequested;
import cn.eexpo.orders.order.Cancellation;
import cn.eexpo.orders.order.OrderStateException;
import cn.eexpo.orders.order.OrderStore;
import cn.eexpo.orders.order.OrderTransitions;
import cn.eexpo.orders.order.PlacedOrder;
import cn.eexpo.orders.order.UnknownOrderException;
import com.stripe.model.PaymentIntent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payment leg of an order: one PaymentIntent per order, what Stripe says about it applied to the order. Everything
 * here may run twice, concurrently, or in any order (a webhook before the create call returned, a reconciliation
 * during a webhook): the intent is created under an idempotency key, and the order's state machine refuses any move
 * that does not fit.
 */
@Service
public class Payments implements Cancellation.UnpaidOrders {

    private static final Logger log = LoggerFactory.getLogger(Payments.class);
    private static final Set<OrderStatus> AWAITING_PAYMENT =
            EnumSet.of(OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING);

    private final StripeGateway stripe;
    private final OrderStore orders;
    private final OrderTransitions transitions;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final StripeProperties properties;

    Payments(
            StripeGateway stripe,
            StripeProperties properties,
            OrderStore orders,
            OrderTransitions transitions,
            TransactionTemplate transactions,
            ApplicationEventPublisher events) {
        this.stripe = stripe;
        this.orders = orders;
        this.transitions = transitions;
        this.transactions = transactions;
        this.events = events;
        this.properties = properties;
    }

    /** The payment as the buyer's browser needs it: to confirm with Stripe.js, or to open the sandbox's page. */
    public record PaymentHandle(String paymentIntentId, String clientSecret, String status) {}

    /**
     * Creates the order's PaymentIntent if it has none, waiting for a slot of the request rate.
     *
     * @param wait {@code false} to give up (answer empty) rather than queue behind other orders
     */
    public Optional<PaymentHandle> prepare(String orderNo, boolean wait) {
        var order = orders.header(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        if (order.paymentIntentId() != null) {
            return Optional.of(handle(order));
        }
        if (!AWAITING_PAYMENT.contains(order.status())) {
            return Optional.empty();
        }
        if (wait) {
            stripe.awaitSlot();
            // Queued behind other orders meanwhile: another instance or the buyer's request may have done it.
            order = orders.header(orderNo).orElseThrow();
            if (order.paymentIntentId() != null) {
                return Optional.of(handle(order));
            }
        } else if (!stripe.trySlot()) {
            return Optional.empty();
        }
        var intent = stripe.createIntent(orderNo, order.total(), order.paymentMethod(), "E-Expo order " + orderNo);
        transactions.executeWithoutResult(status -> {
            orders.attachPaymentIntent(orderNo, intent.getId(), intent.getClientSecret());
            transitions.move(orderNo, OrderStatus.PAYMENT_PENDING, "payment " + intent.getId() + " created");
        });
        apply(intent);
        return Optional.of(new PaymentHandle(intent.getId(), intent.getClientSecret(), intent.getStatus()));
    }

    /**
     * How the buyer's browser goes on to pay an order: sent to a page ({@link #redirectUrl()}: Alipay's, WeChat Pay's,
     * or for a card without Stripe.js the local sandbox's), or, for a card with a publishable key, Stripe.js confirming
     * the payment with the client secret in the shop's own page.
     */
    public record PaymentStart(
            String orderNo,
            String method,
            @Nullable String redirectUrl,
            @Nullable String publishableKey,
            @Nullable String clientSecret) {

        public boolean redirects() {
            return redirectUrl != null;
        }
    }

    /**
     * Starts (or resumes) paying an unpaid order: creates its PaymentIntent if it has none; for Alipay and WeChat Pay
     * confirms it with that method so that Stripe names the page the buyer approves the payment on; for a card answers
     * the publishable key and client secret for Stripe.js, or, when none is configured (the offline sandbox), the
     * sandbox's payment page. Stripe (or the sandbox) sends the buyer back to {@code returnUrl} with
     * {@code redirect_status}.
     *
     * @throws OrderStateException when the order no longer waits for payment (paid, cancelled)
     * @throws UnknownOrderException when there is no such order
     */
    public PaymentStart start(String orderNo, String returnUrl) {
        var handle = prepare(orderNo, true)
                .orElseThrow(() -> new OrderStateException("Order " + orderNo + " no longer waits for payment."));
        var order = orders.header(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        if (!AWAITING_PAYMENT.contains(order.status())) {
            throw new OrderStateException("Order " + orderNo + " is " + order.status() + ": nothing to pay.");
        }
        var method = order.paymentMethod();
        if (method.equals("alipay") || method.equals("wechat_pay")) {
            var intent = stripe.confirmWithRedirect(handle.paymentIntentId(), method, returnUrl);
            if ("succeeded".equals(intent.getStatus())) {
                apply(intent);
                return new PaymentStart(orderNo, method, returnUrl, null, null);
            }
            var url = StripeGateway.nextActionUrl(intent)
                    .orElseThrow(() -> new PaymentProviderException(
                            "Payment " + intent.getId() + " is " + intent.getStatus() + " with no page to pay on",
                            new IllegalStateException(String.valueOf(intent.getNextAction()))));
            return new PaymentStart(orderNo, method, url, null, null);
        }
        if (properties.publishableKey() != null && !properties.publishableKey().isBlank()) {
            return new PaymentStart(orderNo, method, null, properties.publishableKey(), handle.clientSecret());
        }
        if (properties.apiBase() != null && !properties.apiBase().isBlank()) {
            // The sandbox's page stands in for Stripe.js: it takes the card and returns the buyer to returnUrl.
            var page = properties.apiBase().replaceAll("/+$", "") + "/pay/" + handle.paymentIntentId() + "?return_url="
                    + URLEncoder.encode(returnUrl, StandardCharsets.UTF_8);
            return new PaymentStart(orderNo, method, page, null, null);
        }
        throw new PaymentProviderException(
                "Card payments need eexpo.stripe.publishable-key (STRIPE_PUBLISHABLE_KEY) for Stripe.js",
                new IllegalStateException("no publishable key"));
    }

    /** Brings the order in line with its PaymentIntent as Stripe reports it. */
    void apply(PaymentIntent intent) {
        var orderNo = StripeGateway.orderNoOf(intent)
                .or(() -> orders.orderNoOfPaymentIntent(intent.getId()))
                .orElse(null);
        if (orderNo == null) {
            log.warn("Payment {} belongs to no order of ours; ignored", intent.getId());
            return;
        }
        var order = orders.header(orderNo).orElse(null);
        if (order == null) {
            log.warn("Payment {} names order {}, which does not exist; ignored", intent.getId(), orderNo);
            return;
        }
        if (order.paymentIntentId() != null && !order.paymentIntentId().equals(intent.getId())) {
            log.error(
                    "Order {} has payment {} but Stripe also reports payment {} for it ({}): needs an operator",
                    orderNo,
                    order.paymentIntentId(),
                    intent.getId(),
                    intent.getStatus());
            return;
        }
        switch (intent.getStatus()) {
            case "succeeded" -> succeeded(order, intent);
            case "canceled" ->
                transactions.executeWithoutResult(s ->
                        transitions.move(orderNo, OrderStatus.CANCELLED, "payment " + intent.getId() + " cancelled"));
            case "requires_payment_method" -> {
                if (intent.getLastPaymentError() != null && AWAITING_PAYMENT.contains(order.status())) {
                    // A declined attempt: stop the intent so that it cannot succeed later, then release the order.
                    var after = stripe.cancel(intent.getId(), "payment declined");
                    if (!"requires_payment_method".equals(after.getStatus())) {
                        apply(after);
                    }
                }
            }
            default -> {}
        }
    }

    private void succeeded(PlacedOrder order, PaymentIntent intent) {
        if (intent.getAmountReceived() == null
                || intent.getAmountReceived() != order.total().fen()) {
            log.error(
                    "Order {}: payment {} received {} fen, the order is {} fen: needs an operator",
                    order.orderNo(),
                    intent.getId(),
                    intent.getAmountReceived(),
                    order.total().fen());
        }
        transactions.executeWithoutResult(s -> {
            if (!intent.getId().equals(order.paymentIntentId())) {
                // Paid through an intent the order did not know yet (its creation answered too late): it is the one.
                orders.attachPaymentIntent(order.orderNo(), intent.getId(), intent.getClientSecret());
            }
            var outcome =
                    transitions.move(order.orderNo(), OrderStatus.PAID, "payment " + intent.getId() + " succeeded");
            if (outcome.result() == OrderTransitions.Result.REFUSED && outcome.status() == OrderStatus.CANCELLED) {
                // Paid after the order was given up (its reservation expired): the money goes back.
                events.publishEvent(new RefundRequested(order.orderNo(), "paid after cancellation"));
            }
        });
    }

    /** Gives the whole amount back (customs rejection, cancellation after payment, return). Idempotent. */
    void refund(String orderNo, String cause) {
        var order = orders.find(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
        if (order.paymentIntentId() == null
                || order.status() == OrderStatus.REFUNDED
                || order.status().isPaid()) {
            return;
        }
        var refund = stripe.refund(order.orderNo(), order.paymentIntentId(), order.total());
        transactions.executeWithoutResult(s -> {
            orders.recordRefund(order.orderNo(), refund.getId(), order.total());
            transitions.move(order.orderNo(), OrderStatus.REFUNDED, "refund " + refund.getId() + ": " + cause);
        });
    }

    /** Cancels an order still waiting for payment (its reservation expired), unless it turns out to be paid. */
    @Override
    public void abandon(String orderNo, String cause) {
        var order = orders.find(orderNo).orElse(null);
        if (order == null || !AWAITING_PAYMENT.contains(order.status())) {
            return;
        }
        if (order.paymentIntentId() != null) {
            try {
                var intent = stripe.cancel(order.paymentIntentId(), cause);
                if ("succeeded".equals(intent.getStatus())) {
                    apply(intent);
                    return;
                }
            } catch (UnknownPaymentException e) {
                log.error(
                        "Order {}: Stripe does not know its payment {}; cancelled without it",
                        orderNo,
                        order.paymentIntentId());
            }
        }
        transactions.executeWithoutResult(s -> transitions.move(orderNo, OrderStatus.CANCELLED, cause));
    }

    private static PaymentHandle handle(PlacedOrder order) {
        return new PaymentHandle(
                order.paymentIntentId(),
                order.paymentClientSecret() == null ? "" : order.paymentClientSecret(),
                order.status().name());
    }
}
