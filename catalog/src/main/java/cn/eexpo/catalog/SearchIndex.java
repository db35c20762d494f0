package cn.eexpo.catalog;

import java.io.IOException;

/** The search index as operators and commands see it. */
public interface SearchIndex {

    /** Rebuilds the index from PostgreSQL behind its alias; searches keep working meanwhile. */
    int rebuild() throws IOException;
}
