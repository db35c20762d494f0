package cn.eexpo.clearance.ceb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.eexpo.clearance.TestFilings;
import cn.eexpo.clearance.ceb.Filing.Clearance;
import cn.eexpo.clearance.ceb.Filing.Line;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class FilingRulesTest {

    final FilingRules rules = new FilingRules(CodeTables.bundled());

    @Test
    void validFilingsPass() {
        assertThat(rules.problems(TestFilings.bonded("E202611280001"))).isEmpty();
        assertThat(rules.problems(TestFilings.direct("E202611280002"))).isEmpty();
    }

    @Test
    void acturalPaidMustBeGoodsValuePlusFreightPlusTaxMinusDiscount() {
        Filing f = TestFilings.bonded("E1");
        Filing wrong = new Filing(
                f.orderNo(),
                f.platform(),
                f.seller(),
                f.currency(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                new BigDecimal("315.48"),
                f.buyer(),
                f.consignee(),
                f.payment(),
                f.clearance(),
                f.lines());
        assertThat(rules.problems(wrong))
                .containsExactly("acturalPaid 315.48 is not goodsValue + freight + taxTotal − discount = 310.48");
    }

    @Test
    void onlyRmbAndAtMostFiveDecimals() {
        Filing f = TestFilings.bonded("E1");
        Filing usd = new Filing(
                f.orderNo(),
                f.platform(),
                f.seller(),
                "502",
                f.goodsValue(),
                f.freight(),
                f.discount(),
                new BigDecimal("25.480001"),
                f.acturalPaid(),
                f.buyer(),
                f.consignee(),
                f.payment(),
                f.clearance(),
                f.lines());
        assertThat(rules.problems(usd))
                .contains(
                        "currency must be 142 (RMB): retail imports are declared in RMB only, got 502",
                        "taxTotal 25.480001 does not fit N19,5 (at most 5 decimals, 14 integer digits)");
    }

    @Test
    void linesNumberedOneTwoInOrderWithTotalsAndCustomsCodes() {
        List<String> problems = rules.problems(withLines(TestFilings.bonded("E1"), lines -> {
            Line a = lines.get(0);
            Line b = lines.get(1);
            return List.of(
                    b,
                    new Line(
                            2,
                            a.itemNo(),
                            a.itemName(),
                            a.gmodel(),
                            a.barCode(),
                            "19011010",
                            "999",
                            a.qty(),
                            a.unit1(),
                            a.qty1(),
                            null,
                            null,
                            a.price(),
                            new BigDecimal("221.00"),
                            "998",
                            a.itemRecordNo()));
        }));
        assertThat(problems)
                .contains(
                        "line 1 has gnum 2: gnum must run 1, 2, … in order (the order's and the list's lines"
                                + " correspond 1:1 by it)",
                        "line 2 (SKU-MILK-900): gcode must be the 10-digit HS code, got 19011010",
                        "line 2 (SKU-MILK-900): unit 999 is not a customs unit code",
                        "line 2 (SKU-MILK-900): country 998 is not a customs country code",
                        "line 2 (SKU-MILK-900): totalPrice 221.00 is not price × qty = 220.00",
                        "goodsValue 280.00 is not the sum of the lines' totalPrice 281.00");
    }

    @Test
    void bondedImportNeedsAccountBookAreaAndItemRecordNumbers() {
        Filing f = TestFilings.bonded("E1");
        Clearance c = f.clearance();
        Clearance bare = new Clearance(
                c.tradeMode(),
                c.copNo(),
                c.logistics(),
                c.logisticsNo(),
                c.assureCode(),
                null,
                c.customsCode(),
                c.portCode(),
                c.agent(),
                null,
                c.trafMode(),
                null,
                null,
                null,
                "116",
                c.freight(),
                c.insuredFee(),
                c.grossWeight(),
                c.netWeight(),
                c.declTime());
        Filing noRecords = withLines(
                f,
                lines -> lines.stream()
                        .map(l -> new Line(
                                l.gnum(),
                                l.itemNo(),
                                l.itemName(),
                                l.gmodel(),
                                l.barCode(),
                                l.gcode(),
                                l.unit(),
                                l.qty(),
                                l.unit1(),
                                l.qty1(),
                                l.unit2(),
                                l.qty2(),
                                l.price(),
                                l.totalPrice(),
                                l.country(),
                                null))
                        .toList());
        Filing both = new Filing(
                noRecords.orderNo(),
                f.platform(),
                f.seller(),
                f.currency(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                f.acturalPaid(),
                f.buyer(),
                f.consignee(),
                f.payment(),
                bare,
                noRecords.lines());
        assertThat(rules.problems(both))
                .containsExactlyInAnyOrder(
                        "line 1 (SKU-MILK-900): itemRecordNo (账册备案料号) is required for 1210 bonded import",
                        "line 2 (SKU-VIT-C): itemRecordNo (账册备案料号) is required for 1210 bonded import",
                        "emsNo (账册编号) is required for 1210 bonded import",
                        "area code and name (区内仓储企业) are required for 1210 bonded import",
                        "country must be 142 for 1210 bonded import, got 116");
    }

    @Test
    void directPurchaseNeedsTheCarrier() {
        Filing f = TestFilings.direct("E1");
        Clearance c = f.clearance();
        Clearance noCarrier = new Clearance(
                c.tradeMode(),
                c.copNo(),
                c.logistics(),
                c.logisticsNo(),
                c.assureCode(),
                null,
                c.customsCode(),
                c.portCode(),
                c.agent(),
                null,
                c.trafMode(),
                null,
                " ",
                null,
                c.country(),
                c.freight(),
                c.insuredFee(),
                c.grossWeight(),
                c.netWeight(),
                c.declTime());
        Filing bad = new Filing(
                f.orderNo(),
                f.platform(),
                f.seller(),
                f.currency(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                f.acturalPaid(),
                f.buyer(),
                f.consignee(),
                f.payment(),
                noCarrier,
                f.lines());
        assertThat(rules.problems(bad))
                .containsExactly(
                        "trafNo is required for 9610 direct purchase import",
                        "voyageNo is required for 9610 direct purchase import",
                        "billNo is required for 9610 direct purchase import");
    }

    @Test
    void idNumberIsCheckedButNeverShown() {
        Filing f = TestFilings.bonded("E1");
        String wrongDigit = "410105199003071231";
        Filing bad = new Filing(
                f.orderNo(),
                f.platform(),
                f.seller(),
                f.currency(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                f.acturalPaid(),
                new Filing.Buyer("u", "张三", "138", new IdNumber(wrongDigit)),
                f.consignee(),
                f.payment(),
                f.clearance(),
                f.lines());
        assertThatThrownBy(() -> rules.check(bad))
                .isInstanceOf(FilingRejectedException.class)
                .hasMessageContaining("GB 11643")
                .hasMessageNotContaining(wrongDigit)
                .hasMessageNotContaining("41010519900307");
        assertThat(bad.toString()).doesNotContain(wrongDigit).contains("4101**********1231");
    }

    static Filing withLines(Filing f, UnaryOperator<List<Line>> change) {
        return new Filing(
                f.orderNo(),
                f.platform(),
                f.seller(),
                f.currency(),
                f.goodsValue(),
                f.freight(),
                f.discount(),
                f.taxTotal(),
                f.acturalPaid(),
                f.buyer(),
                f.consignee(),
                f.payment(),
                f.clearance(),
                change.apply(new ArrayList<>(f.lines())));
    }
}
