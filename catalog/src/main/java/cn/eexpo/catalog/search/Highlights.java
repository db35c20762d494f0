package cn.eexpo.catalog.search;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The words of a query marked in a product name with {@code <em>}, cut into words as the index's standard analyzer
 * cuts them: each Han character a word of its own, other letters and digits in runs, compared without case. Done here
 * rather than by Elasticsearch's highlighter: the names are short and already in the result, and highlighting them in
 * the search's fetch phase cost about a millisecond a query at 1M products. Like the highlighter it replaces, it marks
 * exact words only, not the ones a typo matched. The name is not escaped: callers that render it as HTML must.
 */
final class Highlights {

    private static final Pattern WORD = Pattern.compile("\\p{IsHan}|[\\p{L}\\p{N}&&[^\\p{IsHan}]]+");

    private Highlights() {}

    /** The words of {@code text}, lower-cased. */
    static Set<String> words(@Nullable String text) {
        Set<String> words = new HashSet<>();
        if (text != null) {
            Matcher word = WORD.matcher(text);
            while (word.find()) {
                words.add(word.group().toLowerCase(Locale.ROOT));
            }
        }
        return words;
    }

    /**
     * {@code name} with each of {@code words} it contains wrapped in {@code <em>}, side-by-side matches in one; null
     * when it contains none.
     */
    static @Nullable String mark(@Nullable String name, Set<String> words) {
        if (name == null || words.isEmpty()) {
            return null;
        }
        StringBuilder marked = new StringBuilder(name.length() + 32);
        Matcher word = WORD.matcher(name);
        int copied = 0;
        int openAt = -1; // where the current <em> run ends in the name, -1 when none is open
        boolean any = false;
        while (word.find()) {
            if (!words.contains(word.group().toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (openAt == word.start()) {
                marked.setLength(marked.length() - "</em>".length());
            } else {
                marked.append(name, copied, word.start()).append("<em>");
            }
            marked.append(word.group()).append("</em>");
            copied = word.end();
            openAt = word.end();
            any = true;
        }
        return any ? marked.append(name, copied, name.length()).toString() : null;
    }
}
