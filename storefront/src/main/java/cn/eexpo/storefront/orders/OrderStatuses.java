package cn.eexpo.storefront.orders;

import cn.eexpo.orders.OrderStatus;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/** How the storefront shows an order's status and times: a translated badge, dates in Asia/Shanghai. */
final class OrderStatuses {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(SHANGHAI);
    static final DateTimeFormatter DAY =
            DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(SHANGHAI);
    static final Set<OrderStatus> AWAITING_PAYMENT = EnumSet.of(OrderStatus.CREATED, OrderStatus.PAYMENT_PENDING);
    private static final Set<OrderStatus> TROUBLE =
            EnumSet.of(OrderStatus.REJECTED, OrderStatus.DETAINED, OrderStatus.CANCELLED, OrderStatus.INSPECTION);
    private static final Set<OrderStatus> GOOD = EnumSet.of(
            OrderStatus.PAID,
            OrderStatus.DECLARED,
            OrderStatus.ACCEPTED,
            OrderStatus.RELEASED,
            OrderStatus.SHIPPED,
            OrderStatus.DELIVERED);

    private OrderStatuses() {}

    /** A badge of the status, its text translated by {@code translate}. */
    static Span badge(OrderStatus status, Function<String, String> translate) {
        Span badge = new Span(translate.apply(key(status)));
        badge.addClassName("order-badge");
        badge.getElement().setAttribute("data-status", status.name());
        var theme = badge.getElement().getThemeList();
        theme.add("badge");
        if (status == OrderStatus.DELIVERED || status == OrderStatus.RELEASED) {
            theme.add("success");
        } else if (status == OrderStatus.REJECTED || status == OrderStatus.DETAINED) {
            theme.add("error");
        } else if (TROUBLE.contains(status) || AWAITING_PAYMENT.contains(status)) {
            theme.add("contrast");
        } else if (!GOOD.contains(status)) {
            theme.add("contrast");
        }
        return badge;
    }

    static String key(OrderStatus status) {
        return "orders.status." + status.name();
    }

    static String time(@Nullable Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    /**
     * Whether the order will change no more without the buyer: delivered, refunded, waiting for returned goods, or
     * given up before it was paid. Until then its page keeps looking.
     */
    static boolean settled(OrderStatus status, @Nullable Instant paidAt) {
        return switch (status) {
            case DELIVERED, REFUNDED, RETURN_REQUESTED -> true;
            case CANCELLED -> paidAt == null;
            default -> false;
        };
    }

    static Component text(String text, String className) {
        Span span = new Span(text);
        span.addClassName(className);
        return span;
    }
}
