package cn.eexpo.orders.order;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A buyer's own orders. Another buyer's order is answered as if it did not exist. */
@RestController
class OrderController {

    private final BuyerOrders orders;

    OrderController(BuyerOrders orders) {
        this.orders = orders;
    }

    @GetMapping("/api/v1/orders")
    List<OrderView> mine(@RequestParam(defaultValue = "20") int limit) {
        return orders.mine(limit);
    }

    @GetMapping("/api/v1/orders/{orderNo}")
    OrderView one(@PathVariable String orderNo) {
        return orders.mine(orderNo).orElseThrow(() -> new UnknownOrderException(orderNo));
    }
}
