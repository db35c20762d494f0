package cn.eexpo.catalog.search;

/**
 * A listed product as the search index holds it: its SKU (the document id) and the document, JSON built by PostgreSQL
 * ({@link ProductDocumentSource}) in the shape of {@code search/products-index.json}. The index copies the names,
 * brands, category and country names into one searched field ({@code text}) and the descriptions into another
 * ({@code details}).
 */
record ProductDocument(String sku, byte[] json) {}
