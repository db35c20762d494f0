package cn.eexpo.clearance.ceb;

import cn.eexpo.clearance.ceb.Ceb311Message.Order;
import cn.eexpo.clearance.ceb.Ceb311Message.OrderLine;
import cn.eexpo.clearance.ceb.Ceb621Message.Inventory;
import cn.eexpo.clearance.ceb.Ceb621Message.InventoryLine;
import cn.eexpo.clearance.ceb.Filing.Clearance;
import cn.eexpo.clearance.ceb.Filing.Line;
import cn.eexpo.clearance.ceb.Filing.TradeMode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The customs rules a filing must keep before it is built (the XSD checks formats and lengths after): amounts
 * (acturalPaid = goodsValue + freight + taxTotal − discount, goodsValue = Σ totalPrice, totalPrice = price × qty,
 * N19,5), RMB only (142), codes from the customs code sets, gnum 1, 2, … shared 1:1 by the order and the list, and
 * what 1210 bonded (emsNo, area, itemRecordNo, country 142) and 9610 direct purchase (trafNo, voyageNo, billNo)
 * require. Problems name the field and never contain the ID number.
 */
public final class FilingRules {

    static final String RMB = "142";
    private static final Pattern HS_CODE = Pattern.compile("\\d{10}");
    private static final Pattern CUSTOMS_DISTRICT = Pattern.compile("\\d{4}");
    private static final Pattern DIVISION = Pattern.compile("\\d{6}");

    private final CodeTables codes;

    public FilingRules(CodeTables codes) {
        this.codes = codes;
    }

    /** Throws when {@code filing} breaks a rule. */
    public void check(Filing filing) {
        List<String> problems = problems(filing);
        if (!problems.isEmpty()) throw new FilingRejectedException(filing.orderNo(), problems);
    }

    /** Every rule {@code filing} breaks; empty when it may be filed. */
    public List<String> problems(Filing f) {
        var p = new Problems();
        p.require(!f.orderNo().isBlank(), "orderNo is empty");
        p.require(
                RMB.equals(f.currency()),
                "currency must be 142 (RMB): retail imports are declared in RMB only, got " + f.currency());
        p.require(
                codes.currency(f.currency()).isPresent(),
                "currency " + f.currency() + " is not a customs currency code");

        p.money("goodsValue", f.goodsValue());
        p.money("freight", f.freight());
        p.money("discount", f.discount());
        p.money("taxTotal", f.taxTotal());
        p.money("acturalPaid", f.acturalPaid());
        if (p.allDecimalsFine()) {
            BigDecimal expected =
                    f.goodsValue().add(f.freight()).add(f.taxTotal()).subtract(f.discount());
            p.require(
                    expected.compareTo(f.acturalPaid()) == 0,
                    "acturalPaid " + plain(f.acturalPaid()) + " is not goodsValue + freight + taxTotal − discount = "
                            + plain(expected));
        }

        p.require(
                !f.buyer().idNumber().value().isEmpty() && f.buyer().idNumber().isResidentIdNumber(),
                "buyer idNumber is not an 18-character resident ID number with a valid GB 11643 check digit"
                        + " (buyerIdType is always 1, 身份证)");
        String district = f.consignee().district();
        p.require(
                district == null || DIVISION.matcher(district).matches(),
                "consignee district must be a 6-digit division code, got " + district);

        lines(f, p);
        clearance(f, p);
        return p.list;
    }

