/**
 * Catalog: bonded products with their customs facts. PostgreSQL is the source of truth; Elasticsearch serves search
 * and is rebuilt from PostgreSQL whenever it is missing. The API is this package: {@link cn.eexpo.catalog.ProductSearch},
 * {@link cn.eexpo.catalog.ProductImports} (exhibitors' CSV/XLSX imports) and their value types. Everything in
 * sub-packages is internal.
 */
@NullMarked
package cn.eexpo.catalog;

import org.jspecify.annotations.NullMarked;
