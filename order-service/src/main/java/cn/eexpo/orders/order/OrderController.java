package cn.eexpo.orders.order;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's own orders. Another buyer's order is answered as if it did not exist. */
@RestController
class OrderController {

    private final OrderStore orders;
    private final Accounts accounts;

    OrderController(OrderStore orders, Accounts accounts) {
        this.orders = orders;
        this.accounts = accounts;
    }

    @GetMapping("/api/v1/orders")
    List<OrderView> mine(@RequestParam(defaultValue = "20") int limit) {
        var account = signedIn();
        return orders.ofAccount(account.id(), Math.clamp(limit, 1, 100)).stream()
                .map(o -> OrderView.of(o, orders.history(o.orderNo())))
                .toList();
    }

    @GetMapping("/api/v1/orders/{orderNo}")
    OrderView one(@PathVariable String orderNo) {
        var order = owned(orderNo, signedIn());
        return OrderView.of(order, orders.history(orderNo));
    }

    private PlacedOrder owned(String orderNo, Account account) {
        return orders.find(orderNo)
                .filter(o -> o.accountId() == account.id())
                .orElseThrow(() -> new UnknownOrderException(orderNo));
    }

    private Account signedIn() {
        return accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in to see your orders."));
    }
}
