package cn.eexpo.benchmarks;

import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;

/** What the benchmark times: one search, whichever engine answers it. */
@FunctionalInterface
interface SearchEngine {

    SearchResult search(SearchQuery query);
}
