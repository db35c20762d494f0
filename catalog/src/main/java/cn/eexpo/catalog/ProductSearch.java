package cn.eexpo.catalog;

/** Finds listed products. Served by Elasticsearch; throws {@link SearchUnavailableException} when it cannot answer. */
public interface ProductSearch {

    SearchResult search(SearchQuery query);
}
