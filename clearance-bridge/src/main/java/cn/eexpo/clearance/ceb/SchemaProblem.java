package cn.eexpo.clearance.ceb;

/**
 * One schema violation: where (line, column and the element path, e.g.
 * {@code /CEB311Message/Order[1]/OrderHead/orderNo}) and the validator's own message. Identity numbers in the
 * message are masked.
 */
public record SchemaProblem(int line, int column, String field, String message) {

    @Override
    public String toString() {
        return "line " + line + ", column " + column + ", " + field + ": " + message;
    }
}
