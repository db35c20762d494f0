package cn.eexpo.storefront.cart;

import cn.eexpo.catalog.Sku;
import cn.eexpo.orders.account.Accounts;
import cn.eexpo.orders.cart.Cart;
import cn.eexpo.orders.cart.CartLine;
import cn.eexpo.orders.cart.CartOwner;
import cn.eexpo.orders.cart.Carts;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.shared.Registration;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The cart of whoever uses the current UI: the signed-in account's, or an anonymous shopper's known by the
 * {@value #COOKIE} cookie (the same cookie the REST API uses, so it is one cart whichever way the shopper comes). On the
 * first request after signing in, the anonymous cart is merged into the account's and the cookie is dropped. Every
 * change is announced on the UI as a {@link CartChanged} event, which the header's badge listens to.
 */
@Component
public class ShopperCart {

    static final String COOKIE = "eexpo-cart";
    private static final String TOKEN = ShopperCart.class.getName() + ".token";
    private static final Duration COOKIE_LIFE = Duration.ofDays(30);

    private final Carts carts;
    private final Accounts accounts;

    ShopperCart(Carts carts, Accounts accounts) {
        this.carts = carts;
        this.accounts = accounts;
    }

    /** The shopper's cart as it is now; an anonymous shopper without a cart yet has an empty one. */
    public Cart cart() {
        return owner(false).map(carts::get).orElseGet(() -> Cart.empty(CartOwner.newAnonymous()));
    }

    public Cart add(Sku sku, int quantity) {
        return changed(carts.add(owner(true).orElseThrow(), sku, quantity));
    }

    public Cart set(Sku sku, int quantity) {
        return changed(carts.set(owner(true).orElseThrow(), sku, quantity));
    }

    public Cart remove(Sku sku) {
        return changed(carts.remove(owner(true).orElseThrow(), sku));
    }

    /** Empties the cart, after an order was placed from it. */
    public void clear() {
        owner(false).ifPresent(owner -> {
            carts.clear(owner);
            changed(Cart.empty(owner));
        });
    }

    /** How many units the cart holds, for the header's badge. */
    public int units() {
        return units(cart());
    }

    public static int units(Cart cart) {
        return cart.lines().stream().mapToInt(CartLine::quantity).sum();
    }

    /** Calls the listener whenever this UI's cart changes. */
    public static Registration onChange(UI ui, ComponentEventListener<CartChanged> listener) {
        return ComponentUtil.addListener(ui, CartChanged.class, listener);
    }

    /** The cart of a UI changed; {@link #units()} is what it holds now. */
    public static final class CartChanged extends ComponentEvent<UI> {

        private final int units;

        CartChanged(UI ui, int units) {
            super(ui, false);
            this.units = units;
        }

        public int units() {
            return units;
        }
    }

    private Cart changed(Cart cart) {
        UI ui = UI.getCurrent();
        if (ui != null) {
            ComponentUtil.fireEvent(ui, new CartChanged(ui, units(cart)));
        }
        return cart;
    }

    /**
     * Whose cart: the account's when signed in (after taking over an anonymous cart), else the anonymous token of the
     * session or its cookie, or a new one when {@code create}.
     */
    private Optional<CartOwner> owner(boolean create) {
        VaadinSession session = VaadinSession.getCurrent();
        String token = session == null ? null : anonymousToken(session);
        var account = accounts.current();
        if (account.isPresent()) {
            CartOwner owner = CartOwner.account(account.get().id());
            if (token != null) {
                carts.merge(CartOwner.anonymous(token), owner);
                session.setAttribute(TOKEN, null);
                writeCookie("", 0);
            }
            return Optional.of(owner);
        }
        if (token == null && create && session != null) {
            CartOwner fresh = CartOwner.newAnonymous();
            session.setAttribute(TOKEN, fresh.id());
            writeCookie(fresh.id(), (int) COOKIE_LIFE.toSeconds());
            return Optional.of(fresh);
        }
        return Optional.ofNullable(token).map(CartOwner::anonymous);
    }

    private static @Nullable String anonymousToken(VaadinSession session) {
        Object known = session.getAttribute(TOKEN);
        if (known instanceof String token) {
            return token;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getCookies() == null) {
            return null;
        }
        String fromCookie = Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()) && CartOwner.isToken(c.getValue()))
                .map(Cookie::getValue)
                .findFirst()
                .orElse(null);
        if (fromCookie != null) {
            session.setAttribute(TOKEN, fromCookie);
        }
        return fromCookie;
    }

    private static void writeCookie(String value, int maxAge) {
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, value);
            cookie.setPath("/");
            cookie.setMaxAge(maxAge);
            cookie.setHttpOnly(true);
            cookie.setAttribute("SameSite", "Lax");
            response.addCookie(cookie);
        }
    }
}
