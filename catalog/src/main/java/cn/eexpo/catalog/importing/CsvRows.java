package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportRefusedException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file: UTF-8 (a byte-order mark is skipped), comma-separated, RFC 4180 quoting. A row's number is its record
 * number, which is the row a spreadsheet shows it in (a quoted value may span several lines of text).
 */
final class CsvRows implements RowSource {

    // Empty lines are kept as (blank) records so that record numbers stay the rows a spreadsheet shows.
    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

    private final Path file;

    private CsvRows(Path file) {
        this.file = file;
    }

    static CsvRows open(Path file) {
        byte[] start = new byte[4];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(start, 0, 4);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            throw new ImportRefusedException(
                    "The file is a ZIP archive such as an XLSX workbook, not CSV text. Upload it as .xlsx.");
        }
        return new CsvRows(file);
    }

    @Override
    public void read(RowConsumer consumer) {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lastRecord = 0;
        try (Reader reader = new BufferedReader(new InputStreamReader(Files.newInputStream(file), decoder), 1 << 16)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            try (CSVParser parser = FORMAT.parse(reader)) {
                for (CSVRecord record : parser) {
                    lastRecord = record.getRecordNumber();
                    var cells = record.toList();
                    if (!RowSource.blank(cells)) {
                        try {
                            consumer.row(Math.toIntExact(record.getRecordNumber()), cells);
                        } catch (RuntimeException e) {
                            throw new ConsumerFailure(e);
                        }
                    }
                }
            }
        } catch (ConsumerFailure e) {
            throw (RuntimeException) e.getCause();
        } catch (UncheckedIOException e) {
            throw unreadable(e.getCause(), lastRecord + 1);
        } catch (IOException e) {
            throw unreadable(e, lastRecord + 1);
        }
    }

    private static RuntimeException unreadable(IOException e, long row) {
        if (e instanceof CharacterCodingException) {
            return new ImportRefusedException("The file is not UTF-8 text (row " + row
                    + " has bytes that are not UTF-8). Save it as CSV UTF-8, or upload the workbook as .xlsx.");
        }
        if (e.getClass().getName().startsWith("org.apache.commons.csv")
                || e.getMessage() != null && e.getMessage().contains("encapsulated")) {
            return new ImportRefusedException("The CSV cannot be read at row " + row
                    + ": a value in double quotes is not closed properly (" + e.getMessage() + ").");
        }
        return new UncheckedIOException(e);
    }

    /** An exception of the row consumer, carried past the parser's own error handling unchanged. */
    private static final class ConsumerFailure extends RuntimeException {

        ConsumerFailure(RuntimeException cause) {
            super(cause);
        }
    }

    @Override
    public void close() {}
}
