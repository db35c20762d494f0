package cn.eexpo.clearance.ceb;

import cn.eexpo.clearance.ceb.Ceb311Message.Order;
import cn.eexpo.clearance.ceb.Ceb311Message.OrderHead;
import cn.eexpo.clearance.ceb.Ceb311Message.OrderLine;
import cn.eexpo.clearance.ceb.Ceb621Message.Inventory;
import cn.eexpo.clearance.ceb.Ceb621Message.InventoryHead;
import cn.eexpo.clearance.ceb.Ceb621Message.InventoryLine;
import cn.eexpo.clearance.ceb.Ceb623Message.InvtCancel;
import cn.eexpo.clearance.ceb.Ceb625Message.InvtRefund;
import cn.eexpo.clearance.ceb.Ceb625Message.InvtRefundHead;
import cn.eexpo.clearance.ceb.Ceb625Message.InvtRefundLine;
import cn.eexpo.clearance.xml.SecureXml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Writes CEB messages as DOM documents in the XSD's element order and namespace ({@code ceb:} prefix, every element
 * qualified), and reads them back, namespace-aware: a default namespace and any prefix are read alike.
 */
public final class CebXml {

    /** The CEB namespace, {@code elementFormDefault="qualified"}. */
    public static final String NAMESPACE = "http://www.chinaport.gov.cn/ceb";

    /** The XML-DSig namespace of the enveloped {@code ds:Signature}. */
    public static final String DSIG_NAMESPACE = "http://www.w3.org/2000/09/xmldsig#";

    private CebXml() {}

    // ------------------------------------------------------------------------------------------------- writing

    /**
     * The unsigned message as a document: root with {@code guid} and {@code version}, business nodes, BaseTransfer,
     * indented like the official samples. A signer then appends {@code ds:Signature} as the root's last element.
     */
    public static Document toDocument(CebMessage message) {
        Document document = SecureXml.newDocument();
        var out = new DomOut(document, NAMESPACE, "ceb");
        Element root = out.root(message.type().rootName());
        root.setAttribute("guid", message.guid());
        root.setAttribute("version", message.version());
        switch (message) {
            case Ceb311Message m -> m.orders().forEach(o -> order(out, root, o));
            case Ceb621Message m -> m.inventories().forEach(i -> inventory(out, root, i));
            case Ceb623Message m -> m.cancels().forEach(c -> cancel(out, root, c));
            case Ceb625Message m -> m.refunds().forEach(r -> refund(out, root, r));
        }
        baseTransfer(out, root, message.baseTransfer());
        out.close(root, 0);
        return document;
    }

