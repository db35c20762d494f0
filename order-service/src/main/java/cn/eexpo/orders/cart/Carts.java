package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;

/**
 * Shoppers' carts, held in Redis for 30 days after the last write. A cart is never authoritative: checkout re-reads
 * prices and stock, and losing Redis loses carts, never orders. Every write is atomic in Redis, so concurrent requests
 * on one cart lose nothing.
 *
 * <p>Limits: at most {@value #MAX_LINES} lines, each of 1 to {@value #MAX_QUANTITY} units (a line that would grow
 * beyond that is capped and the cart says so in its notes).
 *
 * @throws CartUnavailableException from every method while Redis cannot be reached
 */
public interface Carts {

    int MAX_LINES = 200;

    int MAX_QUANTITY = 99;

    /** The cart, empty when there is none. Does not extend its life: only writes do. */
    Cart get(CartOwner owner);

    /**
     * Adds units of a listed product (a new line, or more of an existing one).
     *
     * @throws UnknownProductException when no listed product has the SKU
     * @throws InsufficientStockException when the line would hold more units than are available
     * @throws CartFullException when the SKU is new and the cart already has {@value #MAX_LINES} lines
     * @throws IllegalArgumentException for a quantity outside 1..{@value #MAX_QUANTITY}
     */
    Cart add(CartOwner owner, Sku sku, int quantity);

    /**
     * Sets a line's quantity; 0 removes the line (whether or not the product is still sold).
     *
     * @throws UnknownProductException when no listed product has the SKU (quantity above 0)
     * @throws InsufficientStockException when fewer units are available
     * @throws CartFullException when the SKU is new and the cart is full
     * @throws IllegalArgumentException for a quantity outside 0..{@value #MAX_QUANTITY}
     */
    Cart set(CartOwner owner, Sku sku, int quantity);

    /** Removes a line; removing a line the cart does not have changes nothing. */
    Cart remove(CartOwner owner, Sku sku);

    /** Deletes the cart (after an order was placed from it, or on the shopper's request). */
    void clear(CartOwner owner);

    /**
     * Moves an anonymous cart into an account's cart, as on sign-in, in one atomic step: quantities of the same SKU are
     * summed, each line capped at the product's available stock (and at {@value #MAX_QUANTITY}); products no longer
     * sold or sold out are left out; lines beyond {@value #MAX_LINES} are dropped. Each such change is a note of the
     * returned cart. The anonymous cart is deleted.
     *
     * @throws IllegalArgumentException when {@code anonymous} is not anonymous or {@code account} not an account
     */
    Cart merge(CartOwner anonymous, CartOwner account);
}
