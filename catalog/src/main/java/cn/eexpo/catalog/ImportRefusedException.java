package cn.eexpo.catalog;

import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A file that cannot be imported at all: not CSV or XLSX, not readable, not UTF-8, a missing or unknown column, too
 * many rows. The message says why, for a person to read.
 */
public class ImportRefusedException extends RuntimeException {

    private final @Nullable UUID importId;

    public ImportRefusedException(String message, @Nullable UUID importId) {
        super(message);
        this.importId = importId;
    }

    public ImportRefusedException(String message) {
        this(message, null);
    }

    /** The import recorded as {@code FAILED} with this reason, when it got that far. */
    public @Nullable UUID importId() {
        return importId;
    }

    @Override
    public String getMessage() {
        return Objects.requireNonNull(super.getMessage());
    }
}
