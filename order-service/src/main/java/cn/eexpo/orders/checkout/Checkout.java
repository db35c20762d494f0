package cn.eexpo.orders.checkout;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.catalog.StockLine;
import cn.eexpo.catalog.StockReservations;
import cn.eexpo.common.Money;
import cn.eexpo.orders.OrderPlaced;
import cn.eexpo.orders.OrderStatus;
import cn.eexpo.orders.identity.Identities;
import cn.eexpo.orders.order.OrderStore;
import cn.eexpo.orders.order.PlacedOrder;
import cn.eexpo.orders.quota.Quotas;
import cn.eexpo.orders.tax.OrderLimitExceededException;
import cn.eexpo.orders.tax.RetailImportTax;
import cn.eexpo.orders.tax.TaxQuote;
import cn.eexpo.orders.tax.TaxableLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places an order. In one PostgreSQL transaction: the buyer's identity, current prices and stock, the tax, the quota,
 * the stock reservation, the order with its lines and the {@link OrderPlaced} event in the outbox. Nothing of it exists
 * unless all of it does. An Idempotency-Key makes a retried request (a double click, a timeout) return the order the
 * first one placed.
 */
@Service
public class Checkout {

    static final int MAX_LINES = 50;
    static final int MAX_QUANTITY = 99;
    public static final Duration RESERVATION = Duration.ofMinutes(30);
    static final Set<String> PAYMENT_METHODS = Set.of("card", "alipay", "wechat_pay");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final Pattern PHONE = Pattern.compile("1[3-9]\\d{9}");

    private final ProductCatalog catalog;
    private final Identities identities;
    private final Quotas quotas;
    private final StockReservations reservations;
    private final OrderStore orders;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;

