package cn.eexpo.orders.returns;

import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.order.Cancellation;
import cn.eexpo.orders.order.OrderStore;
import cn.eexpo.orders.order.UnknownOrderException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A buyer cancels or returns an order; the warehouse (an operator) confirms that returned goods are back. */
@RestController
class ReturnsController {

    private final Returns returns;
    private final Cancellation cancellation;
    private final OrderStore orders;
    private final Accounts accounts;

    ReturnsController(Returns returns, Cancellation cancellation, OrderStore orders, Accounts accounts) {
        this.returns = returns;
        this.cancellation = cancellation;
        this.orders = orders;
        this.accounts = accounts;
    }

    record Reason(@Nullable String reason) {}

    @PostMapping("/api/v1/orders/{orderNo}/cancel")
    Map<String, OrderStatus> cancel(@PathVariable String orderNo) {
        requireOwner(orderNo);
        return Map.of("status", cancellation.cancel(orderNo, "cancelled by the buyer"));
    }

    @PostMapping("/api/v1/orders/{orderNo}/return")
    Map<String, OrderStatus> requestReturn(
            @PathVariable String orderNo, @RequestBody(required = false) @Nullable Reason body) {
        requireOwner(orderNo);
        return Map.of("status", returns.request(orderNo, body == null ? null : body.reason()));
    }

    @PostMapping("/api/v1/operations/returns/{orderNo}/received")
    Map<String, OrderStatus> received(@PathVariable String orderNo) {
        return Map.of("status", returns.received(orderNo));
    }

    private void requireOwner(String orderNo) {
        var account = accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in first."));
        orders.find(orderNo)
                .filter(o -> o.accountId() == account.id())
                .orElseThrow(() -> new UnknownOrderException(orderNo));
    }
}
