package cn.eexpo.orders.cart;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The cart API's errors as RFC 9457 problem details, with the facts a client needs to recover. */
@RestControllerAdvice(assignableTypes = CartController.class)
class CartProblems {

    @ExceptionHandler(UnknownProductException.class)
    ProblemDetail unknownProduct(UnknownProductException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unknown product", e);
        problem.setProperty("sku", e.sku().value());
        return problem;
    }

    @ExceptionHandler(InsufficientStockException.class)
    ProblemDetail insufficientStock(InsufficientStockException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Not enough stock", e);
        problem.setProperty("sku", e.sku().value());
        problem.setProperty("requested", e.requested());
        problem.setProperty("available", e.available());
        return problem;
    }

    @ExceptionHandler(CartFullException.class)
    ProblemDetail cartFull(CartFullException e) {
        ProblemDetail problem = problem(HttpStatus.CONFLICT, "Cart full", e);
        problem.setProperty("limit", e.limit());
        return problem;
    }

    @ExceptionHandler(CartUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(CartUnavailableException e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Cart unavailable", e));
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badRequest(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid cart request", e);
    }

    private static ProblemDetail problem(HttpStatus status, String title, RuntimeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, e.getMessage());
        problem.setTitle(title);
        return problem;
    }
}
