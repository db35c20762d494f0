package cn.eexpo.orders.order;

import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import java.util.List;
import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The signed-in buyer's own orders, as the buyer sees them (the ID number masked). Another buyer's order is answered as
 * if it did not exist.
 */
@Service
public class BuyerOrders {

    private final OrderStore orders;
    private final Accounts accounts;

    BuyerOrders(OrderStore orders, Accounts accounts) {
        this.orders = orders;
        this.accounts = accounts;
    }

    /** The newest orders first, at most {@code limit} (1 to 100). */
    public List<OrderView> mine(int limit) {
        var account = signedIn();
        return orders.ofAccount(account.id(), Math.clamp(limit, 1, 100)).stream()
                .map(o -> OrderView.of(o, orders.history(o.orderNo())))
                .toList();
    }

    public Optional<OrderView> mine(String orderNo) {
        var account = signedIn();
        return orders.find(orderNo)
                .filter(o -> o.accountId() == account.id())
                .map(o -> OrderView.of(o, orders.history(orderNo)));
    }

    private Account signedIn() {
        return accounts.current().orElseThrow(() -> new AccessDeniedException("Sign in to see your orders."));
    }
}
