package cn.eexpo.catalog;

import java.time.Duration;
import java.util.List;

/**
 * Synthetic products for load tests and benchmarks: SKUs {@value #SKU_PREFIX}0000001 and up, generated from a seed so
 * that the same count and seed always give the same products. Never used for real catalog data.
 */
public interface SyntheticCatalog {

    String SKU_PREFIX = "SYN-";

    /**
     * Replaces every {@value #SKU_PREFIX} product (and its stock) with {@code count} generated ones, in one transaction.
     * Loads the demo reference data (exhibitors, warehouses) first. Does not touch the search index.
     */
    Generated replace(int count, long seed);

    /** How many {@value #SKU_PREFIX} products PostgreSQL holds. */
    long count();

    /**
     * The words shoppers would type for this catalog: product words, product-line words and brand names, in zh and en.
     */
    List<SearchTerm> searchTerms();

    record Generated(int products, Duration took) {

        public double perSecond() {
            return products / Math.max(took.toNanos() / 1e9, 1e-9);
        }
    }

    /**
     * @param zh the Chinese word or name
     * @param en the English word or name
     * @param kind what the word names
     * @param categories the leaf categories the word occurs in
     */
    record SearchTerm(String zh, String en, Kind kind, List<String> categories) {

        public enum Kind {
            PRODUCT,
            LINE,
            BRAND
        }
    }
}
