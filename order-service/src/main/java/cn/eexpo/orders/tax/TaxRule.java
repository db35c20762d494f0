package cn.eexpo.orders.tax;

/** Which rule priced an order. */
public enum TaxRule {
    /** Within the limits: no duty, VAT and consumption tax at 70 % of the statutory amount. */
    RETAIL,
    /** A single item over the per-order limit: duty, VAT and consumption tax in full. */
    FULL_RATE_SINGLE_ITEM
}
