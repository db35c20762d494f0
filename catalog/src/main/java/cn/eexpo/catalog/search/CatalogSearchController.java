package cn.eexpo.catalog.search;

import cn.eexpo.catalog.ProductSearch;
import cn.eexpo.catalog.SearchQuery;
import cn.eexpo.catalog.SearchResult;
import cn.eexpo.catalog.SearchUnavailableException;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

@RestController
@RequestMapping("/api/v1/catalog")
class CatalogSearchController {

    private static final int MAX_SUGGESTIONS = 10;

    private final ProductSearch search;

    CatalogSearchController(ProductSearch search) {
        this.search = search;
    }

    /**
     * Full-text search over listed products, zh and en, with disjunctive facets. Facet parameters may repeat
     * ({@code brand=a2&brand=Aptamil}); a category also matches its sub-categories; prices are CNY. {@code nextCursor}
     * continues after a page (pass it as {@code cursor}); sorted by price or newest, pages beyond the first 10,000
     * results are reached only that way. By relevance, results end at 10,000.
     */
    @GetMapping("/search")
    SearchResult search(
            @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable List<String> category,
            @RequestParam(required = false) @Nullable List<String> brand,
            @RequestParam(required = false) @Nullable List<String> origin,
            @RequestParam(required = false) @Nullable List<String> tradeMode,
            @RequestParam(required = false) @Nullable List<String> warehouse,
            @RequestParam(required = false) @Nullable BigDecimal priceMin,
            @RequestParam(required = false) @Nullable BigDecimal priceMax,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            @RequestParam(required = false) @Nullable String cursor) {
        return search.search(new SearchQuery(
                q,
                orEmpty(category),
                orEmpty(brand),
                orEmpty(origin),
                orEmpty(tradeMode),
                orEmpty(warehouse),
                priceMin,
                priceMax,
                SearchQuery.Sort.of(sort),
                page,
                size,
                cursor));
    }

    /** Names and brands starting with what was typed, for the search box. */
    @GetMapping("/suggest")
    Suggestions suggest(@RequestParam String q, @RequestParam(defaultValue = "8") int size) {
        return new Suggestions(search.suggest(q, Math.clamp(size, 1, MAX_SUGGESTIONS)));
    }

    record Suggestions(List<String> suggestions) {}

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

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getName() + " is not valid: " + e.getValue());
    }

    private static List<String> orEmpty(@Nullable List<String> values) {
        return values == null ? List.of() : values;
    }
}
