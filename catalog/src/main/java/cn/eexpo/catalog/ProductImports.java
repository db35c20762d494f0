package cn.eexpo.catalog;

import java.io.InputStream;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Exhibitors' bulk imports of products from CSV or XLSX files (up to {@link #MAX_ROWS} rows). The columns are those of
 * the demo catalog's {@code products.csv}, in any order. {@link #start} reads the whole file once to check it (format,
 * columns, encoding, size) and returns; the rows are then validated and written in the background, an upsert by SKU.
 * Good rows are imported, bad rows are reported with their row number, column and reason, and progress can be read
 * with {@link #status} meanwhile. When the import has written products, {@link CatalogChanged} is published.
 */
public interface ProductImports {

    int MAX_ROWS = 100_000;

    /**
     * Starts importing a file for an exhibitor.
     *
     * @param fileName the file's name as uploaded; {@code .csv} or {@code .xlsx} tells the format
     * @param contentType the upload's content type, used when the name does not tell the format
     * @return the running import, with the number of rows the file holds
     * @throws UnknownExhibitorException when there is no exhibitor with that code
     * @throws ImportRefusedException when the file cannot be imported at all (format, encoding, columns, size)
     */
    ImportStatus start(String exhibitorCode, String fileName, @Nullable String contentType, InputStream content);

    /** Like {@link #start(String, String, String, InputStream)}, telling the format by the file's name alone. */
    default ImportStatus start(String exhibitorCode, String fileName, InputStream content) {
        return start(exhibitorCode, fileName, null, content);
    }

    /** An import's progress and outcome with the first {@link ImportStatus#MAX_ERRORS} row errors. */
    Optional<ImportStatus> status(UUID id);
}
