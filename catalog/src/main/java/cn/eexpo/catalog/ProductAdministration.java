package cn.eexpo.catalog;

import cn.eexpo.common.Money;

/** Changes an exhibitor or an operator makes to one product; each reaches search through {@link ProductsChanged}. */
public interface ProductAdministration {

    enum Status {
        DRAFT,
        LISTED,
        DELISTED
    }

    /** Sets the shelf price. Throws {@link IllegalArgumentException} for an unknown SKU or a price that is not above 0. */
    void changePrice(Sku sku, Money price);

    /** Lists or delists a product; a delisted product disappears from search and cannot be ordered. */
    void changeStatus(Sku sku, Status status);
}
