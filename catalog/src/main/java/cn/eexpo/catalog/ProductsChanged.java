package cn.eexpo.catalog;

import java.util.List;

/**
 * Published in the transaction that changed these products (price, status, stock, details): the search index picks
 * the changes up from PostgreSQL. The event is kept in the publication registry until the index has them.
 */
public record ProductsChanged(List<String> skus) {}
