package cn.eexpo.orders.checkout;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a buyer orders: the lines (from the cart, which is never authoritative: prices and stock are read again here),
 * where the goods go and how the buyer will pay.
 */
public record CheckoutRequest(
        @Nullable List<Line> lines,
        @Nullable Consignee consignee,
        @Nullable String paymentMethod) {

    public record Line(@Nullable String sku, @Nullable Integer quantity) {}

    public record Consignee(
            @Nullable String name,
            @Nullable String phone,
            @Nullable String province,
            @Nullable String city,
            @Nullable String district,
            @Nullable String address) {}

    /** A stable text of the request, for telling a retried request from a different one under the same key. */
    String canonical() {
        var sb = new StringBuilder();
        if (lines != null) {
            lines.stream()
                    .map(l -> l.sku() + "×" + l.quantity())
                    .sorted()
                    .forEach(s -> sb.append(s).append(';'));
        }
        sb.append('|');
        if (consignee != null) {
            sb.append(String.join(
                    "|",
                    String.valueOf(consignee.name()),
                    String.valueOf(consignee.phone()),
                    String.valueOf(consignee.province()),
                    String.valueOf(consignee.city()),
                    String.valueOf(consignee.district()),
                    String.valueOf(consignee.address())));
        }
        return sb.append('|').append(paymentMethod).toString();
    }
}
