package cn.eexpo.orders.cart;

/** A new line would take the cart past {@value Carts#MAX_LINES} lines. */
public class CartFullException extends RuntimeException {

    public CartFullException() {
        super("A cart holds at most " + Carts.MAX_LINES + " different products; remove a line before adding another.");
    }

    public int limit() {
        return Carts.MAX_LINES;
    }
}
