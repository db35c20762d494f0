package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportStatus.Format;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of an uploaded file, streamed one after another: the file is never held in memory. {@link #read} can be
 * called more than once (a first pass checks and counts, a second imports). Problems with the file as a whole are
 * thrown as {@link cn.eexpo.catalog.ImportRefusedException} with a reason for a person to read.
 */
sealed interface RowSource extends Closeable permits CsvRows, XlsxRows {

    /** Receives a row's cells and its number as a spreadsheet shows it (the first row is 1). */
    @FunctionalInterface
    interface RowConsumer {
        void row(int rowNumber, List<String> cells);
    }

    /** Hands every row that is not blank to the consumer, the header row included. */
    void read(RowConsumer consumer);

    @Override
    void close();

    static RowSource open(Path file, Format format) {
        return switch (format) {
            case CSV -> CsvRows.open(file);
            case XLSX -> XlsxRows.open(file);
        };
    }

    static boolean blank(List<String> cells) {
        for (String cell : cells) {
            if (cell != null && !cell.isBlank()) {
                return false;
            }
        }
        return true;
    }
}
