package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;

/** The line would hold more units than the product has available. */
public class InsufficientStockException extends RuntimeException {

    private final Sku sku;
    private final int requested;
    private final int available;

    public InsufficientStockException(Sku sku, int requested, int available) {
        super(
                available == 0
                        ? sku + " is sold out."
                        : "Only " + available + " of " + sku + " are available; the cart line would hold " + requested
                                + ".");
        this.sku = sku;
        this.requested = requested;
        this.available = available;
    }

    public Sku sku() {
        return sku;
    }

    /** The quantity the line would have held. */
    public int requested() {
        return requested;
    }

    public int available() {
        return available;
    }
}
