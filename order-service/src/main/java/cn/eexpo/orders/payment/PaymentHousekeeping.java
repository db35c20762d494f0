package cn.eexpo.orders.payment;

import cn.eexpo.catalog.StockReservations;
import cn.eexpo.orders.OrderPlaced;
import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.RefundRequested;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.orders.order.OrderStore;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The jobs that close gaps: resubmitting payment work whose call to Stripe failed, cancelling orders whose reservation expired unpaid,
 * and reconciling with Stripe (every PaymentIntent's outcome applied to its order, whatever webhooks were lost).
 * Each is safe on several instances at once: all they do is idempotent.
 */
@Component
class PaymentHousekeeping {

    private static final Logger log = LoggerFactory.getLogger(PaymentHousekeeping.class);
    private static final Duration STALE = Duration.ofSeconds(60);

    private final Payments payments;
    private final StripeGateway stripe;
    private final OrderStore orders;
    private final StockReservations reservations;
    private final FailedEventPublications failed;
    private final StripeProperties properties;
    private final Clock clock;

    PaymentHousekeeping(
            Payments payments,
            StripeGateway stripe,
            OrderStore orders,
            StockReservations reservations,
            FailedEventPublications failed,
            StripeProperties properties,
            Clock clock) {
        this.payments = payments;
        this.stripe = stripe;
        this.orders = orders;
        this.reservations = reservations;
        this.failed = failed;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 30_000, fixedDelayString = "${eexpo.stripe.housekeeping-interval:30s}")
    void resubmitAndExpire() {
        try {
            failed.resubmit(ResubmissionOptions.defaults()
                    .withMinAge(STALE)
                    .withFilter(p -> p.getEvent() instanceof OrderPlaced || p.getEvent() instanceof RefundRequested));
            expireUnpaid();
        } catch (RuntimeException e) {
            log.warn("Payment housekeeping failed, will try again: {}", e.toString());
        }
    }

    /** Orders whose reservation expired before they were paid are cancelled, their stock and quota released. */
    int expireUnpaid() {
        int n = 0;
        for (var orderNo : reservations.expired(clock.instant(), 100)) {
            try {
                payments.abandon(orderNo, "not paid within " + Checkout.RESERVATION.toMinutes() + " minutes");
                n++;
            } catch (RuntimeException e) {
                log.warn("Could not cancel unpaid order {}, will try again: {}", orderNo, e.toString());
            }
        }
        return n;
    }

    @Scheduled(initialDelay = 60_000, fixedDelayString = "${eexpo.stripe.reconcile-interval:5m}")
    void scheduledReconcile() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.warn("Reconciliation with Stripe failed, will try again: {}", e.toString());
        }
    }

    /**
     * Compares every PaymentIntent of the window with its order and applies the difference; then makes sure every order
     * that waits for a payment has one.
     *
     * @return how many orders changed
     */
    int reconcile() {
        var changed = new int[] {0};
        stripe.forEachIntentSince(clock.instant().minus(properties.window()), intent -> {
            var orderNo = StripeGateway.orderNoOf(intent).orElse(null);
            if (orderNo == null) {
                return;
            }
            var before = orders.find(orderNo).map(o -> o.status()).orElse(null);
            payments.apply(intent);
            var after = orders.find(orderNo).map(o -> o.status()).orElse(null);
            if (before != after) {
                log.info(
                        "Reconciliation: order {} {} -> {} (payment {} {})",
                        orderNo,
                        before,
                        after,
                        intent.getId(),
                        intent.getStatus());
                changed[0]++;
            }
        });
        for (var orderNo :
                orders.inStatus(List.of(OrderStatus.CREATED), clock.instant().minus(STALE), 500)) {
            payments.prepare(orderNo, true);
        }
        return changed[0];
    }
}
