package cn.eexpo.sandbox.customs;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Writes receipts as customs does in the official samples: the CEB namespace as the default namespace, no prefix,
 * {@code guid} and {@code version="1.0"} on the root, one business node per message here. Every field is written in
 * the XSD's order, so the receipts validate against the official ceb-import-202205.xsd.
 */
final class ReceiptXml {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter RETURN_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS", Locale.ROOT);

    private ReceiptXml() {}

    /** A fresh e-port guid: an upper-case UUID, 36 characters. */
    static String newGuid() {
        return UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
    }

    static String returnTime() {
        return LocalDateTime.now(CHINA).format(RETURN_TIME);
    }

    /** CEB312 OrderReturn. */
    static byte[] orderReturn(
            String guid, String ebpCode, String ebcCode, String orderNo, String status, String time, String info) {
        var x = new Builder("CEB312Message", guid).open("OrderReturn");
        x.field("guid", guid)
                .field("ebpCode", ebpCode)
                .field("ebcCode", ebcCode)
                .field("orderNo", orderNo);
        x.field("returnStatus", status).field("returnTime", time).field("returnInfo", limit(info, 1000));
        return x.close("OrderReturn").done();
    }

    /** The keys of a 622/624/626 receipt. */
    record ListKeys(
            @Nullable String customsCode,
            @Nullable String ebpCode,
            @Nullable String ebcCode,
            @Nullable String agentCode,
            String copNo,
            String preNo,
            @Nullable String invtNo) {}

    /** CEB622 InventoryReturn, CEB624 InvtCancelReturn or CEB626 InvtRefundReturn. */
    static byte[] listReturn(String root, String guid, ListKeys k, String status, String time, String info) {
        String node = switch (root) {
            case "CEB622Message" -> "InventoryReturn";
            case "CEB624Message" -> "InvtCancelReturn";
            case "CEB626Message" -> "InvtRefundReturn";
            default -> throw new IllegalArgumentException(root);
        };
        var x = new Builder(root, guid).open(node).field("guid", guid).optional("customsCode", k.customsCode());
        if (root.equals("CEB622Message")) {
            x.optional("ebpCode", k.ebpCode()).optional("ebcCode", k.ebcCode()).optional("agentCode", k.agentCode());
        } else {
            x.optional("agentCode", k.agentCode())
                    .optional("ebpCode", k.ebpCode())
                    .optional("ebcCode", k.ebcCode());
        }
        x.field("copNo", k.copNo()).field("preNo", k.preNo()).optional("invtNo", k.invtNo());
        x.field("returnStatus", status).field("returnTime", time).field("returnInfo", limit(info, 1000));
        return x.close(node).done();
    }

    /** CEB900 MessageReturn: the format check of a message customs could not take. */
    static byte[] messageReturn(
            String guid, String status, String info, String time, String oriCopMsgId, String oriMessageType) {
        var x = new Builder("CEB900Message", guid).open("MessageReturn");
        x.field("guid", guid).field("returnStatus", status).field("returnInfo", limit(info, 5000));
        x.field("returnTime", time).field("oriCopMsgId", limit(oriCopMsgId, 255));
        x.field("oriMessageType", limit(oriMessageType, 15)).field("oriBizMessage", "");
        return x.close("MessageReturn").done();
    }

    record TaxLine(int gnum, String gcode, BigDecimal taxPrice, BigDecimal valueAddedTax) {}

    /** CEB816 electronic tax bill, status 1 (generated); customs duty and consumption tax 0 here. */
    static byte[] taxBill(
            String guid,
            String time,
            String invtNo,
            String taxNo,
            BigDecimal valueAddedTax,
            @Nullable String assureCode,
            @Nullable String ebcCode,
            @Nullable String logisticsCode,
            @Nullable String agentCode,
            @Nullable String customsCode,
            List<TaxLine> lines) {
        var x = new Builder("CEB816Message", guid).open("Tax").open("TaxHeadRd");
        x.field("guid", guid).field("returnTime", time).field("invtNo", invtNo).field("taxNo", taxNo);
        x.field("customsTax", "0").field("valueAddedTax", valueAddedTax.toPlainString());
        x.field("consumptionTax", "0").field("status", "1");
        x.optional("assureCode", assureCode).optional("ebcCode", ebcCode).optional("logisticsCode", logisticsCode);
        x.optional("agentCode", agentCode).optional("customsCode", customsCode).close("TaxHeadRd");
        for (TaxLine line : lines) {
            x.open("TaxListRd").field("gnum", Integer.toString(line.gnum())).field("gcode", line.gcode());
            x.field("taxPrice", line.taxPrice().toPlainString()).field("customsTax", "0");
            x.field("valueAddedTax", line.valueAddedTax().toPlainString()).field("consumptionTax", "0");
            x.close("TaxListRd");
        }
        return x.close("Tax").done();
    }

    static String limit(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private static final class Builder {
        private final StringBuilder xml = new StringBuilder(1024);
        private final String root;
        private int depth = 1;

        Builder(String root, String guid) {
            this.root = root;
            xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<")
                    .append(root)
                    .append(" xmlns=\"http://www.chinaport.gov.cn/ceb\" guid=\"")
                    .append(guid)
                    .append("\" version=\"1.0\">\n");
        }

        Builder open(String name) {
            xml.append("    ".repeat(depth++)).append('<').append(name).append(">\n");
            return this;
        }

        Builder close(String name) {
            xml.append("    ".repeat(--depth)).append("</").append(name).append(">\n");
            return this;
        }

        Builder field(String name, String value) {
            xml.append("    ".repeat(depth)).append('<').append(name).append('>');
            escape(value);
            xml.append("</").append(name).append(">\n");
            return this;
        }

        Builder optional(String name, @Nullable String value) {
            return value == null || value.isEmpty() ? this : field(name, value);
        }

        byte[] done() {
            xml.append("</").append(root).append(">\n");
            return xml.toString().getBytes(StandardCharsets.UTF_8);
        }

        private void escape(String value) {
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                switch (c) {
                    case '<' -> xml.append("&lt;");
                    case '>' -> xml.append("&gt;");
                    case '&' -> xml.append("&amp;");
                    default -> {
                        if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') xml.append(c);
                    }
                }
            }
        }
    }
}
