package cn.eexpo.orders.order;

import cn.eexpo.catalog.OutOfStockException;
import cn.eexpo.orders.checkout.CheckoutRefusedException;
import cn.eexpo.orders.checkout.IdempotencyConflictException;
import cn.eexpo.orders.quota.QuotaExceededException;
import cn.eexpo.orders.tax.OrderLimitExceededException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Why an order could not be placed or found, as RFC 9457 problem details a shopper can act on. */
@RestControllerAdvice
class OrderProblems {

    @ExceptionHandler(UnknownOrderException.class)
    ProblemDetail unknown(UnknownOrderException e) {
        return problem(HttpStatus.NOT_FOUND, "No such order", e.getMessage());
    }

    @ExceptionHandler(CheckoutRefusedException.class)
    ProblemDetail refused(CheckoutRefusedException e) {
        var p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Order refused", e.getMessage());
        p.setProperty("field", e.field());
        return p;
    }

    @ExceptionHandler(IdempotencyConflictException.class)
    ProblemDetail conflict(IdempotencyConflictException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Idempotency-Key reused", e.getMessage());
    }

    @ExceptionHandler(OutOfStockException.class)
    ProblemDetail outOfStock(OutOfStockException e) {
        var p = problem(HttpStatus.CONFLICT, "Out of stock", e.getMessage());
        p.setProperty("sku", e.sku());
        p.setProperty("available", e.available());
        return p;
    }

    @ExceptionHandler(QuotaExceededException.class)
    ProblemDetail quota(QuotaExceededException e) {
        var p = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Annual limit reached", e.getMessage());
        p.setProperty("remaining", e.remaining().yuan());
        return p;
    }

    @ExceptionHandler(OrderLimitExceededException.class)
    ProblemDetail orderLimit(OrderLimitExceededException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Order over CNY 5,000", e.getMessage());
    }

    @ExceptionHandler(OrderStateException.class)
    ProblemDetail state(OrderStateException e) {
        return problem(HttpStatus.CONFLICT, "Not possible now", e.getMessage());
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        var p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
