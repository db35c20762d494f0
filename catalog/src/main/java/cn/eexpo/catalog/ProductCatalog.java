package cn.eexpo.catalog;

import java.util.Optional;

/** Products as PostgreSQL holds them: the source of truth, available whether or not search is. */
public interface ProductCatalog {

    /** A listed product with all its customs facts, or empty if there is none or it is not listed. */
    Optional<ProductDetails> find(Sku sku);

    /** A bonded warehouse or overseas consolidation point by its code (what customs filings declare of it). */
    Optional<ProductDetails.Warehouse> warehouse(String code);
}
