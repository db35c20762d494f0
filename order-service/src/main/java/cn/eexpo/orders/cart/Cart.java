package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;
import java.util.List;

/**
 * A cart as Redis holds it: lines in the order they were first added, and notes on what the last write could not do as
 * asked (a capped quantity, a line left out of a merge). Holds no prices: those are read from the catalog when shown and
 * again at checkout.
 */
public record Cart(CartOwner owner, List<CartLine> lines, List<CartNote> notes) {

    public Cart {
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
    }

    public static Cart empty(CartOwner owner) {
        return new Cart(owner, List.of(), List.of());
    }

    public int lineCount() {
        return lines.size();
    }

    public boolean isEmpty() {
        return lines.isEmpty();
    }

    /** Units of the SKU in the cart, 0 when it has no such line. */
    public int quantityOf(Sku sku) {
        return lines.stream()
                .filter(line -> line.sku().equals(sku))
                .mapToInt(CartLine::quantity)
                .findFirst()
                .orElse(0);
    }
}