    private void lines(Filing f, Problems p) {
        List<Line> lines = f.lines();
        p.require(!lines.isEmpty() && lines.size() <= 99, "an order has 1 to 99 lines, this one " + lines.size());
        BigDecimal sum = BigDecimal.ZERO;
        boolean bonded = f.clearance().tradeMode() == TradeMode.BONDED_1210;
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            String at = "line " + l.gnum() + " (" + l.itemNo() + "): ";
            p.require(
                    l.gnum() == i + 1,
                    "line " + (i + 1) + " has gnum " + l.gnum()
                            + ": gnum must run 1, 2, … in order (the order's and the list's lines correspond 1:1 by it)");
            p.require(
                    HS_CODE.matcher(l.gcode()).matches(), at + "gcode must be the 10-digit HS code, got " + l.gcode());
            unit(p, at + "unit", l.unit());
            unit(p, at + "unit1", l.unit1());
            if (l.unit2() != null || l.qty2() != null) {
                p.require(l.unit2() != null && l.qty2() != null, at + "unit2 and qty2 go together");
                if (l.unit2() != null) unit(p, at + "unit2", l.unit2());
                if (l.qty2() != null) p.quantity(at + "qty2", l.qty2());
            }
            p.require(
                    codes.country(l.country()).isPresent(),
                    at + "country " + l.country() + " is not a customs country code");
            p.quantity(at + "qty", l.qty());
            p.quantity(at + "qty1", l.qty1());
            p.money(at + "price", l.price());
            p.money(at + "totalPrice", l.totalPrice());
            if (p.fine(l.qty(), l.price(), l.totalPrice())) {
                BigDecimal product = l.price().multiply(l.qty());
                BigDecimal rounded = product.setScale(Math.max(l.totalPrice().scale(), 0), RoundingMode.HALF_UP);
                p.require(
                        rounded.compareTo(l.totalPrice()) == 0,
                        at + "totalPrice " + plain(l.totalPrice()) + " is not price × qty = " + plain(product));
                sum = sum.add(l.totalPrice());
            }
            if (bonded) {
                p.require(present(l.itemRecordNo()), at + "itemRecordNo (账册备案料号) is required for 1210 bonded import");
            }
        }
        if (p.allDecimalsFine()) {
            p.require(
                    sum.compareTo(f.goodsValue()) == 0,
                    "goodsValue " + plain(f.goodsValue()) + " is not the sum of the lines' totalPrice " + plain(sum));
        }
    }

    private void clearance(Filing f, Problems p) {
        Clearance c = f.clearance();
        p.require(!c.copNo().isBlank() && c.copNo().length() <= 20, "copNo must be 1 to 20 characters");
        p.require(
                CUSTOMS_DISTRICT.matcher(c.customsCode()).matches(),
                "customsCode must be a 4-digit customs district code (关区代码), got " + c.customsCode());
        p.require(
                CUSTOMS_DISTRICT.matcher(c.portCode()).matches(),
                "portCode must be a 4-digit customs district code (关区代码), got " + c.portCode());
        p.require(
                codes.transportMode(c.trafMode()).isPresent(),
                "trafMode " + c.trafMode() + " is not a customs transport mode code");
        p.require(
                codes.country(c.country()).isPresent(),
                "clearance country " + c.country() + " is not a customs country code");
        p.money("clearance freight", c.freight());
        p.money("insuredFee", c.insuredFee());
        p.quantity("netWeight", c.netWeight());
        p.quantity("grossWeight", c.grossWeight());
        if (p.fine(c.grossWeight(), c.netWeight())) {
            p.require(
                    c.grossWeight().compareTo(c.netWeight()) >= 0,
                    "grossWeight " + plain(c.grossWeight()) + " kg is less than netWeight " + plain(c.netWeight())
                            + " kg");
        }
        switch (c.tradeMode()) {
            case BONDED_1210 -> {
                p.require(present(c.emsNo()), "emsNo (账册编号) is required for 1210 bonded import");
                p.require(
                        c.area() != null
                                && present(c.area().code())
                                && present(c.area().name()),
                        "area code and name (区内仓储企业) are required for 1210 bonded import");
                p.require(RMB.equals(c.country()), "country must be 142 for 1210 bonded import, got " + c.country());
            }
            case DIRECT_9610 -> {
                p.require(present(c.trafNo()), "trafNo is required for 9610 direct purchase import");
                p.require(present(c.voyageNo()), "voyageNo is required for 9610 direct purchase import");
                p.require(present(c.billNo()), "billNo is required for 9610 direct purchase import");
            }
        }
    }

    private void unit(Problems p, String field, String code) {
        p.require(codes.unit(code).isPresent(), field + " " + code + " is not a customs unit code");
    }

    /**
     * What must agree between an order and its inventory list (三单对碰, list against order): the keys, the buyer,
     * the address, and line by line (by gnum, 1:1) name, quantity, unit, price, total and origin.
     */
    public static List<String> pairingProblems(Order order, Inventory inventory) {
        var p = new Problems();
        var o = order.head();
        var i = inventory.head();
        p.require(o.orderNo().equals(i.orderNo()), "orderNo differs between order and list");
        p.require(
                o.ebpCode().equals(i.ebpCode()) && o.ebcCode().equals(i.ebcCode()),
                "ebpCode/ebcCode differ between order and list");
        p.require(
                o.buyerIdNumber().equals(i.buyerIdNumber())
                        && o.buyerName().equals(i.buyerName())
                        && o.buyerTelephone().equals(i.buyerTelephone()),
                "the buyer differs between order and list");
        p.require(o.consigneeAddress().equals(i.consigneeAddress()), "consigneeAddress differs between order and list");
        Map<Integer, OrderLine> byGnum = new HashMap<>();
        order.lines().forEach(l -> byGnum.put(l.gnum(), l));
        p.require(byGnum.size() == order.lines().size(), "the order repeats a gnum");
        p.require(
                order.lines().size() == inventory.lines().size(),
                "the order has " + order.lines().size() + " lines, the list "
                        + inventory.lines().size() + ": gnum must correspond 1:1");
        for (InventoryLine l : inventory.lines()) {
            OrderLine ol = byGnum.get(l.gnum());
            if (ol == null) {
                p.require(false, "list gnum " + l.gnum() + " has no order line");
                continue;
            }
            String at = "gnum " + l.gnum() + ": ";
            p.require(ol.itemName().equals(l.gname()), at + "gname differs from the order's itemName");
            p.require(ol.unit().equals(l.unit()), at + "unit differs");
            p.require(ol.country().equals(l.country()), at + "country differs");
            p.require(ol.qty().compareTo(l.qty()) == 0, at + "qty differs");
            p.require(ol.price().compareTo(l.price()) == 0, at + "price differs");
            p.require(ol.totalPrice().compareTo(l.totalPrice()) == 0, at + "totalPrice differs");
        }
        return p.list;
    }

    private static boolean present(@Nullable String value) {
        return value != null && !value.isBlank();
    }

    private static String plain(BigDecimal value) {
        return value.toPlainString();
    }

    private static final class Problems {
        final List<String> list = new ArrayList<>();
        private boolean decimalsFine = true;

        void require(boolean ok, String problem) {
            if (!ok) list.add(problem);
        }

        boolean allDecimalsFine() {
            return decimalsFine;
        }

        boolean fine(@Nullable BigDecimal... values) {
            for (BigDecimal v : values) if (v == null || !n19x5(v) || v.signum() < 0) return false;
            return true;
        }

        /** Not negative, N19,5: at most 5 decimals and 14 integer digits. */
        void money(String field, @Nullable BigDecimal value) {
            if (value == null) {
                list.add(field + " is missing");
                decimalsFine = false;
            } else if (value.signum() < 0) {
                list.add(field + " is negative: " + plain(value));
                decimalsFine = false;
            } else if (!n19x5(value)) {
                list.add(field + " " + plain(value) + " does not fit N19,5 (at most 5 decimals, 14 integer digits)");
                decimalsFine = false;
            }
        }

        void quantity(String field, @Nullable BigDecimal value) {
            money(field, value);
            if (value != null && value.signum() == 0) list.add(field + " must be more than 0");
        }

        private static boolean n19x5(BigDecimal value) {
            BigDecimal v = value.stripTrailingZeros();
            int scale = Math.max(v.scale(), 0);
            return scale <= 5 && v.precision() - v.scale() <= 14;
        }
    }
}
