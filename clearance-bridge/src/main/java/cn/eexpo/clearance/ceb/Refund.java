package cn.eexpo.clearance.ceb;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CEB625 refund (退货) request for returned goods of a released inventory list.
 *
 * @param invtNo the customs list number from the CEB622 receipt
 * @param lines what comes back: the original {@code gnum} and a quantity up to the declared one
 */
public record Refund(String invtNo, @Nullable String preNo, String reason, List<Item> lines) {

    public Refund {
        lines = List.copyOf(lines);
    }

    public record Item(int gnum, BigDecimal qty) {}
}
