package cn.eexpo.storefront.cart;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.common.Money;
import cn.eexpo.orders.cart.Cart;
import cn.eexpo.orders.cart.Carts;
import cn.eexpo.orders.checkout.Checkout;
import cn.eexpo.orders.checkout.CheckoutRefusedException;
import cn.eexpo.orders.checkout.CheckoutRequest;
import cn.eexpo.orders.tax.OrderLimitExceededException;
import cn.eexpo.orders.tax.TaxQuote;
import cn.eexpo.orders.tax.TaxRule;
import cn.eexpo.orders.tax.TaxedLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * A cart as the shopper sees it: each line with the catalog's product as it is now (or why it can no longer be ordered
 * as it stands), grouped into shipments — the goods of one seller from one warehouse in one trade mode, which is what
 * one cross-border order (one customs declaration) may hold — and each shipment priced by {@link Checkout#estimate}.
 */
@Component
public class CartPricing {

    private final ProductCatalog catalog;
    private final Checkout checkout;

    CartPricing(ProductCatalog catalog, Checkout checkout) {
        this.catalog = catalog;
        this.checkout = checkout;
    }

    /** Why a line cannot be ordered as it stands. */
    public enum Problem {
        NONE,
        /** The product is no longer listed. */
        NOT_SOLD,
        SOLD_OUT,
        /** The line holds more units than are available. */
        TOO_MANY
    }

    /** A cart line with its product (absent when it is no longer sold). */
    public record Item(Sku sku, int quantity, @Nullable ProductDetails product, Problem problem) {

        public boolean orderable() {
            return problem == Problem.NONE;
        }

        public String name(Locale locale) {
            if (product == null) {
                return sku.value();
            }
            return english(locale) ? product.nameEn() : product.name();
        }

        /** The most units the line may hold now: the available stock, at most {@value Carts#MAX_QUANTITY}. */
        public int maxQuantity() {
            return product == null ? 0 : Math.min(Carts.MAX_QUANTITY, product.available());
        }
    }

    /**
     * Goods that are one order: their seller, warehouse and trade mode, the orderable items and what they cost.
     *
     * @param quote the price of the items as one order; empty when they are over the per-order limit or none is
     *     orderable
     * @param overLimit set when the items exceed the CNY 5,000 of one order
     */
    public record Shipment(
            String sellerCode,
            String sellerName,
            String sellerNameEn,
            String warehouseName,
            String warehouseNameEn,
            String tradeMode,
            List<Item> items,
            Optional<TaxQuote> quote,
            @Nullable OrderLimitExceededException overLimit,
            @Nullable String refusal) {

        public List<Item> orderable() {
            return items.stream().filter(Item::orderable).toList();
        }

        /** The tax of an item of this shipment, when it is priced. */
        public Optional<TaxedLine> taxed(Sku sku) {
            return quote.flatMap(q -> q.lines().stream()
                    .filter(l -> sku.value().equals(l.line().sku()))
                    .findFirst());
        }

        public boolean fullRate() {
            return quote.map(q -> q.rule() == TaxRule.FULL_RATE_SINGLE_ITEM).orElse(false);
        }

        public String warehouse(Locale locale) {
            return english(locale) ? warehouseNameEn : warehouseName;
        }

        public String seller(Locale locale) {
            return english(locale) ? sellerNameEn : sellerName;
        }

        /** The lines to place this shipment as an order. */
        public List<CheckoutRequest.Line> lines() {
            return orderable().stream()
                    .map(i -> new CheckoutRequest.Line(i.sku().value(), i.quantity()))
                    .toList();
        }
    }

    /** A cart priced: its items in cart order, its shipments, and totals over every shipment that could be priced. */
    public record Priced(
            List<Item> items,
            List<Shipment> shipments,
            List<Item> unavailable,
            Money goods,
            Money freight,
            Money tax,
            Money total) {

        public boolean isEmpty() {
            return items.isEmpty();
        }

        public boolean hasProblems() {
            return items.stream().anyMatch(i -> !i.orderable());
        }

        public boolean overLimit() {
            return shipments.stream().anyMatch(s -> s.overLimit() != null);
        }

        public Optional<Shipment> shipmentOf(Sku sku) {
            return shipments.stream()
                    .filter(s -> s.items().stream().anyMatch(i -> i.sku().equals(sku)))
                    .findFirst();
        }
    }

    static boolean english(Locale locale) {
        return Locale.ENGLISH.getLanguage().equals(locale.getLanguage());
    }

    public Priced price(Cart cart) {
        var items = new ArrayList<Item>();
        for (var line : cart.lines()) {
            var product = catalog.find(line.sku()).orElse(null);
            Problem problem;
            if (product == null) {
                problem = Problem.NOT_SOLD;
            } else if (product.available() <= 0) {
                problem = Problem.SOLD_OUT;
            } else if (line.quantity() > product.available()) {
                problem = Problem.TOO_MANY;
            } else {
                problem = Problem.NONE;
            }
            items.add(new Item(line.sku(), line.quantity(), product, problem));
        }
        var grouped = new LinkedHashMap<String, List<Item>>();
        var unavailable = new ArrayList<Item>();
        for (var item : items) {
            if (item.product() == null) {
                unavailable.add(item);
            } else {
                var p = item.product();
                grouped.computeIfAbsent(
                                p.exhibitor().code() + "|" + p.warehouse().code() + "|" + p.tradeMode(),
                                k -> new ArrayList<>())
                        .add(item);
            }
        }
        var shipments = new ArrayList<Shipment>();
        var goods = Money.ZERO;
        var freight = Money.ZERO;
        var tax = Money.ZERO;
        for (Map.Entry<String, List<Item>> group : grouped.entrySet()) {
            var shipment = shipment(group.getValue());
            shipments.add(shipment);
            if (shipment.quote().isPresent()) {
                var q = shipment.quote().get();
                goods = goods.plus(q.goodsValue());
                freight = freight.plus(q.freight());
                tax = tax.plus(q.taxTotal());
            } else {
                for (var item : shipment.orderable()) {
                    goods = goods.plus(item.product().priceInFen().times(item.quantity()));
                }
            }
        }
        return new Priced(
                List.copyOf(items),
                List.copyOf(shipments),
                List.copyOf(unavailable),
                goods,
                freight,
                tax,
                goods.plus(freight).plus(tax));
    }

    private Shipment shipment(List<Item> items) {
        var first = items.getFirst().product();
        var lines = items.stream()
                .filter(Item::orderable)
                .map(i -> new CheckoutRequest.Line(i.sku().value(), i.quantity()))
                .toList();
        TaxQuote quote = null;
        OrderLimitExceededException overLimit = null;
        String refusal = null;
        if (!lines.isEmpty()) {
            try {
                quote = checkout.estimate(lines);
            } catch (OrderLimitExceededException e) {
                overLimit = e;
            } catch (CheckoutRefusedException e) {
                refusal = e.getMessage();
            }
        }
        return new Shipment(
                first.exhibitor().code(),
                first.exhibitor().name(),
                first.exhibitor().nameEn(),
                first.warehouse().name(),
                first.warehouse().nameEn(),
                first.tradeMode(),
                List.copyOf(items),
                Optional.ofNullable(quote),
                overLimit,
                refusal);
    }
}
