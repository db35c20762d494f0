package cn.eexpo.clearance.receipt;

import cn.eexpo.clearance.ceb.CebMessageType;
import cn.eexpo.clearance.ceb.CebXml;
import cn.eexpo.clearance.ceb.MalformedMessageException;
import cn.eexpo.clearance.dxp.DxpEnvelope;
import cn.eexpo.clearance.dxp.DxpMessage;
import cn.eexpo.clearance.xml.SecureXml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Parses customs receipts. Namespace-aware: {@code <CEB622Message xmlns="http://www.chinaport.gov.cn/ceb">} and
 * {@code <ceb:CEB622Message xmlns:ceb=…>} read alike; elements in other namespaces are ignored. Safe: a DTD (and so
 * any entity, XXE or entity expansion) is refused before anything is read.
 */
public final class Receipts {

    private static final Map<CebMessageType, String> NODE = Map.of(
            CebMessageType.CEB312, "OrderReturn",
            CebMessageType.CEB412, "PaymentReturn",
            CebMessageType.CEB512, "LogisticsReturn",
            CebMessageType.CEB514, "LogisticsStatusReturn",
            CebMessageType.CEB622, "InventoryReturn",
            CebMessageType.CEB624, "InvtCancelReturn",
            CebMessageType.CEB626, "InvtRefundReturn",
            CebMessageType.CEB712, "DeliveryReturn",
            CebMessageType.CEB900, "MessageReturn");
    private static final Set<CebMessageType> TAX = Set.of(CebMessageType.CEB816, CebMessageType.CEB818);

    private Receipts() {}

    /**
     * Reads a receipt message.
     *
     * @throws cn.eexpo.clearance.xml.XmlRefusedException when it is not well-formed XML or declares a DTD
     * @throws MalformedMessageException when it is not a receipt, or a required field is missing
     */
    public static ReceiptBatch parse(byte[] xml) {
        return parse(SecureXml.parse(xml));
    }

    /** Reads the receipt carried in a DXP envelope (its Data, base64-decoded). */
    public static ReceiptBatch parseEnvelope(byte[] dxpXml) {
        DxpMessage message = DxpEnvelope.read(dxpXml);
        return parse(message.data());
    }

    public static ReceiptBatch parse(Document document) {
        Element root = document.getDocumentElement();
        CebMessageType type = CebXml.typeOf(root);
        String guid = root.getAttribute("guid");
        List<Receipt> receipts = new ArrayList<>();
        List<TaxReceipt> taxes = new ArrayList<>();
        if (NODE.containsKey(type)) {
            String node = NODE.get(type);
            for (Element e : children(root)) {
                if (!node.equals(e.getLocalName())) {
                    throw new MalformedMessageException(
                            type.rootName() + " holds " + e.getLocalName() + ", expected " + node);
                }
                receipts.add(receipt(type, e));
            }
        } else if (TAX.contains(type)) {
            for (Element tax : children(root)) {
                if (!"Tax".equals(tax.getLocalName())) {
                    throw new MalformedMessageException(
                            type.rootName() + " holds " + tax.getLocalName() + ", expected Tax");
                }
                taxes.add(tax(type, tax));
            }
        } else {
            throw new MalformedMessageException(type.rootName() + " is not a receipt");
        }
        if (receipts.isEmpty() && taxes.isEmpty()) {
            throw new MalformedMessageException(type.rootName() + " carries no receipt");
        }
        return new ReceiptBatch(type, guid, receipts, taxes);
    }

    private static Receipt receipt(CebMessageType type, Element e) {
        Map<String, String> f = fields(e);
        String where = type.rootName() + "/" + e.getLocalName();
        return new Receipt(
                type,
                required(f, "guid", where),
                f.get("orderNo"),
                f.get("copNo"),
                f.get("preNo"),
                f.get("invtNo"),
                f.get("ebpCode"),
                f.get("ebcCode"),
                f.get("agentCode"),
                f.get("customsCode"),
                f.get("payCode"),
                f.get("payTransactionId"),
                f.get("logisticsCode"),
                f.get("logisticsNo"),
                f.get("logisticsStatus"),
                required(f, "returnStatus", where).strip(),
                required(f, "returnTime", where).strip(),
                required(f, "returnInfo", where),
                f.get("oriCopMsgId"),
                f.get("oriMessageType"));
    }

    private static TaxReceipt tax(CebMessageType type, Element tax) {
        Element head = null;
        List<TaxReceipt.Line> lines = new ArrayList<>();
        for (Element child : children(tax)) {
            switch (child.getLocalName()) {
                case "TaxHeadRd", "TaxHeadStatus" -> head = child;
                case "TaxListRd" -> {
                    Map<String, String> l = fields(child);
                    String where = type.rootName() + "/Tax/TaxListRd";
                    lines.add(new TaxReceipt.Line(
                            integer(required(l, "gnum", where), where + "/gnum"),
                            required(l, "gcode", where),
                            decimal(required(l, "taxPrice", where), where + "/taxPrice"),
                            decimal(required(l, "customsTax", where), where + "/customsTax"),
                            decimal(required(l, "valueAddedTax", where), where + "/valueAddedTax"),
                            decimal(required(l, "consumptionTax", where), where + "/consumptionTax")));
                }
                default -> {}
            }
        }
        if (head == null) throw new MalformedMessageException(type.rootName() + "/Tax has no head");
        Map<String, String> h = fields(head);
        String where = type.rootName() + "/Tax/" + head.getLocalName();
        return new TaxReceipt(
                required(h, "guid", where),
                required(h, "returnTime", where).strip(),
                required(h, "invtNo", where),
                required(h, "taxNo", where),
                optionalDecimal(h, "customsTax", where),
                optionalDecimal(h, "valueAddedTax", where),
                optionalDecimal(h, "consumptionTax", where),
                required(h, "status", where).strip(),
                h.get("entDutyNo"),
                h.get("note"),
                h.get("assureCode"),
                h.get("ebcCode"),
                h.get("logisticsCode"),
                h.get("agentCode"),
                h.get("customsCode"),
                lines);
    }

    private static List<Element> children(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && CebXml.NAMESPACE.equals(e.getNamespaceURI())) children.add(e);
        }
        return children;
    }

    private static Map<String, String> fields(Element parent) {
        Map<String, String> fields = new HashMap<>();
        for (Element child : children(parent)) fields.put(child.getLocalName(), child.getTextContent());
        return fields;
    }

    private static String required(Map<String, String> fields, String name, String where) {
        String value = fields.get(name);
        if (value == null) throw new MalformedMessageException(where + "/" + name + " is missing");
        return value;
    }

    private static @Nullable BigDecimal optionalDecimal(Map<String, String> fields, String name, String where) {
        String value = fields.get(name);
        return value == null || value.isBlank() ? null : decimal(value, where + "/" + name);
    }

    private static BigDecimal decimal(String value, String where) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(where + " is not a decimal: " + value);
        }
    }

    private static int integer(String value, String where) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(where + " is not an integer: " + value);
        }
    }
}
