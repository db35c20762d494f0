package cn.eexpo.catalog;

import java.io.IOException;
import java.time.Duration;

/** The search index as operators and commands see it. */
public interface SearchIndex {

    /** Rebuilds the index from PostgreSQL behind its alias; searches keep working meanwhile. */
    Rebuilt rebuild() throws IOException;

    /**
     * A finished rebuild: the products indexed, the time spent indexing them in bulk (read from PostgreSQL as they
     * went), and the whole rebuild's (with the merge into one segment, the suggestions and the alias swap).
     */
    record Rebuilt(int products, Duration bulkIndexing, Duration total) {}
}
