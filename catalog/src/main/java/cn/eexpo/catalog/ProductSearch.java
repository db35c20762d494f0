package cn.eexpo.catalog;

import java.util.List;

/**
 * Finds listed products. Served by Elasticsearch; throws {@link SearchUnavailableException} when it cannot answer, and
 * {@link IllegalArgumentException} for a query it cannot run (an expired cursor, say).
 */
public interface ProductSearch {

    SearchResult search(SearchQuery query);

    /** Product names and brands, zh or en, that start with what the shopper has typed so far. */
    List<String> suggest(String prefix, int size);
}
