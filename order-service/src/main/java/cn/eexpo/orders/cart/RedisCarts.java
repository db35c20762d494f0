package cn.eexpo.orders.cart;

import cn.eexpo.catalog.ProductCatalog;
import cn.eexpo.catalog.ProductDetails;
import cn.eexpo.catalog.Sku;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link Carts} on the {@link RedisCartStore}, checking products against the {@link ProductCatalog} before writing:
 * the SKU must be listed, and the line may hold at most the units available when it is written (the store checks that
 * atomically against the line as it is). Public so that the cart benchmark can run it outside Spring.
 */
public final class RedisCarts implements Carts {

    private final RedisCartStore store;
    private final ProductCatalog catalog;

    public RedisCarts(RedisCartStore store, ProductCatalog catalog) {
        this.store = store;
        this.catalog = catalog;
    }

    @Override
    public Cart get(CartOwner owner) {
        return store.get(owner);
    }

    @Override
    public Cart add(CartOwner owner, Sku sku, int quantity) {
        if (quantity < 1 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("The quantity to add must be between 1 and " + MAX_QUANTITY + ".");
        }
        return store.write(
                owner, sku, RedisCartStore.Mode.ADD, quantity, listed(sku).available());
    }

    @Override
    public Cart set(CartOwner owner, Sku sku, int quantity) {
        if (quantity < 0 || quantity > MAX_QUANTITY) {
            throw new IllegalArgumentException("A line's quantity must be between 0 and " + MAX_QUANTITY + ".");
        }
        if (quantity == 0) {
            return remove(owner, sku);
        }
        return store.write(
                owner, sku, RedisCartStore.Mode.SET, quantity, listed(sku).available());
    }

    @Override
    public Cart remove(CartOwner owner, Sku sku) {
        return store.write(owner, sku, RedisCartStore.Mode.SET, 0, -1);
    }

    @Override
    public void clear(CartOwner owner) {
        store.clear(owner);
    }

    @Override
    public Cart merge(CartOwner anonymous, CartOwner account) {
        if (!anonymous.isAnonymous() || account.isAnonymous()) {
            throw new IllegalArgumentException("a merge moves an anonymous cart into an account's cart");
        }
        Cart from = store.get(anonymous);
        if (from.isEmpty()) {
            return store.get(account);
        }
        Map<Sku, Integer> available = new LinkedHashMap<>();
        for (CartLine line : from.lines()) {
            available.put(
                    line.sku(),
                    catalog.find(line.sku()).map(ProductDetails::available).orElse(0));
        }
        return store.merge(anonymous, account, available);
    }

    /** Seconds the cart has left in Redis (-2: none). For tests and diagnostics. */
    long timeToLive(CartOwner owner) {
        return store.timeToLive(owner);
    }

    private ProductDetails listed(Sku sku) {
        return catalog.find(sku).orElseThrow(() -> new UnknownProductException(sku));
    }
}
