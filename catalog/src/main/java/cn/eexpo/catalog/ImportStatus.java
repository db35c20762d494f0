package cn.eexpo.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where an import stands. {@code total} is the number of data rows in the file, {@code done} how many of them have
 * been handled so far ({@code imported + rejected}); {@code done == total} once the import is {@code DONE}.
 *
 * @param error why the import as a whole failed ({@code FAILED} only)
 * @param errors the problems found in rows, in row order; at most {@link #MAX_ERRORS} of them
 */
public record ImportStatus(
        UUID id,
        String exhibitor,
        String fileName,
        Format format,
        State status,
        int total,
        int done,
        int imported,
        int rejected,
        @Nullable String error,
        List<RowError> errors,
        Instant startedAt,
        @Nullable Instant finishedAt) {

    public static final int MAX_ERRORS = 1_000;

    public enum State {
        RUNNING,
        DONE,
        FAILED
    }

    public enum Format {
        CSV,
        XLSX
    }

    /**
     * A problem in one row.
     *
     * @param row the row as a spreadsheet numbers it: the header is row 1, the first data row is row 2
     * @param column the column's header name; null when the problem is the row as a whole
     * @param reason what is wrong, for a person to read
     */
    public record RowError(int row, @Nullable String column, String reason) {}
}
