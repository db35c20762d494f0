package cn.eexpo.catalog;

/**
 * Published after products were written in bulk (demo load, import): the search index is rebuilt from PostgreSQL.
 *
 * @param products how many products were written
 */
public record CatalogChanged(int products) {}
