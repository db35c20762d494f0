package cn.eexpo.orders.account;

import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import tools.jackson.core.JacksonException;

/**
 * Problem details (RFC 9457) for the accounts, identity, tax and quota endpoints. Request bodies here may carry ID
 * numbers and passwords, so no detail ever repeats a rejected value or a parser's message (which quotes the input):
 * a detail names the field and the reason only. Each package maps its own exceptions next to its controller.
 */
@RestControllerAdvice(
        basePackages = {
            "cn.eexpo.orders.account",
            "cn.eexpo.orders.identity",
            "cn.eexpo.orders.tax",
            "cn.eexpo.orders.quota"
        })
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class OrdersProblemHandler {

    @ExceptionHandler(AccountRefusedException.class)
    ProblemDetail refused(AccountRefusedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Account not opened", e.getMessage(), e.field());
    }

    @ExceptionHandler(EmailTakenException.class)
    ProblemDetail taken(EmailTakenException e) {
        return problem(HttpStatus.CONFLICT, "E-mail address taken", e.getMessage(), "email");
    }

    /** A body that is not JSON, or a field of the wrong type: the field's path, never the parser's message. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        if (e.getCause() instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json);
            return problem(HttpStatus.BAD_REQUEST, "Bad request", field + ": not a valid value for this field", field);
        }
        return problem(
                HttpStatus.BAD_REQUEST, "Bad request", "The request body is missing or is not valid JSON.", null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Bad request", e.getName() + ": not a valid value", e.getName());
    }

    /** {@code lines[0].unitPrice}: the JSON path of the value that could not be read. */
    static String path(JacksonException e) {
        return e.getPath().stream()
                .map(reference -> reference.getPropertyName() != null
                        ? "." + reference.getPropertyName()
                        : "[" + reference.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, @Nullable String field) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (field != null) {
            problem.setProperty("field", field);
        }
        return problem;
    }
}
