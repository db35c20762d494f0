package cn.eexpo.orders.cart;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import cn.eexpo.common.Money;
import cn.eexpo.orders.account.Account;
import cn.eexpo.orders.account.Accounts;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shopper's cart. An anonymous shopper's cart is found by the {@value #COOKIE} cookie, issued on the first write;
 * a signed-in shopper (HTTP Basic) uses the account's cart, and an anonymous cart the request still carries is merged
 * into it and its cookie cleared (merged on sign-in). Lines are shown with the catalog's current name, price and stock,
 * read from PostgreSQL on every request: the cart itself holds only SKUs and quantities.
 */
@RestController
@RequestMapping("/api/v1/cart")
class CartController {

    static final String COOKIE = "eexpo-cart";
    private static final Duration COOKIE_LIFE = Duration.ofDays(30);

    private final Carts carts;
    private final ProductCatalog catalog;
    private final Accounts accounts;

    CartController(Carts carts, ProductCatalog catalog, Accounts accounts) {
        this.carts = carts;
        this.catalog = catalog;
        this.accounts = accounts;
    }

    @GetMapping
    CartView cart(HttpServletRequest request, HttpServletResponse response) {
        Owner owner = owner(request, response, false);
        if (owner.cart != null) {
            return view(owner.cart, List.of());
        }
        return owner.owner == null ? CartView.EMPTY : view(carts.get(owner.owner), List.of());
    }

    /** Adds units of a product: a new line, or more of a line the cart has. {@code quantity} defaults to 1. */
    @PostMapping("/lines")
    CartView add(@RequestBody AddLine body, HttpServletRequest request, HttpServletResponse response) {
        Sku sku = sku(body.sku());
        int quantity = body.quantity() == null ? 1 : body.quantity();
        Owner owner = owner(request, response, true);
        Cart cart = carts.add(owner.required(), sku, quantity);
        keepCookie(request, response, owner);
        return view(cart, owner.notes);
    }

    /** Sets a line's quantity; 0 removes it. */
    @PutMapping("/lines/{sku}")
    CartView set(
            @PathVariable String sku,
            @RequestBody SetQuantity body,
            HttpServletRequest request,
            HttpServletResponse response) {
        Sku product = sku(sku);
        if (body.quantity() == null) {
            throw new IllegalArgumentException("quantity is required (0 removes the line).");
        }
        Owner owner = owner(request, response, true);
        Cart cart = carts.set(owner.required(), product, body.quantity());
        keepCookie(request, response, owner);
        return view(cart, owner.notes);
    }

    @DeleteMapping("/lines/{sku}")
    CartView remove(@PathVariable String sku, HttpServletRequest request, HttpServletResponse response) {
        Sku product = sku(sku);
        Owner owner = owner(request, response, false);
        if (owner.owner == null) {
            return CartView.EMPTY;
        }
        return view(carts.remove(owner.owner, product), owner.notes);
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void clear(HttpServletRequest request, HttpServletResponse response) {
        Owner owner = owner(request, response, false);
        if (owner.owner != null) {
            carts.clear(owner.owner);
        }
    }

    record AddLine(@Nullable String sku, @Nullable Integer quantity) {}

    record SetQuantity(@Nullable Integer quantity) {}

    /**
     * The cart with current product facts. Prices are CNY, as in the catalog API; {@code goodsValue} sums the lines
     * whose product is still sold. {@code problem} flags a line checkout would refuse: {@code UNAVAILABLE} (no longer
     * sold), {@code SOLD_OUT}, {@code INSUFFICIENT_STOCK} (more units than available).
     */
    record CartView(List<LineView> lines, BigDecimal goodsValue, String currency, int lineCount, List<NoteView> notes) {

        static final CartView EMPTY = new CartView(List.of(), Money.ZERO.yuan(), Money.CURRENCY, 0, List.of());
    }

    record LineView(
            String sku,
            @Nullable String name,
            @Nullable String nameEn,
            @Nullable String imageUrl,
            @Nullable BigDecimal unitPrice,
            int quantity,
            @Nullable BigDecimal lineValue,
            int available,
            @Nullable String warehouse,
            @Nullable String tradeMode,
            @Nullable String problem) {}

    record NoteView(String kind, String sku, int quantity, String message) {}

    private CartView view(Cart cart, List<CartNote> earlier) {
        List<LineView> lines = new ArrayList<>(cart.lineCount());
        Money goods = Money.ZERO;
        for (CartLine line : cart.lines()) {
            Optional<ProductDetails> found = catalog.find(line.sku());
            if (found.isEmpty()) {
                lines.add(new LineView(
                        line.sku().value(),
                        null,
                        null,
                        null,
                        null,
                        line.quantity(),
                        null,
                        0,
                        null,
                        null,
                        "UNAVAILABLE"));
                continue;
            }
            ProductDetails product = found.get();
            Money value = product.priceInFen().times(line.quantity());
            goods = goods.plus(value);
            String problem = product.available() == 0
                    ? "SOLD_OUT"
                    : line.quantity() > product.available() ? "INSUFFICIENT_STOCK" : null;
            lines.add(new LineView(
                    product.sku(),
                    product.name(),
                    product.nameEn(),
                    product.imageUrl(),
                    product.priceInFen().yuan(),
                    line.quantity(),
                    value.yuan(),
                    product.available(),
                    product.warehouse().code(),
                    product.tradeMode(),
                    problem));
        }
        List<NoteView> notes = new ArrayList<>();
        for (CartNote note : earlier) {
            notes.add(note(note));
        }
        for (CartNote note : cart.notes()) {
            notes.add(note(note));
        }
        return new CartView(lines, goods.yuan(), Money.CURRENCY, lines.size(), notes);
    }

    private static NoteView note(CartNote note) {
        return new NoteView(note.kind().name(), note.sku().value(), note.quantity(), note.message());
    }

    private static Sku sku(@Nullable String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("sku is required.");
        }
        return Sku.of(text);
    }

    /**
     * Whose cart this request works on. A signed-in account's, after merging in the anonymous cart of the request's
     * cookie (then cleared); else the cookie's; else, when {@code issue}, a new anonymous cart (its cookie is issued
     * once a write to it succeeded).
     */
    private Owner owner(HttpServletRequest request, HttpServletResponse response, boolean issue) {
        Optional<String> token = token(request);
        Optional<Account> account = accounts.current();
        if (account.isPresent()) {
            CartOwner owner = CartOwner.account(account.get().id());
            if (token.isEmpty()) {
                return new Owner(owner, null, List.of());
            }
            Cart merged = carts.merge(CartOwner.anonymous(token.get()), owner);
            cookie(request, response, "", Duration.ZERO);
            return new Owner(owner, merged, merged.notes());
        }
        if (token.isPresent()) {
            return new Owner(CartOwner.anonymous(token.get()), null, List.of());
        }
        return new Owner(issue ? CartOwner.newAnonymous() : null, null, List.of());
    }

    /**
     * After a successful write to an anonymous cart: issues its cookie, or renews it so that it lives as long as the
     * cart it keeps alive in Redis. A refused write issues nothing.
     */
    private static void keepCookie(HttpServletRequest request, HttpServletResponse response, Owner owner) {
        if (owner.owner != null && owner.owner.isAnonymous()) {
            cookie(request, response, owner.owner.id(), COOKIE_LIFE);
        }
    }

    private static Optional<String> token(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName()) && CartOwner.isToken(cookie.getValue())) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    private static void cookie(HttpServletRequest request, HttpServletResponse response, String value, Duration life) {
        ResponseCookie cookie = ResponseCookie.from(COOKIE, value)
                .httpOnly(true)
                .secure(request.isSecure())
                .sameSite("Lax")
                .path("/")
                .maxAge(life)
                .build();
        response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
    }

    /** The cart owner of a request (none: an anonymous reader without a cart), and a merge's result if one ran. */
    private record Owner(
            @Nullable CartOwner owner, @Nullable Cart cart, List<CartNote> notes) {

        CartOwner required() {
            if (owner == null) {
                throw new IllegalStateException("no cart owner");
            }
            return owner;
        }
    }
}
