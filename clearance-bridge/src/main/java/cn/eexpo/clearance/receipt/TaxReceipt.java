package cn.eexpo.clearance.receipt;

import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A CEB816 electronic tax bill (电子税单) for one inventory list, or a CEB818 status change of one (then the amounts
 * and lines are absent).
 *
 * @param status 1 generated, 2 summarised, 3 void
 * @param lines per list item: the dutiable price and each tax
 */
public record TaxReceipt(
        String guid,
        String returnTime,
        String invtNo,
        String taxNo,
        @Nullable BigDecimal customsTax,
        @Nullable BigDecimal valueAddedTax,
        @Nullable BigDecimal consumptionTax,
        String status,
        @Nullable String entDutyNo,
        @Nullable String note,
        @Nullable String assureCode,
        @Nullable String ebcCode,
        @Nullable String logisticsCode,
        @Nullable String agentCode,
        @Nullable String customsCode,
        List<Line> lines) {

    public TaxReceipt {
        lines = List.copyOf(lines);
    }

    public record Line(
            int gnum,
            String gcode,
            BigDecimal taxPrice,
            BigDecimal customsTax,
            BigDecimal valueAddedTax,
            BigDecimal consumptionTax) {}
}
