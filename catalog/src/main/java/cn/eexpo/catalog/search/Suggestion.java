package cn.eexpo.catalog.search;

import java.util.List;

/**
 * An entry of the suggestion index: one distinct text a shopper may be typing (a brand, a brand with a category, a
 * category), in zh or en, weighted by the listed products behind it so that the commoner ones come first.
 */
record Suggestion(Completion suggest) {

    record Completion(List<String> input, int weight) {}

    static Suggestion of(String text, long products) {
        return new Suggestion(new Completion(List.of(text), (int) Math.min(products, Integer.MAX_VALUE)));
    }
}