    private static void order(DomOut out, Element root, Order order) {
        Element node = out.child(root, "Order", 1);
        OrderHead h = order.head();
        Element e = out.child(node, "OrderHead", 2);
        int d = 3;
        out.text(e, "guid", h.guid(), d);
        out.text(e, "appType", h.appType(), d);
        out.text(e, "appTime", h.appTime(), d);
        out.text(e, "appStatus", h.appStatus(), d);
        out.text(e, "orderType", h.orderType(), d);
        out.text(e, "orderNo", h.orderNo(), d);
        out.text(e, "ebpCode", h.ebpCode(), d);
        out.text(e, "ebpName", h.ebpName(), d);
        out.text(e, "ebcCode", h.ebcCode(), d);
        out.text(e, "ebcName", h.ebcName(), d);
        out.decimal(e, "goodsValue", h.goodsValue(), d);
        out.decimal(e, "freight", h.freight(), d);
        out.decimal(e, "discount", h.discount(), d);
        out.decimal(e, "taxTotal", h.taxTotal(), d);
        out.decimal(e, "acturalPaid", h.acturalPaid(), d);
        out.text(e, "currency", h.currency(), d);
        out.text(e, "buyerRegNo", h.buyerRegNo(), d);
        out.text(e, "buyerName", h.buyerName(), d);
        out.text(e, "buyerTelephone", h.buyerTelephone(), d);
        out.text(e, "buyerIdType", h.buyerIdType(), d);
        out.text(e, "buyerIdNumber", h.buyerIdNumber().value(), d);
        out.optional(e, "payCode", h.payCode(), d);
        out.optional(e, "payName", h.payName(), d);
        out.optional(e, "payTransactionId", h.payTransactionId(), d);
        out.optional(e, "batchNumbers", h.batchNumbers(), d);
        out.text(e, "consignee", h.consignee(), d);
        out.text(e, "consigneeTelephone", h.consigneeTelephone(), d);
        out.text(e, "consigneeAddress", h.consigneeAddress(), d);
        out.optional(e, "consigneeDistrict", h.consigneeDistrict(), d);
        out.optional(e, "note", h.note(), d);
        out.close(e, 2);
        for (OrderLine l : order.lines()) {
            Element le = out.child(node, "OrderList", 2);
            out.text(le, "gnum", Integer.toString(l.gnum()), d);
            out.optional(le, "itemNo", l.itemNo(), d);
            out.text(le, "itemName", l.itemName(), d);
            out.text(le, "gmodel", l.gmodel(), d);
            out.optional(le, "itemDescribe", l.itemDescribe(), d);
            out.optional(le, "barCode", l.barCode(), d);
            out.text(le, "unit", l.unit(), d);
            out.decimal(le, "qty", l.qty(), d);
            out.decimal(le, "price", l.price(), d);
            out.decimal(le, "totalPrice", l.totalPrice(), d);
            out.text(le, "currency", l.currency(), d);
            out.text(le, "country", l.country(), d);
            out.optional(le, "note", l.note(), d);
            out.close(le, 2);
        }
        out.close(node, 1);
    }

    private static void inventory(DomOut out, Element root, Inventory inventory) {
        Element node = out.child(root, "Inventory", 1);
        InventoryHead h = inventory.head();
        Element e = out.child(node, "InventoryHead", 2);
        int d = 3;
        out.text(e, "guid", h.guid(), d);
        out.text(e, "appType", h.appType(), d);
        out.text(e, "appTime", h.appTime(), d);
        out.text(e, "appStatus", h.appStatus(), d);
        out.text(e, "orderNo", h.orderNo(), d);
        out.text(e, "ebpCode", h.ebpCode(), d);
        out.text(e, "ebpName", h.ebpName(), d);
        out.text(e, "ebcCode", h.ebcCode(), d);
        out.text(e, "ebcName", h.ebcName(), d);
        out.text(e, "logisticsNo", h.logisticsNo(), d);
        out.text(e, "logisticsCode", h.logisticsCode(), d);
        out.text(e, "logisticsName", h.logisticsName(), d);
        out.optional(e, "copNo", h.copNo(), d);
        out.optional(e, "preNo", h.preNo(), d);
        out.text(e, "assureCode", h.assureCode(), d);
        out.optional(e, "emsNo", h.emsNo(), d);
        out.optional(e, "invtNo", h.invtNo(), d);
        out.text(e, "ieFlag", h.ieFlag(), d);
        out.text(e, "declTime", h.declTime(), d);
        out.text(e, "customsCode", h.customsCode(), d);
        out.text(e, "portCode", h.portCode(), d);
        out.optional(e, "ieDate", h.ieDate(), d);
        out.text(e, "buyerIdType", h.buyerIdType(), d);
        out.text(e, "buyerIdNumber", h.buyerIdNumber().value(), d);
        out.text(e, "buyerName", h.buyerName(), d);
        out.text(e, "buyerTelephone", h.buyerTelephone(), d);
        out.text(e, "consigneeAddress", h.consigneeAddress(), d);
        out.text(e, "agentCode", h.agentCode(), d);
        out.text(e, "agentName", h.agentName(), d);
        out.optional(e, "areaCode", h.areaCode(), d);
        out.optional(e, "areaName", h.areaName(), d);
        out.text(e, "tradeMode", h.tradeMode(), d);
        out.text(e, "trafMode", h.trafMode(), d);
        out.optional(e, "trafNo", h.trafNo(), d);
        out.optional(e, "voyageNo", h.voyageNo(), d);
        out.optional(e, "billNo", h.billNo(), d);
        out.optional(e, "loctNo", h.loctNo(), d);
        out.optional(e, "licenseNo", h.licenseNo(), d);
        out.text(e, "country", h.country(), d);
        out.decimal(e, "freight", h.freight(), d);
        out.decimal(e, "insuredFee", h.insuredFee(), d);
        out.text(e, "currency", h.currency(), d);
        out.optional(e, "wrapType", h.wrapType(), d);
        out.text(e, "packNo", Integer.toString(h.packNo()), d);
        out.decimal(e, "grossWeight", h.grossWeight(), d);
        out.decimal(e, "netWeight", h.netWeight(), d);
        out.optional(e, "note", h.note(), d);
        out.close(e, 2);
        for (InventoryLine l : inventory.lines()) {
            Element le = out.child(node, "InventoryList", 2);
            out.text(le, "gnum", Integer.toString(l.gnum()), d);
            out.optional(le, "itemRecordNo", l.itemRecordNo(), d);
            out.optional(le, "itemNo", l.itemNo(), d);
            out.optional(le, "itemName", l.itemName(), d);
            out.text(le, "gcode", l.gcode(), d);
            out.text(le, "gname", l.gname(), d);
            out.text(le, "gmodel", l.gmodel(), d);
            out.optional(le, "barCode", l.barCode(), d);
            out.text(le, "country", l.country(), d);
            out.optional(le, "tradeCountry", l.tradeCountry(), d);
            out.text(le, "currency", l.currency(), d);
            out.decimal(le, "qty", l.qty(), d);
            out.text(le, "unit", l.unit(), d);
            out.decimal(le, "qty1", l.qty1(), d);
            out.text(le, "unit1", l.unit1(), d);
            out.optionalDecimal(le, "qty2", l.qty2(), d);
            out.optional(le, "unit2", l.unit2(), d);
            out.decimal(le, "price", l.price(), d);
            out.decimal(le, "totalPrice", l.totalPrice(), d);
            out.optional(le, "note", l.note(), d);
            out.close(le, 2);
        }
        out.close(node, 1);
    }

