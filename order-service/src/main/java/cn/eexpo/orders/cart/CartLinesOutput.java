package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A cart's hash as HGETALL answers it, read straight from the network buffer into lines: field {@code SKU}, value
 * {@code quantity|added}. No string is made for a value and none for a SKU seen before, so reading a cart allocates
 * little more than its lines: the cart benchmark's client spent most of its allocation, and with it its garbage
 * collection pauses, on those strings.
 */
final class CartLinesOutput extends CommandOutput<String, String, List<CartLine>> {

    private static final SkuCache SKUS = new SkuCache();

    private boolean expectingSku = true;
    private @Nullable Sku pending;

    CartLinesOutput() {
        super(StringCodec.UTF8, new ArrayList<>());
    }

    @Override
    public void set(@Nullable ByteBuffer bytes) {
        if (expectingSku) {
            expectingSku = false;
            pending = bytes == null ? null : SKUS.of(bytes);
            return;
        }
        expectingSku = true;
        Sku sku = pending;
        if (sku == null || bytes == null) {
            return;
        }
        // Never throws: this runs in Lettuce's decoder. A field that is not a cart line is left out.
        int at = bytes.position();
        int end = bytes.limit();
        int quantity = 0;
        for (; at < end && bytes.get(at) != '|'; at++) {
            int digit = bytes.get(at) - '0';
            if (digit < 0 || digit > 9 || quantity > 1_000_000) {
                return;
            }
            quantity = quantity * 10 + digit;
        }
        long added = 0;
        for (at++; at < end; at++) {
            int digit = bytes.get(at) - '0';
            if (digit < 0 || digit > 9 || added > Long.MAX_VALUE / 100) {
                return;
            }
            added = added * 10 + digit;
        }
        if (quantity > 0) {
            output.add(new CartLine(sku, quantity, Instant.ofEpochMilli(added)));
        }
    }

    /**
     * SKUs by their bytes: a direct-mapped table, racy by design (a {@link Sku} is immutable, so a thread either sees a
     * whole one or none and makes its own). A miss costs the SKU pattern check once.
     */
    static final class SkuCache {

        private static final int SIZE = 1 << 14;
        private final Sku[] table = new Sku[SIZE];

        /** The SKU, or null when the bytes are not one. */
        @Nullable
        Sku of(ByteBuffer bytes) {
            int start = bytes.position();
            int length = bytes.remaining();
            int hash = 1;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + bytes.get(start + i);
            }
            int slot = (hash ^ (hash >>> 16)) & (SIZE - 1);
            Sku cached = table[slot];
            if (cached != null && matches(cached.value(), bytes, start, length)) {
                return cached;
            }
            byte[] copy = new byte[length];
            bytes.get(start, copy);
            try {
                Sku sku = new Sku(new String(copy, StandardCharsets.UTF_8));
                table[slot] = sku;
                return sku;
            } catch (IllegalArgumentException notASku) {
                return null;
            }
        }

        private static boolean matches(String value, ByteBuffer bytes, int start, int length) {
            if (value.length() != length) {
                return false;
            }
            for (int i = 0; i < length; i++) {
                if (value.charAt(i) != bytes.get(start + i)) {
                    return false;
                }
            }
            return true;
        }
    }
}
