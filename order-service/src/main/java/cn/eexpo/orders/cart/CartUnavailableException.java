package cn.eexpo.orders.cart;

/** Redis, where carts live, cannot be reached or did not answer in time. Orders are unaffected. */
public class CartUnavailableException extends RuntimeException {

    public CartUnavailableException(Throwable cause) {
        super("The cart is temporarily unavailable; please try again in a moment.", cause);
    }
}
