package cn.eexpo.catalog.search;

import co.elastic.clients.elasticsearch._types.FieldValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where the next page starts: the sort values of the last hit ({@code search_after}), how many hits came before it, and
 * the point in time the pages are read from, so that deep paging sees one consistent view of the index; or, for
 * results ranked by relevance (which are paged by number only), just the position. Handed to clients as an opaque
 * token.
 */
record SearchCursor(@Nullable String pointInTime, List<FieldValue> after, long position) {

    private static final char SEPARATOR = '\n';

    /** A continuation by position: the next page is asked for by number, as the first {@code MAX_WINDOW} are. */
    static SearchCursor at(long position) {
        return new SearchCursor(null, List.of(), position);
    }

    boolean byPosition() {
        return after.isEmpty();
    }

    String encode() {
        var text = new StringBuilder(pointInTime == null ? "" : pointInTime)
                .append(SEPARATOR)
                .append(position);
        for (FieldValue value : after) {
            text.append(SEPARATOR).append(encode(value));
        }
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    static SearchCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)
                    .split(String.valueOf(SEPARATOR), -1);
            List<FieldValue> after = new ArrayList<>();
            for (int i = 2; i < parts.length; i++) {
                after.add(decodeValue(parts[i]));
            }
            if (after.isEmpty() && !parts[0].isEmpty()) {
                throw new IllegalArgumentException("no position");
            }
            return new SearchCursor(parts[0].isEmpty() ? null : parts[0], after, Long.parseLong(parts[1]));
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("cursor is not one this search gave out; start again from page 0");
        }
    }

    private static String encode(FieldValue value) {
        return switch (value._kind()) {
            case Long -> "l" + value.longValue();
            case Double -> "d" + value.doubleValue();
            case String -> "s" + value.stringValue();
            case Boolean -> "b" + value.booleanValue();
            case Null -> "n";
            default -> throw new IllegalStateException("cannot page after a " + value._kind() + " sort value");
        };
    }

    private static FieldValue decodeValue(String text) {
        String value = text.substring(1);
        return switch (text.charAt(0)) {
            case 'l' -> FieldValue.of(Long.parseLong(value));
            case 'd' -> FieldValue.of(Double.parseDouble(value));
            case 's' -> FieldValue.of(value);
            case 'b' -> FieldValue.of(Boolean.parseBoolean(value));
            case 'n' -> FieldValue.NULL;
            default -> throw new IllegalArgumentException("unknown sort value");
        };
    }
}