    private static void cancel(DomOut out, Element root, InvtCancel c) {
        Element e = out.child(root, "InvtCancel", 1);
        int d = 2;
        out.text(e, "guid", c.guid(), d);
        out.text(e, "appType", c.appType(), d);
        out.text(e, "appTime", c.appTime(), d);
        out.text(e, "appStatus", c.appStatus(), d);
        out.text(e, "customsCode", c.customsCode(), d);
        out.text(e, "orderNo", c.orderNo(), d);
        out.text(e, "ebpCode", c.ebpCode(), d);
        out.text(e, "ebpName", c.ebpName(), d);
        out.text(e, "ebcCode", c.ebcCode(), d);
        out.text(e, "ebcName", c.ebcName(), d);
        out.text(e, "logisticsNo", c.logisticsNo(), d);
        out.text(e, "logisticsCode", c.logisticsCode(), d);
        out.text(e, "logisticsName", c.logisticsName(), d);
        out.optional(e, "copNo", c.copNo(), d);
        out.optional(e, "preNo", c.preNo(), d);
        out.text(e, "invtNo", c.invtNo(), d);
        out.text(e, "buyerIdType", c.buyerIdType(), d);
        out.text(e, "buyerIdNumber", c.buyerIdNumber().value(), d);
        out.text(e, "buyerName", c.buyerName(), d);
        out.text(e, "buyerTelephone", c.buyerTelephone(), d);
        out.text(e, "agentCode", c.agentCode(), d);
        out.text(e, "agentName", c.agentName(), d);
        out.text(e, "reason", c.reason(), d);
        out.optional(e, "note", c.note(), d);
        out.close(e, 1);
    }

