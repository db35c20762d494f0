package cn.eexpo.orders.payment;

import com.stripe.exception.SignatureVerificationException;
import com.stripe.model.PaymentIntent;
import com.stripe.net.Webhook;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stripe's webhooks. The signature is checked before anything is read (a forged or replayed-after-tolerance request is
 * refused with 400); an event id already handled is acknowledged and ignored; the event's PaymentIntent is then applied
 * to its order by the state machine, so events may arrive in any order. A failure answers 500 and Stripe delivers the
 * event again.
 */
@RestController
class StripeWebhookController {

    private static final Logger log = LoggerFactory.getLogger(StripeWebhookController.class);

    /** What moves an order; other events (created, requires_action, charges, refunds) change nothing here. */
    private static final Set<String> RELEVANT =
            Set.of("payment_intent.succeeded", "payment_intent.payment_failed", "payment_intent.canceled");

    private static final String SUCCEEDED = "payment_intent.succeeded";

    private final StripeProperties properties;
    private final Payments payments;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    StripeWebhookController(
            StripeProperties properties, Payments payments, JdbcClient jdbc, TransactionTemplate transactions) {
        this.properties = properties;
        this.payments = payments;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @PostMapping(path = "/api/v1/payments/stripe/webhook")
    ResponseEntity<?> receive(
            @RequestBody String payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        if (signature == null || properties.webhookSecret() == null) {
            return refuse("The Stripe-Signature header is missing.");
        }
        com.stripe.model.Event event;
        try {
            event = Webhook.constructEvent(payload, signature, properties.webhookSecret());
        } catch (SignatureVerificationException e) {
            log.warn("Refused a webhook with a bad signature: {}", e.getMessage());
            return refuse("The webhook signature does not verify.");
        } catch (RuntimeException e) {
            return refuse("The webhook body is not a Stripe event.");
        }
        if (!RELEVANT.contains(event.getType())) {
            return ResponseEntity.ok().build();
        }
        var object = event.getDataObjectDeserializer().getObject().orElse(null);
        if (SUCCEEDED.equals(event.getType()) && object instanceof PaymentIntent intent) {
            // One transaction, one commit: the event is remembered with the order it made PAID, or not at all. A copy
            // delivered meanwhile waits on the event's key and then finds it taken.
            transactions.executeWithoutResult(status -> {
                if (remember(event.getId(), event.getType())) payments.apply(intent);
            });
            return ResponseEntity.ok().build();
        }
        if (alreadyHandled(event.getId())) {
            return ResponseEntity.ok().build();
        }
        // Failures and cancellations may call Stripe (a declined intent is cancelled): not inside a transaction.
        if (object instanceof PaymentIntent intent) {
            payments.apply(intent);
        }
        remember(event.getId(), event.getType());
        return ResponseEntity.ok().build();
    }

    private boolean alreadyHandled(String eventId) {
        return jdbc.sql("select exists (select 1 from stripe_event where id = :id)")
                .param("id", eventId)
                .query(Boolean.class)
                .single();
    }

    /** Records a handled event; false when it was recorded before. */
    private boolean remember(String eventId, String type) {
        return jdbc.sql("insert into stripe_event (id, type) values (:id, :type) on conflict do nothing")
                        .param("id", eventId)
                        .param("type", type)
                        .update()
                > 0;
    }

    private static ResponseEntity<ProblemDetail> refuse(String detail) {
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Webhook refused");
        return ResponseEntity.badRequest().body(problem);
    }
}
