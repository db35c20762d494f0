package cn.eexpo.catalog;

import org.jspecify.annotations.Nullable;

/** What a shopper asked for. {@code text} may be empty: then every listed product matches. */
public record SearchQuery(@Nullable String text, int page, int size) {

    public static final int MAX_SIZE = 100;

    public SearchQuery {
        if (page < 0) {
            throw new IllegalArgumentException("page starts at 0");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size is between 1 and " + MAX_SIZE);
        }
        text = text == null || text.isBlank() ? null : text.strip();
    }
}
