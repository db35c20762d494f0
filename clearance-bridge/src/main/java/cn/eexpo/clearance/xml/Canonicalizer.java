package cn.eexpo.clearance.xml;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Canonical XML 1.0 without comments ({@code http://www.w3.org/TR/2001/REC-xml-c14n-20010315}), the
 * canonicalisation the customs spec (§6.2.1.1) prescribes for signatures, over a DOM.
 *
 * <p>Written here rather than borrowed because the JDK keeps its C14N internal and the SM2-SM3 signature needs the
 * canonical bytes of the document (minus its signature) and of {@code SignedInfo}. Tests check it against the JDK's
 * own C14N. It is also the serialiser for outgoing messages: a canonical document is well-formed XML, so sending
 * the canonical form means the receiver re-canonicalises exactly the bytes that were signed.
 */
public final class Canonicalizer {

    private static final String XMLNS = XMLConstants.XMLNS_ATTRIBUTE_NS_URI;
    private static final String XML = XMLConstants.XML_NS_URI;
    private static final byte[] DECLARATION =
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n".getBytes(StandardCharsets.UTF_8);

    private Canonicalizer() {}

    /** The canonical form of the whole document, leaving out {@code excluded} and its subtree when given. */
    public static byte[] canonicalize(Document document, @Nullable Node excluded) {
        var out = new StringBuilder(8192);
        Element root = document.getDocumentElement();
        boolean beforeRoot = true;
        for (Node child = document.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child == root) {
                element(out, root, Map.of(), Map.of(), excluded, false);
                beforeRoot = false;
            } else if (child.getNodeType() == Node.PROCESSING_INSTRUCTION_NODE) {
                if (!beforeRoot) out.append('\n');
                processingInstruction(out, child);
                if (beforeRoot) out.append('\n');
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The canonical form of the subtree at {@code apex} as a document subset: the apex carries every namespace in
     * scope at it and the {@code xml:*} attributes it inherits (as {@code SignedInfo} is canonicalised for signing).
     */
    public static byte[] canonicalizeSubtree(Element apex) {
        var out = new StringBuilder(2048);
        Map<String, String> inScope = new HashMap<>();
        Map<String, Attr> inheritedXml = new HashMap<>();
        List<Element> ancestors = new ArrayList<>();
        for (Node n = apex.getParentNode(); n instanceof Element e; n = e.getParentNode()) {
            ancestors.addFirst(e);
        }
        for (Element ancestor : ancestors) {
            inScope = declared(ancestor, inScope);
            NamedNodeMap attributes = ancestor.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr a = (Attr) attributes.item(i);
                if (XML.equals(a.getNamespaceURI())) inheritedXml.put(a.getLocalName(), a);
            }
        }
        element(out, apex, inScope, Map.of(), null, true, inheritedXml);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The document as UTF-8 bytes: an XML declaration, then the canonical form. */
    public static byte[] serialize(Document document) {
        byte[] body = canonicalize(document, null);
        byte[] all = new byte[DECLARATION.length + body.length];
        System.arraycopy(DECLARATION, 0, all, 0, DECLARATION.length);
        System.arraycopy(body, 0, all, DECLARATION.length, body.length);
        return all;
    }

    private static void element(
            StringBuilder out,
            Element element,
            Map<String, String> parentInScope,
            Map<String, String> rendered,
            @Nullable Node excluded,
            boolean apex) {
        element(out, element, parentInScope, rendered, excluded, apex, Map.of());
    }

    private static void element(
            StringBuilder out,
            Element element,
            Map<String, String> parentInScope,
            Map<String, String> rendered,
            @Nullable Node excluded,
            boolean apex,
            Map<String, Attr> inheritedXml) {
        Map<String, String> inScope = declared(element, parentInScope);
        String name = element.getTagName();
        out.append('<').append(name);

        // Namespace nodes: those not rendered with the same value by the nearest output ancestor, by prefix.
        var namespaces = new TreeMap<String, String>();
        for (var ns : inScope.entrySet()) {
            String prefix = ns.getKey();
            String uri = ns.getValue();
            if ("xml".equals(prefix)) continue;
            String before = rendered.getOrDefault(prefix, "");
            if (prefix.isEmpty()) {
                if (!uri.equals(before)) namespaces.put(prefix, uri);
            } else if (!uri.equals(rendered.get(prefix))) {
                namespaces.put(prefix, uri);
            }
        }
        Map<String, String> renderedHere = rendered;
        if (!namespaces.isEmpty()) {
            renderedHere = new HashMap<>(rendered);
            for (var ns : namespaces.entrySet()) {
                out.append(ns.getKey().isEmpty() ? " xmlns" : " xmlns:" + ns.getKey())
                        .append("=\"");
                attributeValue(out, ns.getValue());
                out.append('"');
                renderedHere.put(ns.getKey(), ns.getValue());
            }
        }

        // Attributes by namespace URI, then local name; xml:* inherited by the apex of a subset.
        NamedNodeMap attributes = element.getAttributes();
        var sorted = new TreeMap<String, Attr>();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) continue;
            sorted.put(sortKey(a), a);
        }
        if (apex) {
            for (Attr inherited : inheritedXml.values()) {
                String key = sortKey(inherited);
                if (!sorted.containsKey(key)) sorted.put(key, inherited);
            }
        }
        for (Attr a : sorted.values()) {
            out.append(' ').append(a.getName()).append("=\"");
            attributeValue(out, a.getValue());
            out.append('"');
        }
        out.append('>');

        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child == excluded) continue;
            switch (child.getNodeType()) {
                case Node.ELEMENT_NODE -> element(out, (Element) child, inScope, renderedHere, excluded, false);
                case Node.TEXT_NODE, Node.CDATA_SECTION_NODE -> text(out, child.getNodeValue());
                case Node.PROCESSING_INSTRUCTION_NODE -> processingInstruction(out, child);
                default -> {} // comments are dropped; entity references cannot occur (no DTDs)
            }
        }
        out.append("</").append(name).append('>');
    }

    private static String sortKey(Attr a) {
        String uri = a.getNamespaceURI() == null ? "" : a.getNamespaceURI();
        String local = a.getLocalName() == null ? a.getName() : a.getLocalName();
        return uri + '\u0000' + local;
    }

    /** The namespaces in scope at {@code element}: its parent's, its own declarations, and its own names' bindings. */
    private static Map<String, String> declared(Element element, Map<String, String> parentInScope) {
        Map<String, String> inScope = parentInScope;
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            if (XMLNS.equals(a.getNamespaceURI())) {
                String prefix = "xmlns".equals(a.getName()) ? "" : a.getLocalName();
                if (!a.getValue().equals(inScope.get(prefix))) {
                    if (inScope == parentInScope) inScope = new HashMap<>(parentInScope);
                    inScope.put(prefix, a.getValue());
                }
            }
        }
        // A DOM built in memory may use a prefix without declaring it: bind it as a serialiser would.
        inScope = bind(inScope, parentInScope, element.getPrefix(), element.getNamespaceURI());
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr a = (Attr) attributes.item(i);
            String uri = a.getNamespaceURI();
            if (uri != null && !XMLNS.equals(uri) && !XML.equals(uri)) {
                inScope = bind(inScope, parentInScope, a.getPrefix(), uri);
            }
        }
        return inScope;
    }

    private static Map<String, String> bind(
            Map<String, String> inScope,
            Map<String, String> parentInScope,
            @Nullable String prefix,
            @Nullable String uri) {
        String p = prefix == null ? "" : prefix;
        String u = uri == null ? "" : uri;
        if (u.equals(inScope.getOrDefault(p, ""))) return inScope;
        Map<String, String> copy = inScope == parentInScope ? new HashMap<>(parentInScope) : inScope;
        copy.put(p, u);
        return copy;
    }

    private static void processingInstruction(StringBuilder out, Node pi) {
        out.append("<?").append(pi.getNodeName());
        String data = pi.getNodeValue();
        if (data != null && !data.isEmpty()) out.append(' ').append(data);
        out.append("?>");
    }

    private static void text(StringBuilder out, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }

    private static void attributeValue(StringBuilder out, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '"' -> out.append("&quot;");
                case '\t' -> out.append("&#x9;");
                case '\n' -> out.append("&#xA;");
                case '\r' -> out.append("&#xD;");
                default -> out.append(c);
            }
        }
    }
}