    private static void refund(DomOut out, Element root, InvtRefund refund) {
        Element node = out.child(root, "InvtRefund", 1);
        InvtRefundHead h = refund.head();
        Element e = out.child(node, "InvtRefundHead", 2);
        int d = 3;
        out.text(e, "guid", h.guid(), d);
        out.text(e, "appType", h.appType(), d);
        out.text(e, "appTime", h.appTime(), d);
        out.text(e, "appStatus", h.appStatus(), d);
        out.text(e, "customsCode", h.customsCode(), d);
        out.text(e, "orderNo", h.orderNo(), d);
        out.text(e, "ebpCode", h.ebpCode(), d);
        out.text(e, "ebpName", h.ebpName(), d);
        out.text(e, "ebcCode", h.ebcCode(), d);
        out.text(e, "ebcName", h.ebcName(), d);
        out.text(e, "logisticsNo", h.logisticsNo(), d);
        out.text(e, "logisticsCode", h.logisticsCode(), d);
        out.text(e, "logisticsName", h.logisticsName(), d);
        out.optional(e, "copNo", h.copNo(), d);
        out.optional(e, "preNo", h.preNo(), d);
        out.text(e, "invtNo", h.invtNo(), d);
        out.text(e, "buyerIdType", h.buyerIdType(), d);
        out.text(e, "buyerIdNumber", h.buyerIdNumber().value(), d);
        out.text(e, "buyerName", h.buyerName(), d);
        out.text(e, "buyerTelephone", h.buyerTelephone(), d);
        out.text(e, "agentCode", h.agentCode(), d);
        out.text(e, "agentName", h.agentName(), d);
        out.text(e, "reason", h.reason(), d);
        out.optional(e, "note", h.note(), d);
        out.close(e, 2);
        for (InvtRefundLine l : refund.lines()) {
            Element le = out.child(node, "InvtRefundList", 2);
            out.text(le, "gnum", Integer.toString(l.gnum()), d);
            out.text(le, "gcode", l.gcode(), d);
            out.text(le, "gname", l.gname(), d);
            out.decimal(le, "qty", l.qty(), d);
            out.text(le, "unit", l.unit(), d);
            out.optional(le, "note", l.note(), d);
            out.close(le, 2);
        }
        out.close(node, 1);
    }

    private static void baseTransfer(DomOut out, Element root, BaseTransfer b) {
        Element e = out.child(root, "BaseTransfer", 1);
        out.text(e, "copCode", b.copCode(), 2);
        out.text(e, "copName", b.copName(), 2);
        out.text(e, "dxpMode", b.dxpMode(), 2);
        out.text(e, "dxpId", b.dxpId(), 2);
        out.optional(e, "note", b.note(), 2);
        out.close(e, 1);
    }

    // ------------------------------------------------------------------------------------------------- reading

    /**
     * Reads an outgoing-type message (311, 621, 623, 625) into its model.
     *
     * @throws MalformedMessageException when it is another type or a required field is missing or malformed
     * @throws cn.eexpo.clearance.xml.XmlRefusedException when it is not well-formed or declares a DTD
     */
    public static CebMessage read(byte[] xml) {
        return read(SecureXml.parse(xml));
    }

    public static CebMessage read(Document document) {
        Element root = document.getDocumentElement();
        CebMessageType type = typeOf(root);
        String guid = attribute(root, "guid");
        List<Element> children = cebChildren(root);
        BaseTransfer transfer = null;
        List<Element> business = new ArrayList<>();
        for (Element child : children) {
            if ("BaseTransfer".equals(child.getLocalName())) transfer = baseTransfer(child);
            else if (!"BaseSubscribe".equals(child.getLocalName()) && !"ExtendMessage".equals(child.getLocalName()))
                business.add(child);
        }
        if (transfer == null) throw new MalformedMessageException(type.rootName() + " has no BaseTransfer");
        BaseTransfer baseTransfer = transfer;
        return switch (type) {
            case CEB311 -> new Ceb311Message(guid, map(business, "Order", CebXml::readOrder), baseTransfer);
            case CEB621 -> new Ceb621Message(guid, map(business, "Inventory", CebXml::readInventory), baseTransfer);
            case CEB623 -> new Ceb623Message(guid, map(business, "InvtCancel", CebXml::readCancel), baseTransfer);
            case CEB625 -> new Ceb625Message(guid, map(business, "InvtRefund", CebXml::readRefund), baseTransfer);
            default ->
                throw new MalformedMessageException(
                        type.rootName() + " is not a message this bridge sends; read it with CebXml.parse");
        };
    }

