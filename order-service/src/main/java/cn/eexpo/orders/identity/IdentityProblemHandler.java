package cn.eexpo.orders.identity;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Identity problems as problem details: the field and the reason, never the rejected value. */
@RestControllerAdvice(basePackages = {"cn.eexpo.orders.identity", "cn.eexpo.orders.quota"})
@Order(Ordered.HIGHEST_PRECEDENCE)
class IdentityProblemHandler {

    @ExceptionHandler(InvalidIdentityException.class)
    ProblemDetail invalid(InvalidIdentityException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setTitle("Identity not accepted");
        problem.setProperty("field", e.field());
        return problem;
    }

    @ExceptionHandler(IdentityRequiredException.class)
    ProblemDetail required(IdentityRequiredException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Real-name identity required");
        return problem;
    }
}
