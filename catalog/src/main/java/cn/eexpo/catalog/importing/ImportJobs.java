package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportStatus;
import cn.eexpo.catalog.ImportStatus.Format;
import cn.eexpo.catalog.ImportStatus.RowError;
import cn.eexpo.catalog.ImportStatus.State;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The import jobs ({@code product_import}) and their row errors ({@code product_import_error}). */
@Repository
class ImportJobs {

    /** An exhibitor as an import needs it. */
    record Exhibitor(long id, String code) {}

    private final JdbcClient jdbc;
    private final NamedParameterJdbcOperations batch;

    ImportJobs(JdbcClient jdbc, NamedParameterJdbcOperations batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    Optional<Exhibitor> exhibitor(String code) {
        return jdbc.sql("select id, code from exhibitor where code = :code")
                .param("code", code)
                .query((rs, row) -> new Exhibitor(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    void create(UUID id, Exhibitor exhibitor, String fileName, Format format, int total) {
        jdbc.sql("""
                        insert into product_import (id, exhibitor_id, file_name, format, status, total_rows)
                        values (:id, :exhibitor, :fileName, :format, 'RUNNING', :total)
                        """)
                .param("id", id)
                .param("exhibitor", exhibitor.id())
                .param("fileName", fileName)
                .param("format", format.name())
                .param("total", total)
                .update();
    }

    /** Records an import that failed before any row was read (the file as a whole was refused). */
    void createFailed(UUID id, Exhibitor exhibitor, String fileName, Format format, String error) {
        jdbc.sql("""
                        insert into product_import (id, exhibitor_id, file_name, format, status, error, finished_at)
                        values (:id, :exhibitor, :fileName, :format, 'FAILED', :error, now())
                        """)
                .param("id", id)
                .param("exhibitor", exhibitor.id())
                .param("fileName", fileName)
                .param("format", format.name())
                .param("error", error)
                .update();
    }

    /** Who owns each of these SKUs that exists already. */
    Map<String, Long> owners(Collection<String> skus) {
        Map<String, Long> owners = new HashMap<>();
        if (!skus.isEmpty()) {
            jdbc.sql("select sku, exhibitor_id from product where sku = any(:skus)")
                    .param("skus", skus.toArray(String[]::new))
                    .query(rs -> {
                        owners.put(rs.getString(1), rs.getLong(2));
                    });
        }
        return owners;
    }

    void addErrors(UUID id, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        batch.batchUpdate(
                "insert into product_import_error (import_id, row_no, column_name, reason)"
                        + " values (:id, :row, :column, :reason)",
                errors.stream()
                        .map(e -> new MapSqlParameterSource()
                                .addValue("id", id)
                                .addValue("row", e.row())
                                .addValue("column", e.column(), Types.VARCHAR)
                                .addValue("reason", e.reason()))
                        .toArray(SqlParameterSource[]::new));
    }

    void progress(UUID id, int done, int imported, int rejected) {
        jdbc.sql("""
                        update product_import
                           set done_rows = done_rows + :done, imported = imported + :imported,
                               rejected = rejected + :rejected, updated_at = now()
                         where id = :id
                        """)
                .param("id", id)
                .param("done", done)
                .param("imported", imported)
                .param("rejected", rejected)
                .update();
    }

    void finish(UUID id) {
        jdbc.sql("update product_import set status = 'DONE', finished_at = now(), updated_at = now() where id = :id")
                .param("id", id)
                .update();
    }

    void fail(UUID id, String error) {
        jdbc.sql("""
                        update product_import set status = 'FAILED', error = :error, finished_at = now(), updated_at = now()
                         where id = :id and status = 'RUNNING'
                        """).param("id", id).param("error", error).update();
    }

    /** Fails imports that made no progress for this long: the instance running them stopped. */
    int failAbandoned(Duration silence, String error) {
        return jdbc.sql("""
                        update product_import set status = 'FAILED', error = :error, finished_at = now(), updated_at = now()
                         where status = 'RUNNING' and updated_at < now() - make_interval(secs => :seconds)
                        """)
                .param("error", error)
                .param("seconds", silence.toSeconds())
                .update();
    }

    /** The import with its first {@link ImportStatus#MAX_ERRORS} row errors; read it in one transaction. */
    Optional<ImportStatus> find(UUID id) {
        return jdbc.sql("""
                        select i.id, e.code, i.file_name, i.format, i.status, i.total_rows, i.done_rows, i.imported,
                               i.rejected, i.error, i.started_at, i.finished_at
                          from product_import i join exhibitor e on e.id = i.exhibitor_id
                         where i.id = :id
                        """)
                .param("id", id)
                .query((rs, row) -> status(rs))
                .optional()
                .map(this::withErrors);
    }

    private ImportStatus withErrors(ImportStatus s) {
        List<RowError> errors = jdbc.sql("""
                        select row_no, column_name, reason from product_import_error
                         where import_id = :id order by row_no, id limit :limit
                        """)
                .param("id", s.id())
                .param("limit", ImportStatus.MAX_ERRORS)
                .query((rs, row) -> new RowError(rs.getInt(1), rs.getString(2), rs.getString(3)))
                .list();
        return new ImportStatus(
                s.id(),
                s.exhibitor(),
                s.fileName(),
                s.format(),
                s.status(),
                s.total(),
                s.done(),
                s.imported(),
                s.rejected(),
                s.error(),
                errors,
                s.startedAt(),
                s.finishedAt());
    }

    private static ImportStatus status(ResultSet rs) throws SQLException {
        return new ImportStatus(
                rs.getObject("id", UUID.class),
                rs.getString("code"),
                rs.getString("file_name"),
                Format.valueOf(rs.getString("format")),
                State.valueOf(rs.getString("status")),
                rs.getInt("total_rows"),
                rs.getInt("done_rows"),
                rs.getInt("imported"),
                rs.getInt("rejected"),
                rs.getString("error"),
                List.of(),
                rs.getTimestamp("started_at").toInstant(),
                instant(rs.getTimestamp("finished_at")));
    }

    private static java.time.@Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