    /** Reads any CEB message generically (see {@link ParsedMessage}). */
    public static ParsedMessage parse(byte[] xml) {
        return parse(SecureXml.parse(xml));
    }

    public static ParsedMessage parse(Document document) {
        Element root = document.getDocumentElement();
        CebMessageType type = typeOf(root);
        List<ParsedMessage.Node> nodes = new ArrayList<>();
        boolean signed = false;
        for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (DSIG_NAMESPACE.equals(e.getNamespaceURI()) && "Signature".equals(e.getLocalName())) signed = true;
                else nodes.add(node(e));
            }
        }
        String version = root.hasAttribute("version") ? root.getAttribute("version") : "";
        return new ParsedMessage(type, attribute(root, "guid"), version, nodes, signed);
    }

    private static ParsedMessage.Node node(Element element) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<ParsedMessage.Node> children = new ArrayList<>();
        for (Element child : cebChildren(element)) {
            if (hasElementChildren(child)) children.add(node(child));
            else fields.put(child.getLocalName(), child.getTextContent());
        }
        return new ParsedMessage.Node(element.getLocalName(), fields, children);
    }

    private static boolean hasElementChildren(Element e) {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) return true;
        }
        return false;
    }

    /** The message type of a CEB root element, checking its namespace. */
    public static CebMessageType typeOf(Element root) {
        if (!NAMESPACE.equals(root.getNamespaceURI())) {
            throw new MalformedMessageException("the root element " + root.getTagName()
                    + " is not in the CEB namespace " + NAMESPACE + " (found " + root.getNamespaceURI() + ")");
        }
        return CebMessageType.ofRootName(root.getLocalName())
                .orElseThrow(() -> new MalformedMessageException("unknown CEB message type " + root.getLocalName()));
    }

    private static String attribute(Element root, String name) {
        if (!root.hasAttribute(name)) {
            throw new MalformedMessageException(root.getLocalName() + " has no " + name + " attribute");
        }
        return root.getAttribute(name);
    }

    /** The element children of {@code parent} in the CEB namespace, in order. */
    static List<Element> cebChildren(Element parent) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && NAMESPACE.equals(e.getNamespaceURI())) children.add(e);
        }
        return children;
    }

    private static <T> List<T> map(List<Element> nodes, String name, java.util.function.Function<Element, T> reader) {
        List<T> result = new ArrayList<>();
        for (Element node : nodes) {
            if (!name.equals(node.getLocalName())) {
                throw new MalformedMessageException("unexpected element " + node.getLocalName() + ", expected " + name);
            }
            result.add(reader.apply(node));
        }
        return result;
    }

    private static BaseTransfer baseTransfer(Element e) {
        Fields f = Fields.of(e);
        return new BaseTransfer(f.req("copCode"), f.req("copName"), f.req("dxpMode"), f.req("dxpId"), f.opt("note"));
    }

    private static Order readOrder(Element node) {
        Element head = null;
        List<OrderLine> lines = new ArrayList<>();
        for (Element child : cebChildren(node)) {
            switch (child.getLocalName()) {
                case "OrderHead" -> head = child;
                case "OrderList" -> lines.add(readOrderLine(Fields.of(child)));
                default -> throw new MalformedMessageException("unexpected element Order/" + child.getLocalName());
            }
        }
        if (head == null) throw new MalformedMessageException("Order has no OrderHead");
        Fields f = Fields.of(head);
        var h = new OrderHead(
                f.req("guid"),
                f.req("appType"),
                f.req("appTime"),
                f.req("appStatus"),
                f.req("orderType"),
                f.req("orderNo"),
                f.req("ebpCode"),
                f.req("ebpName"),
                f.req("ebcCode"),
                f.req("ebcName"),
                f.dec("goodsValue"),
                f.dec("freight"),
                f.dec("discount"),
                f.dec("taxTotal"),
                f.dec("acturalPaid"),
                f.req("currency"),
                f.req("buyerRegNo"),
                f.req("buyerName"),
                f.req("buyerTelephone"),
                f.req("buyerIdType"),
                new IdNumber(f.req("buyerIdNumber")),
                f.opt("payCode"),
                f.opt("payName"),
                f.opt("payTransactionId"),
                f.opt("batchNumbers"),
                f.req("consignee"),
                f.req("consigneeTelephone"),
                f.req("consigneeAddress"),
                f.opt("consigneeDistrict"),
                f.opt("note"));
        return new Order(h, lines);
    }

    private static OrderLine readOrderLine(Fields f) {
        return new OrderLine(
                f.integer("gnum"),
                f.opt("itemNo"),
                f.req("itemName"),
                f.req("gmodel"),
                f.opt("itemDescribe"),
                f.opt("barCode"),
                f.req("unit"),
                f.dec("qty"),
                f.dec("price"),
                f.dec("totalPrice"),
                f.req("currency"),
                f.req("country"),
                f.opt("note"));
    }

    private static Inventory readInventory(Element node) {
        Element head = null;
        List<InventoryLine> lines = new ArrayList<>();
        for (Element child : cebChildren(node)) {
            switch (child.getLocalName()) {
                case "InventoryHead" -> head = child;
                case "InventoryList" -> lines.add(readInventoryLine(Fields.of(child)));
                default -> throw new MalformedMessageException("unexpected element Inventory/" + child.getLocalName());
            }
        }
        if (head == null) throw new MalformedMessageException("Inventory has no InventoryHead");
        Fields f = Fields.of(head);
        var h = new InventoryHead(
                f.req("guid"),
                f.req("appType"),
                f.req("appTime"),
                f.req("appStatus"),
                f.req("orderNo"),
                f.req("ebpCode"),
                f.req("ebpName"),
                f.req("ebcCode"),
                f.req("ebcName"),
                f.req("logisticsNo"),
                f.req("logisticsCode"),
                f.req("logisticsName"),
                f.opt("copNo"),
                f.opt("preNo"),
                f.req("assureCode"),
                f.opt("emsNo"),
                f.opt("invtNo"),
                f.req("ieFlag"),
                f.req("declTime"),
                f.req("customsCode"),
                f.req("portCode"),
                f.opt("ieDate"),
                f.req("buyerIdType"),
                new IdNumber(f.req("buyerIdNumber")),
                f.req("buyerName"),
                f.req("buyerTelephone"),
                f.req("consigneeAddress"),
                f.req("agentCode"),
                f.req("agentName"),
                f.opt("areaCode"),
                f.opt("areaName"),
                f.req("tradeMode"),
                f.req("trafMode"),
                f.opt("trafNo"),
                f.opt("voyageNo"),
                f.opt("billNo"),
                f.opt("loctNo"),
                f.opt("licenseNo"),
                f.req("country"),
                f.dec("freight"),
                f.dec("insuredFee"),
                f.req("currency"),
                f.opt("wrapType"),
                f.integer("packNo"),
                f.dec("grossWeight"),
                f.dec("netWeight"),
                f.opt("note"));
        return new Inventory(h, lines);
    }

    private static InventoryLine readInventoryLine(Fields f) {
        return new InventoryLine(
                f.integer("gnum"),
                f.opt("itemRecordNo"),
                f.opt("itemNo"),
                f.opt("itemName"),
                f.req("gcode"),
                f.req("gname"),
                f.req("gmodel"),
                f.opt("barCode"),
                f.req("country"),
                f.opt("tradeCountry"),
                f.req("currency"),
                f.dec("qty"),
                f.req("unit"),
                f.dec("qty1"),
                f.req("unit1"),
                f.optDec("qty2"),
                f.opt("unit2"),
                f.dec("price"),
                f.dec("totalPrice"),
                f.opt("note"));
    }

    private static InvtCancel readCancel(Element e) {
        Fields f = Fields.of(e);
        return new InvtCancel(
                f.req("guid"),
                f.req("appType"),
                f.req("appTime"),
                f.req("appStatus"),
                f.req("customsCode"),
                f.req("orderNo"),
                f.req("ebpCode"),
                f.req("ebpName"),
                f.req("ebcCode"),
                f.req("ebcName"),
                f.req("logisticsNo"),
                f.req("logisticsCode"),
                f.req("logisticsName"),
                f.opt("copNo"),
                f.opt("preNo"),
                f.req("invtNo"),
                f.req("buyerIdType"),
                new IdNumber(f.req("buyerIdNumber")),
                f.req("buyerName"),
                f.req("buyerTelephone"),
                f.req("agentCode"),
                f.req("agentName"),
                f.req("reason"),
                f.opt("note"));
    }

    private static InvtRefund readRefund(Element node) {
        Element head = null;
        List<InvtRefundLine> lines = new ArrayList<>();
        for (Element child : cebChildren(node)) {
            switch (child.getLocalName()) {
                case "InvtRefundHead" -> head = child;
                case "InvtRefundList" -> {
                    Fields f = Fields.of(child);
                    lines.add(new InvtRefundLine(
                            f.integer("gnum"),
                            f.req("gcode"),
                            f.req("gname"),
                            f.dec("qty"),
                            f.req("unit"),
                            f.opt("note")));
                }
                default -> throw new MalformedMessageException("unexpected element InvtRefund/" + child.getLocalName());
            }
        }
        if (head == null) throw new MalformedMessageException("InvtRefund has no InvtRefundHead");
        Fields f = Fields.of(head);
        var h = new InvtRefundHead(
                f.req("guid"),
                f.req("appType"),
                f.req("appTime"),
                f.req("appStatus"),
                f.req("customsCode"),
                f.req("orderNo"),
                f.req("ebpCode"),
                f.req("ebpName"),
                f.req("ebcCode"),
                f.req("ebcName"),
                f.req("logisticsNo"),
                f.req("logisticsCode"),
                f.req("logisticsName"),
                f.opt("copNo"),
                f.opt("preNo"),
                f.req("invtNo"),
                f.req("buyerIdType"),
                new IdNumber(f.req("buyerIdNumber")),
                f.req("buyerName"),
                f.req("buyerTelephone"),
                f.req("agentCode"),
                f.req("agentName"),
                f.req("reason"),
                f.opt("note"));
        return new InvtRefund(h, lines);
    }

    /** The leaf fields of one element, by local name, with typed accessors that say what is wrong. */
    static final class Fields {
        private final String where;
        private final Map<String, String> values;

        private Fields(String where, Map<String, String> values) {
            this.where = where;
            this.values = values;
        }

        static Fields of(Element element) {
            Map<String, String> values = new LinkedHashMap<>();
            for (Element child : cebChildren(element)) values.put(child.getLocalName(), child.getTextContent());
            return new Fields(element.getLocalName(), values);
        }

        String req(String name) {
            String value = values.get(name);
            if (value == null) throw new MalformedMessageException(where + "/" + name + " is missing");
            return value;
        }

        @Nullable
        String opt(String name) {
            return values.get(name);
        }

        BigDecimal dec(String name) {
            return decimal(name, req(name));
        }

        @Nullable
        BigDecimal optDec(String name) {
            String value = values.get(name);
            return value == null || value.isBlank() ? null : decimal(name, value);
        }

        int integer(String name) {
            String value = req(name).strip();
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new MalformedMessageException(where + "/" + name + " is not an integer: " + value);
            }
        }

        private BigDecimal decimal(String name, String value) {
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException e) {
                throw new MalformedMessageException(where + "/" + name + " is not a decimal: " + value);
            }
        }
    }
}
