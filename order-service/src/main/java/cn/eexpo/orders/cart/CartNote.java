package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;

/**
 * Something a write did differently from what was asked, for the shopper to see.
 *
 * @param quantity the quantity the line now holds (0 when the line was left out)
 */
public record CartNote(Kind kind, Sku sku, int quantity) {

    public enum Kind {
        /** The line holds fewer units than asked for: the available stock or the per-line limit. */
        CAPPED,
        /** The product is no longer sold or is sold out, so a merge left its line out. */
        UNAVAILABLE,
        /** The cart already had the maximum number of lines, so a merge left this one out. */
        DROPPED
    }

    /** What happened, in English (the UI translates by {@link #kind()}). */
    public String message() {
        return switch (kind) {
            case CAPPED -> "The quantity of " + sku + " was limited to " + quantity + ".";
            case UNAVAILABLE -> sku + " is no longer available and was not added.";
            case DROPPED -> sku + " was not added: a cart holds at most " + Carts.MAX_LINES + " lines.";
        };
    }
}
