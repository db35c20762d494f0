package cn.eexpo.catalog.search;

import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/catalog")
class CatalogSearchController {

    private final ProductSearch search;

    CatalogSearchController(ProductSearch search) {
        this.search = search;
    }

    /** Full-text search over listed products, zh and en. */
    @GetMapping("/search")
    SearchResult search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        return search.search(SearchQuery.text(q, page, size));
    }

    @ExceptionHandler(SearchUnavailableException.class)
    ProblemDetail unavailable(SearchUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Search unavailable");
        return problem;
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }
}
