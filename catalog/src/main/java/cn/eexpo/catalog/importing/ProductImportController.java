package cn.eexpo.catalog.importing;

import cn.eexpo.catalog.ImportRefusedException;
import cn.eexpo.catalog.ImportStatus;
import cn.eexpo.catalog.ImportStatus.State;
import cn.eexpo.catalog.ProductImports;
import cn.eexpo.catalog.UnknownExhibitorException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Exhibitors' product imports over HTTP: upload a CSV or XLSX file, then follow the import's progress.
 *
 * <p>TODO(auth): once authentication exists, only the exhibitor itself and operators may start an exhibitor's import
 * or read its status; until then these endpoints are open, like the rest of the API.
 */
@RestController
@RequestMapping("/api/v1")
class ProductImportController {

    /** What the upload answers: the import's id, and how far it is (usually just begun). */
    record Started(UUID id, State status, int total, int done) {}

    private final ProductImports imports;

    ProductImportController(ProductImports imports) {
        this.imports = imports;
    }

    /**
     * Starts importing the products in the uploaded file (part {@code file}; {@code .csv} or {@code .xlsx}) for the
     * exhibitor. Answers 202 with the import's location; the rows are imported in the background.
     */
    @PostMapping(path = "/exhibitors/{exhibitorCode}/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Started> start(@PathVariable String exhibitorCode, @RequestParam("file") MultipartFile file)
            throws IOException {
        ImportStatus status;
        try (InputStream content = file.getInputStream()) {
            status = imports.start(exhibitorCode, nameOf(file), file.getContentType(), content);
        }
        return ResponseEntity.accepted()
                .location(location(status.id()))
                .body(new Started(status.id(), status.status(), status.total(), status.done()));
    }

    /** An import's progress and outcome, with the first 1,000 problems found in its rows. */
    @GetMapping("/imports/{id}")
    ImportStatus status(@PathVariable UUID id) {
        return imports.status(id).orElseThrow(() -> new UnknownImportException(id));
    }

    private static final class UnknownImportException extends RuntimeException {

        UnknownImportException(UUID id) {
            super("There is no import " + id + ".");
        }
    }

    @ExceptionHandler(UnknownImportException.class)
    ProblemDetail unknownImport(UnknownImportException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown import", e.getMessage());
    }

    @ExceptionHandler(UnknownExhibitorException.class)
    ProblemDetail unknownExhibitor(UnknownExhibitorException e) {
        return problem(HttpStatus.NOT_FOUND, "Unknown exhibitor", e.getMessage());
    }

    @ExceptionHandler(ImportRefusedException.class)
    ProblemDetail refused(ImportRefusedException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "File cannot be imported", e.getMessage());
        if (e.importId() != null) {
            problem.setProperty("importId", e.importId());
            problem.setInstance(URI.create("/api/v1/imports/" + e.importId()));
        }
        return problem;
    }

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail noFile(MissingServletRequestPartException e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "No file",
                "Send the file as the multipart/form-data part named '" + e.getRequestPartName() + "'.");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    private static String nameOf(MultipartFile file) {
        String name = file.getOriginalFilename();
        return name == null || name.isBlank() ? file.getName() : name;
    }

    private static URI location(UUID id) {
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/api/v1/imports/{id}")
                .buildAndExpand(id)
                .toUri();
    }
}
