package cn.eexpo.storefront.orders;

import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.order.BuyerOrders;
import cn.eexpo.orders.order.Cancellation;
import cn.eexpo.orders.order.OrderStateException;
import cn.eexpo.orders.order.PlacedOrder;
import cn.eexpo.orders.returns.Returns;
import cn.eexpo.storefront.cart.CartView;
import cn.eexpo.storefront.cart.ShopperCart;
import cn.eexpo.storefront.i18n.StorefrontTranslations;
import cn.eexpo.storefront.shell.MainLayout;
import cn.eexpo.storefront.ui.Prices;
import cn.eexpo.storefront.ui.ViewBean;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.i18n.LocaleChangeEvent;
import com.vaadin.flow.i18n.LocaleChangeObserver;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One of the buyer's orders: where it stands on its way through customs (paid → declared → accepted → released →
 * shipped → delivered, or held for inspection, or rejected with the reason and the refund), what it holds and what it
 * cost, who receives it, and what the buyer can do: pay an unpaid order (again, after a failed attempt), cancel it, or
 * request a return within 30 days of release. While the order is on its way the page looks for news every
 * {@value #POLL_MILLIS} ms, so a release shows without a reload.
 */
@ViewBean
@Route(value = "orders/:orderNo", layout = MainLayout.class)
@PermitAll
@StyleSheet("styles/orders.css")
public class OrderView extends VerticalLayout implements BeforeEnterObserver, LocaleChangeObserver, HasDynamicTitle {

    static final int POLL_MILLIS = 2000;
    static final String STATUS_ID = "order-status";
    static final String TIMELINE_ID = "order-timeline";
    static final String REJECTION_ID = "order-rejection";
    static final String RETURN_ID = "order-return";
    /** The way through customs to the buyer, as the timeline shows it. */
    static final List<OrderStatus> STEPS = List.of(
            OrderStatus.PAID,
            OrderStatus.DECLARED,
            OrderStatus.ACCEPTED,
            OrderStatus.RELEASED,
            OrderStatus.SHIPPED,
            OrderStatus.DELIVERED);

    private static final Set<OrderStatus> HOLDS = EnumSet.of(OrderStatus.INSPECTION, OrderStatus.DETAINED);
    private static final Set<OrderStatus> RETURNABLE =
            EnumSet.of(OrderStatus.RELEASED, OrderStatus.SHIPPED, OrderStatus.DELIVERED);
    private static final Set<OrderStatus> CANCELLABLE = EnumSet.of(
            OrderStatus.CREATED,
            OrderStatus.PAYMENT_PENDING,
            OrderStatus.PAID,
            OrderStatus.DECLARED,
            OrderStatus.ACCEPTED);

    private final BuyerOrders buyerOrders;
    private final Returns returns;
    private final Cancellation cancellation;
    private final ShopperCart shopperCart;
    private final TextArea returnReason = new TextArea();

    private String orderNo = "";
    private cn.eexpo.orders.order.@Nullable OrderView order;
    /** What the payment page said when it sent the buyer back: succeeded, failed, or nothing. */
    private @Nullable String redirectStatus;

    private @Nullable String actionMessage;
    private @Nullable Registration polling;

    public OrderView(BuyerOrders buyerOrders, Returns returns, Cancellation cancellation, ShopperCart shopperCart) {
        this.buyerOrders = buyerOrders;
        this.returns = returns;
        this.cancellation = cancellation;
        this.shopperCart = shopperCart;
        addClassName("eexpo-order");
        setPadding(true);
        returnReason.setId("order-return-reason");
        returnReason.setMaxLength(500);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("orders.detail.title") + " " + orderNo;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        orderNo = event.getRouteParameters().get("orderNo").orElse("");
        redirectStatus = event.getLocation()
                .getQueryParameters()
                .getSingleParameter("redirect_status")
                .orElse(null);
        actionMessage = null;
        order = buyerOrders.mine(orderNo).orElse(null);
        if (isAttached()) {
            render();
            poll(UI.getCurrent());
        }
    }

    @Override
    public void localeChange(LocaleChangeEvent event) {
        render();
    }

    @Override
    protected void onAttach(AttachEvent event) {
        poll(event.getUI());
    }

    @Override
    protected void onDetach(DetachEvent event) {
        stopPolling(event.getUI());
    }

    /** Looks for news every POLL_MILLIS while the order is on its way; stops once it is settled. */
    private void poll(UI ui) {
        if (order == null || OrderStatuses.settled(order.status(), order.paidAt())) {
            stopPolling(ui);
            return;
        }
        if (polling == null) {
            polling = ui.addPollListener(e -> refresh());
        }
        ui.setPollInterval(POLL_MILLIS);
    }

    private void stopPolling(UI ui) {
        if (polling != null) {
            polling.remove();
            polling = null;
        }
        ui.setPollInterval(-1);
    }

    /** Reads the order again and shows it anew when it moved. */
    void refresh() {
        var now = buyerOrders.mine(orderNo).orElse(null);
        boolean moved = now != null
                && (order == null
                        || now.status() != order.status()
                        || now.history().size() != order.history().size()
                        || now.refunded().compareTo(order.refunded()) != 0);
        if (moved) {
            order = now;
            render();
        }
        getUI().ifPresent(this::poll);
    }

    private void render() {
        removeAll();
        if (order == null) {
            add(new H1(getTranslation("orders.detail.not-found.title")));
            Paragraph missing = new Paragraph(getTranslation("orders.detail.not-found", orderNo));
            missing.setId("order-not-found");
            add(missing, new RouterLink(getTranslation("orders.back"), OrdersView.class));
            return;
        }
        var o = order;
        H1 title = new H1(getTranslation("orders.detail.heading", o.orderNo()));
        Span status = OrderStatuses.badge(o.status(), this::getTranslation);
        status.setId(STATUS_ID);
        Paragraph placed = new Paragraph(getTranslation("orders.detail.placed", OrderStatuses.time(o.createdAt())));
        placed.addClassName("order-placed");
        Div head = new Div(title, status, placed);
        head.addClassName("order-head");
        add(head);
        if (actionMessage != null) {
            Paragraph message = new Paragraph(actionMessage);
            message.setId("order-message");
            message.addClassName("eexpo-notice");
            add(message);
        }
        paymentSection().ifPresent(this::add);
        if (o.paidAt() != null || o.history().stream().anyMatch(t -> t.to() == OrderStatus.PAID)) {
            add(timeline(o));
        }
        rejection(o).ifPresent(this::add);
        returnSection(o).ifPresent(this::add);
        add(lines(o), parties(o), new RouterLink(getTranslation("orders.back"), OrdersView.class));
    }

    /** Paying, paying again after a failed attempt, or cancelling an order that waits for its payment. */
    private Optional<Component> paymentSection() {
        var o = order;
        Div box = new Div();
        box.addClassName("order-section");
        box.setId("order-payment");
        boolean awaiting = OrderStatuses.AWAITING_PAYMENT.contains(o.status());
        boolean failed = "failed".equals(redirectStatus);
        if (awaiting && "succeeded".equals(redirectStatus)) {
            box.add(new Paragraph(getTranslation("orders.detail.payment.confirming")));
        } else if (awaiting) {
            if (failed) {
                Paragraph failure = new Paragraph(getTranslation("orders.detail.payment.failed"));
                failure.setId("order-payment-failed");
                failure.addClassName("order-failure");
                box.add(failure);
            }
            box.add(new Paragraph(
                    o.payBefore() == null
                            ? getTranslation("orders.detail.payment.awaiting")
                            : getTranslation("orders.detail.payment.before", OrderStatuses.time(o.payBefore()))));
            Button pay = new Button(
                    getTranslation(failed ? "orders.detail.pay-again" : "orders.detail.pay"),
                    e -> UI.getCurrent().navigate(PaymentView.class, new RouteParameters("orderNo", o.orderNo())));
            pay.setId(failed ? "order-pay-again" : "order-pay");
            pay.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Div actions = new Div(pay, cancelButton());
            actions.addClassName("order-actions");
            box.add(actions);
        } else if (o.status() == OrderStatus.CANCELLED && o.paidAt() == null) {
            Paragraph cancelled = new Paragraph(
                    getTranslation(failed ? "orders.detail.payment.failed-cancelled" : "orders.detail.cancelled"));
            cancelled.setId(failed ? "order-payment-failed" : "order-cancelled");
            box.add(cancelled);
            Button again = new Button(getTranslation("orders.detail.order-again"), e -> orderAgain());
            again.setId("order-pay-again");
            again.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            box.add(again);
        } else if (CANCELLABLE.contains(o.status())) {
            Div actions = new Div(cancelButton());
            actions.addClassName("order-actions");
            box.add(new Paragraph(getTranslation("orders.detail.cancel.paid")), actions);
        } else {
            return Optional.empty();
        }
        return Optional.of(box);
    }

    private Button cancelButton() {
        Button cancel = new Button(getTranslation("orders.detail.cancel"), e -> cancel());
        cancel.setId("order-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        cancel.setDisableOnClick(true);
        return cancel;
    }

    private void cancel() {
        try {
            cancellation.cancel(orderNo, "cancelled by the buyer");
            actionMessage = getTranslation("orders.detail.cancel.done");
        } catch (OrderStateException e) {
            actionMessage = getTranslation("orders.detail.cancel.too-late");
        } catch (RuntimeException e) {
            actionMessage = getTranslation("orders.detail.action.failed");
        }
        order = buyerOrders.mine(orderNo).orElse(order);
        render();
        getUI().ifPresent(this::poll);
    }

    /** Puts the goods of an order that was given up back into the cart, to order them again. */
    private void orderAgain() {
        for (var line : order.lines()) {
            try {
                shopperCart.add(new Sku(line.sku()), line.quantity());
            } catch (RuntimeException e) {
                // Sold out or no longer sold: the cart shows what it could take.
            }
        }
        UI.getCurrent().navigate(CartView.class);
    }

    private Component timeline(cn.eexpo.orders.order.OrderView o) {
        var reached = new ArrayList<OrderStatus>();
        o.history().forEach(t -> reached.add(t.to()));
        int furthest = -1;
        for (int i = 0; i < STEPS.size(); i++) {
            if (reached.contains(STEPS.get(i))) {
                furthest = i;
            }
        }
        Div timeline = new Div();
        timeline.setId(TIMELINE_ID);
        timeline.addClassName("order-timeline");
        timeline.getElement().setAttribute("role", "list");
        boolean stopped = o.status() == OrderStatus.REJECTED
                || reached.contains(OrderStatus.REJECTED)
                || o.status() == OrderStatus.CANCELLED
                || reached.contains(OrderStatus.CANCELLED);
        for (int i = 0; i < STEPS.size(); i++) {
            var step = STEPS.get(i);
            String state;
            if (i < furthest) {
                state = "done";
            } else if (i == furthest) {
                state = o.status() == step && step != OrderStatus.DELIVERED ? "current" : "done";
            } else {
                state = stopped ? "skipped" : "pending";
            }
            if (step == OrderStatus.RELEASED) {
                // Held by customs between acceptance and release.
                for (var hold : HOLDS) {
                    if (reached.contains(hold)) {
                        timeline.add(step(hold, o.status() == hold ? "current" : "done", at(o, hold)));
                    }
                }
            }
            if (i > furthest && stopped) {
                continue;
            }
            timeline.add(step(step, state, at(o, step)));
        }
        if (stopped) {
            var end = reached.contains(OrderStatus.REJECTED) ? OrderStatus.REJECTED : OrderStatus.CANCELLED;
            timeline.add(step(end, "current", at(o, end)));
        }
        return timeline;
    }

    private Component step(OrderStatus status, String state, @Nullable Instant at) {
        Span label = new Span(getTranslation("orders.step." + status.name()));
        label.addClassName("timeline-label");
        Span time = new Span(OrderStatuses.time(at));
        time.addClassName("timeline-time");
        Div step = new Div(label, time);
        step.addClassName("timeline-step");
        step.addClassName(state);
        step.getElement().setAttribute("data-status", status.name());
        step.getElement().setAttribute("role", "listitem");
        if ("current".equals(state)) {
            step.getElement().setAttribute("aria-current", "step");
        }
        return step;
    }

    /** When the order first reached a status. */
    private static @Nullable Instant at(cn.eexpo.orders.order.OrderView o, OrderStatus status) {
        return o.history().stream()
                .filter(t -> t.to() == status)
                .map(PlacedOrder.Transition::at)
                .findFirst()
                .orElse(null);
    }

    private Optional<Component> rejection(cn.eexpo.orders.order.OrderView o) {
        var rejected =
                o.history().stream().filter(t -> t.to() == OrderStatus.REJECTED).findFirst();
        if (rejected.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div(new H2(getTranslation("orders.rejection.title")));
        box.setId(REJECTION_ID);
        box.addClassName("order-rejection");
        Paragraph reason = new Paragraph(
                getTranslation("orders.rejection.reason", rejected.get().cause()));
        reason.addClassName("order-rejection-reason");
        box.add(reason);
        Paragraph refund = new Paragraph(
                o.refunded().signum() > 0
                        ? getTranslation(
                                "orders.rejection.refunded",
                                Prices.yuan(o.refunded()),
                                OrderStatuses.time(at(o, OrderStatus.REFUNDED)))
                        : getTranslation("orders.rejection.refunding", Prices.yuan(o.total())));
        refund.setId("order-refund");
        box.add(refund, new Paragraph(getTranslation("orders.rejection.quota")));
        return Optional.of(box);
    }

    private Optional<Component> returnSection(cn.eexpo.orders.order.OrderView o) {
        if (o.status() == OrderStatus.RETURN_REQUESTED || o.status() == OrderStatus.RETURNED) {
            Paragraph requested = new Paragraph(getTranslation("orders.return.requested"));
            requested.setId("order-return-requested");
            requested.addClassName("eexpo-notice");
            return Optional.of(requested);
        }
        if (!RETURNABLE.contains(o.status()) || o.releasedAt() == null) {
            return Optional.empty();
        }
        Instant deadline = Returns.requestDeadline(o.releasedAt());
        Div box = new Div(new H2(getTranslation("orders.return.title")));
        box.addClassName("order-section");
        box.addClassName("order-return-section");
        if (!returns.withinWindow(o.releasedAt())) {
            box.add(new Paragraph(getTranslation("orders.return.closed", OrderStatuses.time(deadline))));
            return Optional.of(box);
        }
        Paragraph rule = new Paragraph(getTranslation("orders.return.deadline", OrderStatuses.time(deadline)));
        rule.setId("order-return-deadline");
        returnReason.setLabel(getTranslation("orders.return.reason"));
        returnReason.setWidthFull();
        Button request = new Button(getTranslation("orders.return.request"), e -> requestReturn());
        request.setId(RETURN_ID);
        request.setDisableOnClick(true);
        box.add(rule, returnReason, request);
        return Optional.of(box);
    }

    private void requestReturn() {
        try {
            returns.request(orderNo, returnReason.getValue());
            actionMessage = getTranslation("orders.return.done");
        } catch (OrderStateException e) {
            actionMessage = getTranslation("orders.return.refused");
        } catch (RuntimeException e) {
            actionMessage = getTranslation("orders.detail.action.failed");
        }
        order = buyerOrders.mine(orderNo).orElse(order);
        render();
        getUI().ifPresent(this::poll);
    }

    private Component lines(cn.eexpo.orders.order.OrderView o) {
        boolean english = StorefrontTranslations.ENGLISH.equals(StorefrontTranslations.supported(getLocale()));
        Div lines = new Div();
        lines.addClassName("order-lines");
        for (var line : o.lines()) {
            Div row = new Div(
                    OrderStatuses.text(english ? line.nameEn() : line.name(), "order-line-name"),
                    OrderStatuses.text(
                            getTranslation("orders.line.quantity", line.quantity(), Prices.yuan(line.unitPrice())),
                            "order-line-quantity"),
                    OrderStatuses.text(Prices.yuan(line.value()), "order-line-value"),
                    OrderStatuses.text(getTranslation("orders.line.tax", Prices.yuan(line.tax())), "order-line-tax"));
            row.addClassName("order-line");
            row.getElement().setAttribute("data-sku", line.sku());
            lines.add(row);
        }
        Div box = new Div(
                new H2(getTranslation("orders.detail.goods")),
                lines,
                total("orders.goods", "order-goods", o.goodsValue()),
                total("orders.freight", "order-freight", o.freight()),
                total("orders.tax", "order-tax", o.taxTotal()));
        if (o.discount().signum() > 0) {
            box.add(total("orders.discount", "order-discount", o.discount().negate()));
        }
        box.add(total("orders.total", "order-total", o.total()));
        box.addClassName("order-section");
        return box;
    }

    private Component total(String label, String id, BigDecimal amount) {
        Span value = new Span(Prices.yuan(amount));
        value.setId(id);
        Div row = new Div(new Span(getTranslation(label)), value);
        row.addClassName("order-total-row");
        if (id.equals("order-total")) {
            row.addClassName("order-grand-total");
        }
        return row;
    }

    private Component parties(cn.eexpo.orders.order.OrderView o) {
        var c = o.consignee();
        Span idNumber = new Span(o.buyer().idNumber());
        idNumber.setId("order-buyer-id");
        Div buyer = new Div(
                new H2(getTranslation("orders.detail.buyer")),
                new Paragraph(o.buyer().name()),
                idNumber);
        buyer.addClassName("order-party");
        Div consignee = new Div(
                new H2(getTranslation("orders.detail.consignee")),
                new Paragraph(c.name() + " · " + c.phone()),
                new Paragraph(c.province() + " " + c.city() + " " + c.district() + " " + c.addressLine()));
        consignee.addClassName("order-party");
        Div parties = new Div(buyer, consignee);
        parties.addClassName("order-section");
        parties.addClassName("order-parties");
        return parties;
    }
}
