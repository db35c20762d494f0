package cn.eexpo.catalog;

/** A reservation asked for more units than the warehouse has free. */
public class OutOfStockException extends RuntimeException {

    private final String sku;
    private final int available;

    public OutOfStockException(String sku, int requested, int available) {
        super(
                available == 0
                        ? "Product " + sku + " is out of stock."
                        : "Only " + available + " of product " + sku + " left; " + requested + " requested.");
        this.sku = sku;
        this.available = available;
    }

    public String sku() {
        return sku;
    }

    public int available() {
        return available;
    }
}
