package cn.eexpo.orders.cart;

import cn.eexpo.catalog.Sku;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.output.CommandOutput;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** A field is copied out of the network buffer in one piece, then read here (not a byte at a time from it). */
    private final byte[] scratch = new byte[64];

    private boolean expectingSku = true;
    private @Nullable Sku pending;

    CartLinesOutput() {
        super(StringCodec.UTF8, new ArrayList<>());
    }

    @Override
    public void set(@Nullable ByteBuffer bytes) {
        if (expectingSku) {
            expectingSku = false;
            pending = bytes == null || bytes.remaining() > scratch.length
                    ? null
                    : SKUS.of(copy(bytes), bytes.remaining());
            return;
        }
        expectingSku = true;
        Sku sku = pending;
        if (sku == null || bytes == null || bytes.remaining() > scratch.length) {
            return;
        }
        // Never throws: this runs in Lettuce's decoder. A field that is not a cart line is left out.
        byte[] value = copy(bytes);
        int end = bytes.remaining();
        int at = 0;
        int quantity = 0;
        for (; at < end && value[at] != '|'; at++) {
            int digit = value[at] - '0';
            if (digit < 0 || digit > 9 || quantity > 1_000_000) {
                return;
            }
            quantity = quantity * 10 + digit;
        }
        long added = 0;
        for (at++; at < end; at++) {
            int digit = value[at] - '0';
            if (digit < 0 || digit > 9 || added > Long.MAX_VALUE / 100) {
                return;
            }
            added = added * 10 + digit;
        }
        if (quantity > 0) {
            output.add(new CartLine(sku, quantity, instant(added)));
        }
    }

    /**
     * When a line was added: epoch microseconds, or epoch milliseconds in lines written before (any time before the
     * year 5138 in milliseconds is below 10^14, and every time since 1973 in microseconds is above it).
     */
    static Instant instant(long added) {
        if (added < 100_000_000_000_000L) {
            return Instant.ofEpochMilli(added);
        }
        return Instant.ofEpochSecond(added / 1_000_000, added % 1_000_000 * 1_000);
    }

    private byte[] copy(ByteBuffer bytes) {
        bytes.get(bytes.position(), scratch, 0, bytes.remaining());
        return scratch;
    }

    /**
     * SKUs by their bytes: a direct-mapped table, racy by design (an entry is immutable, so a thread either sees a
     * whole one or none and makes its own). A miss costs the SKU pattern check once.
     */
    static final class SkuCache {

        private static final int BITS = 14;
        private final Entry[] table = new Entry[1 << BITS];

        /** The SKU in the first {@code length} bytes, or null when they are not one. */
        @Nullable
        Sku of(byte[] bytes, int length) {
            int hash = 1;
            for (int i = 0; i < length; i++) {
                hash = 31 * hash + bytes[i];
            }
            // Fibonacci hashing: SKUs that differ only in their last digits spread over the table (masking the low
            // bits of the plain hash put a fifth of 2,000 sequential SKUs in slots already taken).
            int slot = (hash * 0x9E3779B9) >>> (32 - BITS);
            Entry cached = table[slot];
            if (cached != null && Arrays.equals(cached.bytes, 0, cached.bytes.length, bytes, 0, length)) {
                return cached.sku;
            }
            byte[] copy = Arrays.copyOf(bytes, length);
            try {
                Sku sku = new Sku(new String(copy, StandardCharsets.UTF_8));
                table[slot] = new Entry(copy, sku);
                return sku;
            } catch (IllegalArgumentException notASku) {
                return null;
            }
        }

        private record Entry(byte[] bytes, Sku sku) {}
    }
}
