package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;

/** No listed product has the SKU: it never existed, or it is no longer sold. */
public class UnknownProductException extends RuntimeException {

    private final Sku sku;

    public UnknownProductException(Sku sku) {
        super("No product with the SKU " + sku + " is for sale.");
        this.sku = sku;
    }

    public Sku sku() {
        return sku;
    }
}