    Checkout(
            ProductCatalog catalog,
            Identities identities,
            Quotas quotas,
            StockReservations reservations,
            OrderStore orders,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock) {
        this.catalog = catalog;
        this.identities = identities;
        this.quotas = quotas;
        this.reservations = reservations;
        this.orders = orders;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The order and whether this request created it (false: a retry of an earlier request). */
    public record Placed(PlacedOrder order, boolean created) {}

    public Placed place(long accountId, CheckoutRequest request, @Nullable String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 100)) {
            throw new CheckoutRefusedException("Idempotency-Key", "The Idempotency-Key must be 1 to 100 characters.");
        }
        var hash = sha256(request.canonical());
        if (idempotencyKey != null) {
            var earlier = replay(accountId, idempotencyKey, hash);
            if (earlier != null) {
                return new Placed(earlier, false);
            }
        }
        try {
            var order = transactions.execute(status -> placeInTransaction(accountId, request, idempotencyKey, hash));
            return new Placed(order, true);
        } catch (DuplicateKeyException concurrentRetry) {
            // Another request with the same key committed first: answer with its order.
            var earlier = idempotencyKey == null ? null : replay(accountId, idempotencyKey, hash);
            if (earlier == null) {
                throw concurrentRetry;
            }
            return new Placed(earlier, false);
        }
    }

    private @Nullable PlacedOrder replay(long accountId, String key, String hash) {
        var earlier = orders.findByIdempotencyKey(accountId, key);
        if (earlier.isEmpty()) {
            return null;
        }
        var order = earlier.get();
        if (!orders.requestHash(order.orderNo()).orElse("").equals(hash)) {
            throw new IdempotencyConflictException(order.orderNo());
        }
        return order;
    }

    /**
     * What the lines would cost as one order now, without placing it: goods at current prices, the freight, the tax
     * per line and in total under the rule that applies (for a product page, a cart or the checkout summary). Refuses
     * lines that checkout would refuse for the products themselves (unknown SKU, too many units) with a reason; the
     * buyer's quota is not looked at.
     *
     * @throws OrderLimitExceededException when the goods exceed the CNY 5,000 a single cross-border order may hold
     */
    public TaxQuote estimate(List<CheckoutRequest.Line> lines) {
        var wanted = lines(lines);
        var products = new ArrayList<ProductDetails>(wanted.size());
        for (var sku : wanted.keySet()) {
            products.add(catalog.find(new Sku(sku))
                    .orElseThrow(() ->
                            new CheckoutRefusedException("lines", "Product " + sku + " is not for sale (any more).")));
        }
        return quote(products, List.copyOf(wanted.values()));
    }

    /**
     * The same for units of one product the caller has just read (a product page), without reading it again: at the
     * price it was read at.
     *
     * @throws OrderLimitExceededException when the goods exceed the CNY 5,000 a single cross-border order may hold
     */
    public TaxQuote estimate(ProductDetails product, int units) {
        var wanted = lines(List.of(new CheckoutRequest.Line(product.sku(), units)));
        return quote(List.of(product), List.copyOf(wanted.values()));
    }

    /** The quote for products and their units, in the same order. */
    private static TaxQuote quote(List<ProductDetails> products, List<Integer> units) {
        var taxable = new ArrayList<TaxableLine>(products.size());
        var goodsValue = Money.ZERO;
        for (int i = 0; i < products.size(); i++) {
            var p = products.get(i);
            int quantity = units.get(i);
            goodsValue = goodsValue.plus(p.priceInFen().times(quantity));
            taxable.add(new TaxableLine(
                    p.sku(), p.priceInFen(), quantity, p.vatRate(), p.consumptionTaxRate(), p.tariffRate()));
        }
        return RetailImportTax.quote(taxable, Freight.of(products.getFirst().tradeMode(), goodsValue));
    }

    private PlacedOrder placeInTransaction(
            long accountId, CheckoutRequest request, @Nullable String idempotencyKey, String hash) {
        var identity = identities
                .of(accountId)
                .orElseThrow(() -> new CheckoutRefusedException(
                        "identity",
                        "Cross-border orders need the buyer's real-name identity: register your name, ID number and"
                                + " phone first."));
        var consignee = consignee(request.consignee());
        var method = request.paymentMethod() == null ? "card" : request.paymentMethod();
        if (!PAYMENT_METHODS.contains(method)) {
            throw new CheckoutRefusedException("paymentMethod", "Payment method must be card, alipay or wechat_pay.");
        }
        var wanted = lines(request.lines());
        var products = new ArrayList<ProductDetails>();
        for (var e : wanted.entrySet()) {
            var product = catalog.find(new Sku(e.getKey()))
                    .orElseThrow(() -> new CheckoutRefusedException(
                            "lines", "Product " + e.getKey() + " is not for sale (any more)."));
            products.add(product);
        }
        var first = products.getFirst();
        for (var p : products) {
            if (!p.exhibitor().code().equals(first.exhibitor().code())) {
                throw new CheckoutRefusedException(
                        "lines",
                        "Each seller's goods are a customs order of their own: order " + first.sku() + " and " + p.sku()
                                + " in separate orders.");
            }
            if (!p.warehouse().code().equals(first.warehouse().code())
                    || !p.tradeMode().equals(first.tradeMode())) {
                throw new CheckoutRefusedException(
                        "lines",
                        "Goods from different warehouses clear customs separately: order " + first.sku() + " and "
                                + p.sku() + " in separate orders.");
            }
        }
        var goodsValue = Money.ZERO;
        var taxable = new ArrayList<TaxableLine>();
        for (var p : products) {
            int quantity = wanted.get(p.sku());
            goodsValue = goodsValue.plus(p.priceInFen().times(quantity));
            taxable.add(new TaxableLine(
                    p.sku(), p.priceInFen(), quantity, p.vatRate(), p.consumptionTaxRate(), p.tariffRate()));
        }
        var freight = Freight.of(first.tradeMode(), goodsValue);
        var quote = RetailImportTax.quote(taxable, freight);

        var now = clock.instant();
        var orderNo = orders.nextOrderNo(DAY.format(now.atZone(SHANGHAI)));
        quotas.consume(identity.idNumberHash(), orderNo, quote.goodsValue().plus(quote.freight()), now);
        var expires = now.plus(RESERVATION);

        var orderLines = new ArrayList<PlacedOrder.Line>();
        for (int i = 0; i < products.size(); i++) {
            var p = products.get(i);
            var t = quote.lines().get(i);
            orderLines.add(new PlacedOrder.Line(
                    i + 1,
                    p.sku(),
                    p.name(),
                    p.nameEn(),
                    p.brand(),
                    p.hsCode(),
                    p.origin().customsCode(),
                    p.customsUnit(),
                    p.legalUnit(),
                    p.legalQuantity(),
                    p.netWeightKg(),
                    p.grossWeightKg(),
                    p.itemRecordNo(),
                    p.barcode(),
                    t.line().quantity(),
                    t.line().unitPrice(),
                    t.value(),
                    t.freightShare(),
                    t.tax(),
                    p.vatRate(),
                    p.consumptionTaxRate(),
                    p.tariffRate()));
        }
        var order = new PlacedOrder(
                orderNo,
                accountId,
                OrderStatus.CREATED,
                first.tradeMode(),
                first.warehouse().code(),
                new PlacedOrder.Seller(
                        first.exhibitor().code(),
                        first.exhibitor().customsCode(),
                        first.exhibitor().name()),
                new PlacedOrder.Buyer(
                        identity.name(),
                        identity.sealedIdNumber(),
                        identity.idNumberHash(),
                        identity.maskedIdNumber(),
                        identity.phone()),
                consignee,
                orderLines,
                quote.goodsValue(),
                quote.freight(),
                quote.taxTotal(),
                Money.ZERO,
                quote.total(),
                quote.rule().name(),
                method,
                null,
                null,
                Money.ZERO,
                expires,
                now,
                null,
                null);
        orders.insert(order, idempotencyKey, hash);
        events.publishEvent(new OrderPlaced(orderNo));
        // Last before the commit: the stock rows are the ones every buyer of a product contends for, so their locks
        // are held for as short a time as possible.
        reservations.reserve(
                orderNo,
                products.stream()
                        .map(p -> new StockLine(p.sku(), p.warehouse().code(), wanted.get(p.sku())))
                        .toList(),
                expires);
        return order;
    }

    private static Map<String, Integer> lines(@Nullable List<CheckoutRequest.Line> lines) {
        if (lines == null || lines.isEmpty()) {
            throw new CheckoutRefusedException("lines", "An order needs at least one product.");
        }
        var merged = new LinkedHashMap<String, Integer>();
        for (var line : lines) {
            if (line.sku() == null || line.sku().isBlank()) {
                throw new CheckoutRefusedException("lines", "Every line needs a sku.");
            }
            var sku = line.sku().trim();
            int quantity = line.quantity() == null ? 1 : line.quantity();
            if (quantity < 1) {
                throw new CheckoutRefusedException("lines", "The quantity of " + sku + " must be at least 1.");
            }
            merged.merge(sku, quantity, Integer::sum);
            if (merged.get(sku) > MAX_QUANTITY) {
                throw new CheckoutRefusedException(
                        "lines", "At most " + MAX_QUANTITY + " of one product per order (" + sku + ").");
            }
        }
        if (merged.size() > MAX_LINES) {
            throw new CheckoutRefusedException("lines", "At most " + MAX_LINES + " products per order.");
        }
        return merged;
    }

    private static PlacedOrder.Consignee consignee(CheckoutRequest.@Nullable Consignee c) {
        if (c == null) {
            throw new CheckoutRefusedException("consignee", "Say who receives the goods and where.");
        }
        var name = required("consignee.name", c.name(), 60);
        var phone = required("consignee.phone", c.phone(), 20).replace(" ", "");
        if (!PHONE.matcher(phone).matches()) {
            throw new CheckoutRefusedException(
                    "consignee.phone", "The consignee's phone must be a mainland mobile number (11 digits, 1[3-9]…).");
        }
        return new PlacedOrder.Consignee(
                name,
                phone,
                required("consignee.province", c.province(), 30),
                required("consignee.city", c.city(), 30),
                required("consignee.district", c.district(), 30),
                required("consignee.address", c.address(), 200));
    }

    private static String required(String field, @Nullable String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new CheckoutRefusedException(field, field + " is required.");
        }
        var trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw new CheckoutRefusedException(field, field + " is longer than " + maxLength + " characters.");
        }
        return trimmed;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
