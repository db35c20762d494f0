package cn.eexpo.clearance.ceb;

import java.util.List;

/** A filing that breaks customs' rules and so was not built; {@link #problems()} says each rule broken, by field. */
public class FilingRejectedException extends RuntimeException {

    private final String orderNo;
    private final List<String> problems;

    public FilingRejectedException(String orderNo, List<String> problems) {
        super("filing of order " + orderNo + " rejected: " + String.join("; ", problems));
        this.orderNo = orderNo;
        this.problems = List.copyOf(problems);
    }

    public String orderNo() {
        return orderNo;
    }

    public List<String> problems() {
        return problems;
    }
}
