package cn.eexpo.orders.order;

import cn.eexpo.orders.OrderForFiling;
import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.Orders;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.identity.Identities;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/** The orders module's API to other modules: the customs filing reads orders, customs receipts move them. */
@Service
class OrdersFacade implements Orders {

    private static final Set<OrderStatus> FROM_CUSTOMS = EnumSet.of(
            OrderStatus.DECLARED,
            OrderStatus.ACCEPTED,
            OrderStatus.RELEASED,
            OrderStatus.REJECTED,
            OrderStatus.INSPECTION,
            OrderStatus.DETAINED);

    private final OrderStore orders;
    private final OrderTransitions transitions;
    private final Identities identities;
    private final Accounts accounts;

    OrdersFacade(OrderStore orders, OrderTransitions transitions, Identities identities, Accounts accounts) {
        this.orders = orders;
        this.transitions = transitions;
        this.accounts = accounts;
        this.identities = identities;
    }

    @Override
    public Optional<OrderForFiling> forFiling(String orderNo) {
        return orders.find(orderNo).map(this::filing);
    }

    @Override
    public CustomsMove customsStatus(String orderNo, OrderStatus status, String cause) {
        if (!FROM_CUSTOMS.contains(status)) {
            throw new IllegalArgumentException(status + " is not a status customs gives");
        }
        var outcome = transitions.move(orderNo, status, cause);
        return new CustomsMove(outcome.status(), outcome.result() == OrderTransitions.Result.MOVED);
    }

    @Override
    public Optional<OrderStatus> status(String orderNo) {
        return orders.peek(orderNo).map(OrderStore.Locked::status);
    }

    @Override
    public boolean visibleToCurrentUser(String orderNo) {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null
                && authentication.getAuthorities().stream().anyMatch(a -> "ROLE_OPERATOR".equals(a.getAuthority()))) {
            return orders.find(orderNo).isPresent();
        }
        return accounts.current()
                .flatMap(account -> orders.find(orderNo).filter(o -> o.accountId() == account.id()))
                .isPresent();
    }

    private OrderForFiling filing(PlacedOrder o) {
        var c = o.consignee();
        return new OrderForFiling(
                o.orderNo(),
                o.status(),
                o.tradeMode(),
                o.warehouseCode(),
                o.seller().customsCode(),
                o.seller().name(),
                o.accountId(),
                o.buyer().name(),
                identities.unseal(o.buyer().sealedIdNumber()),
                o.buyer().phone(),
                c.name(),
                c.phone(),
                c.province() + c.city() + c.district() + c.addressLine(),
                o.goodsValue().yuan(),
                o.freight().yuan(),
                o.tax().yuan(),
                o.discount().yuan(),
                o.total().yuan(),
                o.paymentIntentId(),
                o.paidAt(),
                o.lines().stream()
                        .map(l -> new OrderForFiling.Line(
                                l.lineNo(),
                                l.sku(),
                                l.nameZh(),
                                l.nameEn(),
                                l.brand(),
                                l.hsCode(),
                                l.originCountry(),
                                l.customsUnit(),
                                l.legalUnit(),
                                l.legalQuantity().multiply(java.math.BigDecimal.valueOf(l.quantity())),
                                l.netWeightKg().multiply(java.math.BigDecimal.valueOf(l.quantity())),
                                l.grossWeightKg().multiply(java.math.BigDecimal.valueOf(l.quantity())),
                                l.itemRecordNo(),
                                l.barcode(),
                                l.quantity(),
                                l.unitPrice().yuan(),
                                l.value().yuan()))
                        .toList());
    }
}
