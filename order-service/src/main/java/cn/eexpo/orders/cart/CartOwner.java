package cn.eexpo.orders.cart;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Whose cart: an anonymous shopper, known by a random 128-bit token (the {@code eexpo-cart} cookie), or an account.
 *
 * @param id the token (32 lower-case hex digits) or the account id in decimal
 */
public record CartOwner(Kind kind, String id) {

    private static final Pattern TOKEN = Pattern.compile("[0-9a-f]{32}");
    private static final SecureRandom RANDOM = new SecureRandom();

    public enum Kind {
        ANONYMOUS,
        ACCOUNT
    }

    public CartOwner {
        if (kind == Kind.ANONYMOUS && !TOKEN.matcher(id).matches()) {
            throw new IllegalArgumentException("an anonymous cart token is 32 lower-case hexadecimal digits");
        }
        if (kind == Kind.ACCOUNT && !id.matches("[1-9][0-9]{0,18}")) {
            throw new IllegalArgumentException("an account id is a positive number");
        }
    }

    /** A new anonymous owner with a fresh random token. */
    public static CartOwner newAnonymous() {
        byte[] token = new byte[16];
        RANDOM.nextBytes(token);
        return new CartOwner(Kind.ANONYMOUS, HexFormat.of().formatHex(token));
    }

    public static CartOwner anonymous(String token) {
        return new CartOwner(Kind.ANONYMOUS, token);
    }

    public static CartOwner account(long accountId) {
        return new CartOwner(Kind.ACCOUNT, Long.toString(accountId));
    }

    /** Whether the text is a well-formed anonymous token (a cookie may hold anything). */
    public static boolean isToken(String text) {
        return TOKEN.matcher(text).matches();
    }

    public boolean isAnonymous() {
        return kind == Kind.ANONYMOUS;
    }

    /** The token stays out of logs: whoever has it can fill the cart. */
    @Override
    public String toString() {
        return isAnonymous() ? "CartOwner[anonymous " + id.substring(0, 6) + "…]" : "CartOwner[account " + id + "]";
    }
}
