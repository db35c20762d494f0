package cn.eexpo.orders.tax;

/** Lines or freight that cannot be priced: the field ({@code lines[1].quantity}, {@code freight}) and why. */
public class InvalidTaxInputException extends IllegalArgumentException {

    private final String field;

    public InvalidTaxInputException(String field, String reason) {
        super(field + ": " + reason);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
