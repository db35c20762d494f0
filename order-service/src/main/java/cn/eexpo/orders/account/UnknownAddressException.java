package cn.eexpo.orders.account;

/** No address of the signed-in account has this id (another account's is answered the same way). */
public class UnknownAddressException extends RuntimeException {

    public UnknownAddressException(long id) {
        super("No address " + id + " in your address book.");
    }
}
