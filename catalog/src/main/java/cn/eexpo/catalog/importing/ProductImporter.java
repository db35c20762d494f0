package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.CatalogChanged;
import cn.eexpo.catalog.ImportRefusedException;
import cn.eexpo.catalog.ImportStatus;
import cn.eexpo.catalog.ImportStatus.Format;
import cn.eexpo.catalog.ImportStatus.RowError;
import cn.eexpo.catalog.ProductImports;
import cn.eexpo.catalog.UnknownExhibitorException;
import cn.eexpo.catalog.importing.ImportJobs.Exhibitor;
import cn.eexpo.catalog.importing.ProductWriter.ProductRow;
import cn.eexpo.catalog.importing.RowValidator.Outcome;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports exhibitors' product files. {@link #start} stores the upload in a temporary file and reads it once in full
 * (header, encoding, structure, row count), so that a file that cannot be imported is refused before anything is
 * written. The rows are then validated and written on a virtual thread of their own, {@link ProductWriter#BATCH_SIZE}
 * rows per transaction: the products, the row errors and the job's progress commit together, so progress read from
 * another request always matches what is in the catalog. The transaction that completes the job publishes
 * {@link CatalogChanged}, which rebuilds the search index.
 */
@Service
class ProductImporter implements ProductImports, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProductImporter.class);

    private final ImportJobs jobs;
    private final ProductWriter writer;
    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TransactionTemplate consistentReads;
    private final SimpleAsyncTaskExecutor executor;

    ProductImporter(
            ImportJobs jobs,
            ProductWriter writer,
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.jobs = jobs;
        this.writer = writer;
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.consistentReads = new TransactionTemplate(transactionManager);
        consistentReads.setReadOnly(true);
        consistentReads.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        this.executor = new SimpleAsyncTaskExecutor("product-import-");
        executor.setVirtualThreads(true);
        // On shutdown, give running imports a moment; one cut short is failed later by AbandonedImports.
        executor.setTaskTerminationTimeout(Duration.ofSeconds(20).toMillis());
    }

    @Override
    public ImportStatus start(
            String exhibitorCode, String fileName, @Nullable String contentType, InputStream content) {
        Exhibitor exhibitor =
                jobs.exhibitor(exhibitorCode).orElseThrow(() -> new UnknownExhibitorException(exhibitorCode));
        String name = cleanName(fileName);
        Format format = formatOf(name, contentType);
        Path file = store(content, format);
        RowSource rows = null;
        boolean handedOver = false;
        try {
            Scan scan;
            try {
                rows = RowSource.open(file, format);
                scan = scan(rows);
            } catch (ImportRefusedException e) {
                UUID id = UUID.randomUUID();
                jobs.createFailed(id, exhibitor, name, format, e.getMessage());
                log.info("Import {} of {} for {} refused: {}", id, name, exhibitor.code(), e.getMessage());
                throw new ImportRefusedException(e.getMessage(), id);
            }
            UUID id = UUID.randomUUID();
            jobs.create(id, exhibitor, name, format, scan.total());
            executor.execute(new Run(id, exhibitor, rows, scan.header(), file));
            handedOver = true; // the run closes the rows and deletes the file
            log.info("Import {} of {} for {} started: {} rows", id, name, exhibitor.code(), scan.total());
            return status(id).orElseThrow();
        } finally {
            if (!handedOver) {
                if (rows != null) {
                    rows.close();
                }
                delete(file);
            }
        }
    }

    @Override
    public Optional<ImportStatus> status(UUID id) {
        return consistentReads.execute(tx -> jobs.find(id));
    }

    @Override
    public void destroy() {
        executor.close();
    }

    private record Scan(ImportHeader header, int total) {}

    /** Reads the whole file once: the header must be right, every row readable, and there must be 1 to MAX_ROWS. */
    private static Scan scan(RowSource rows) {
        ImportHeader[] header = {null};
        int[] total = {0};
        rows.read((row, cells) -> {
            if (header[0] == null) {
                header[0] = ImportHeader.parse(row, cells);
            } else if (++total[0] > MAX_ROWS) {
                throw new ImportRefusedException(
                        "The file has more than %,d product rows; split it into files of at most %,d rows."
                                .formatted(MAX_ROWS, MAX_ROWS));
            }
        });
        if (header[0] == null) {
            throw new ImportRefusedException("The file is empty: it has not even a header row.");
        }
        if (total[0] == 0) {
            throw new ImportRefusedException("The file has a header row but no product rows below it.");
        }
        return new Scan(header[0], total[0]);
    }

    /** Validates and writes the rows of one import, batch by batch, then completes the job. */
    private final class Run implements Runnable {

        private final UUID id;
        private final Exhibitor exhibitor;
        private final RowSource rows;
        private final ImportHeader header;
        private final Path file;
        private final List<Outcome> batch = new ArrayList<>(ProductWriter.BATCH_SIZE);
        private int imported;
        private int rejected;
        private int savedThrough;

        Run(UUID id, Exhibitor exhibitor, RowSource rows, ImportHeader header, Path file) {
            this.id = id;
            this.exhibitor = exhibitor;
            this.rows = rows;
            this.header = header;
            this.file = file;
            this.savedThrough = header.rowNumber();
        }

        @Override
        public void run() {
            long started = System.nanoTime();
            try (rows) {
                var validator = new RowValidator(ReferenceData.load(jdbc), exhibitor.id(), exhibitor.code());
                rows.read((row, cells) -> {
                    if (row <= header.rowNumber()) {
                        return;
                    }
                    batch.add(validator.validate(header.row(row, cells)));
                    if (batch.size() == ProductWriter.BATCH_SIZE) {
                        write();
                    }
                });
                write();
                transactions.executeWithoutResult(tx -> {
                    jobs.finish(id);
                    announce();
                });
                log.info(
                        "Import {} for {} done in {} ms: {} imported, {} rejected",
                        id,
                        exhibitor.code(),
                        Duration.ofNanos(System.nanoTime() - started).toMillis(),
                        imported,
                        rejected);
            } catch (ImportRefusedException e) {
                fail(e.getMessage());
            } catch (RuntimeException | Error e) {
                log.error("Import {} for {} stopped after row {}", id, exhibitor.code(), savedThrough, e);
                fail("The import stopped because of an error on our side; the rows up to row " + savedThrough
                        + " were saved. Import the file again: rows already imported are updated, not duplicated.");
            } finally {
                delete(file);
            }
        }

        /** Writes the pending rows, their errors and the progress in one transaction. */
        private void write() {
            if (batch.isEmpty()) {
                return;
            }
            int[] counts = transactions.execute(tx -> {
                List<RowError> errors = new ArrayList<>();
                List<ProductRow> products = new ArrayList<>(batch.size());
                Map<String, Integer> rowOfSku = new HashMap<>();
                int bad = 0;
                Map<String, Long> owners = jobs.owners(batch.stream()
                        .filter(o -> o.product() != null)
                        .map(o -> o.product().sku())
                        .toList());
                for (Outcome outcome : batch) {
                    ProductRow product = outcome.product();
                    if (product == null) {
                        errors.addAll(outcome.errors());
                        bad++;
                    } else if (owners.getOrDefault(product.sku(), exhibitor.id()) != exhibitor.id()) {
                        errors.add(ownedByAnother(outcome.row(), product.sku()));
                        bad++;
                    } else {
                        products.add(product);
                        rowOfSku.put(product.sku(), outcome.row());
                    }
                }
                Set<String> refused = writer.write(products);
                for (String sku : refused) {
                    errors.add(ownedByAnother(rowOfSku.get(sku), sku));
                }
                bad += refused.size();
                errors.sort(Comparator.comparingInt(RowError::row));
                jobs.addErrors(id, errors);
                jobs.progress(id, batch.size(), products.size() - refused.size(), bad);
                return new int[] {products.size() - refused.size(), bad};
            });
            imported += counts[0];
            rejected += counts[1];
            savedThrough = batch.getLast().row();
            batch.clear();
        }

        private static RowError ownedByAnother(int row, String sku) {
            return new RowError(
                    row,
                    Column.SKU.header,
                    "SKU " + sku + " belongs to another exhibitor; choose a SKU of your own for this product.");
        }

        /** Asks for the search index to be rebuilt, inside the transaction that completes the job. */
        private void announce() {
            if (imported > 0) {
                events.publishEvent(new CatalogChanged(imported));
            }
        }

        private void fail(String error) {
            try {
                transactions.executeWithoutResult(tx -> {
                    jobs.fail(id, error);
                    announce();
                });
                log.info("Import {} for {} failed: {}", id, exhibitor.code(), error);
            } catch (RuntimeException e) {
                log.error("Import {} failed and cannot be recorded as failed: {}", id, error, e);
            }
        }
    }

    static Format formatOf(String fileName, @Nullable String contentType) {
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Format.CSV;
        }
        if (name.endsWith(".xlsx")) {
            return Format.XLSX;
        }
        if (name.endsWith(".xls")) {
            throw new ImportRefusedException("'" + fileName + "' is an Excel 97-2003 workbook (.xls). Save it as an"
                    + " Excel Workbook (.xlsx) or as CSV UTF-8 and upload that.");
        }
        String type =
                contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/csv", "application/csv", "text/comma-separated-values" -> Format.CSV;
            case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" -> Format.XLSX;
            default ->
                throw new ImportRefusedException("Cannot tell whether '" + fileName + "' is a CSV file or an XLSX"
                        + " workbook: upload a file named .csv or .xlsx.");
        };
    }

    /** The file's own name, without any folders a browser may send along. */
    static String cleanName(@Nullable String fileName) {
        String name = fileName == null ? "" : fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).strip();
        if (name.isEmpty()) {
            return "upload";
        }
        return name.length() <= 255 ? name : name.substring(name.length() - 255);
    }

    private static Path store(InputStream content, Format format) {
        Path file;
        try {
            file = Files.createTempFile("eexpo-import-", "." + format.name().toLowerCase(Locale.ROOT));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file for an import", e);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            content.transferTo(out);
            return file;
        } catch (IOException e) {
            delete(file);
            throw new UncheckedIOException("cannot store the uploaded file", e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Cannot delete the temporary import file {}: {}", file, e.toString());
        }
    }
}
