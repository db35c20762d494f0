package cn.eexpo.orders.tax;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

@RestControllerAdvice(basePackages = "cn.eexpo.orders.tax")
@Order(Ordered.HIGHEST_PRECEDENCE)
class TaxProblemHandler {

    @ExceptionHandler(InvalidTaxInputException.class)
    ProblemDetail invalid(InvalidTaxInputException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Cannot quote the tax");
        problem.setProperty("field", e.field());
        return problem;
    }

    /** The request is well formed, but no order can be placed like this: it has to be split. */
    @ExceptionHandler(OrderLimitExceededException.class)
    ProblemDetail overLimit(OrderLimitExceededException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Order over the per-order limit");
        problem.setProperty("limit", RetailImportTax.PER_ORDER_LIMIT.yuan());
        return problem;
    }
}
