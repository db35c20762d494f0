package cn.eexpo.clearance.ceb;

import java.math.BigDecimal;
import javax.xml.XMLConstants;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Appends namespace-qualified elements, indented with tabs like the official samples so that a validator's line
 * numbers point at one field each. The indentation is part of what is signed.
 */
final class DomOut {

    private static final String[] INDENT = new String[12];

    static {
        for (int i = 0; i < INDENT.length; i++) INDENT[i] = "\n" + "\t".repeat(i);
    }

    private final Document document;
    private final String namespace;
    private final String prefix;

    DomOut(Document document, String namespace, String prefix) {
        this.document = document;
        this.namespace = namespace;
        this.prefix = prefix;
    }

    Element root(String localName) {
        Element root = document.createElementNS(namespace, prefix + ":" + localName);
        root.setAttributeNS(XMLConstants.XMLNS_ATTRIBUTE_NS_URI, "xmlns:" + prefix, namespace);
        document.appendChild(root);
        return root;
    }

    /** A child element at {@code depth} (the parent's depth + 1). */
    Element child(Element parent, String localName, int depth) {
        parent.appendChild(document.createTextNode(INDENT[depth]));
        Element child = document.createElementNS(namespace, prefix + ":" + localName);
        parent.appendChild(child);
        return child;
    }

    /** Closes {@code parent} (at {@code depth}) after its last child. */
    void close(Element parent, int depth) {
        parent.appendChild(document.createTextNode(INDENT[depth]));
    }

    void text(Element parent, String localName, String value, int depth) {
        child(parent, localName, depth).appendChild(document.createTextNode(value));
    }

    void optional(Element parent, String localName, @Nullable String value, int depth) {
        if (value != null) text(parent, localName, value, depth);
    }

    void decimal(Element parent, String localName, BigDecimal value, int depth) {
        text(parent, localName, value.toPlainString(), depth);
    }

    void optionalDecimal(Element parent, String localName, @Nullable BigDecimal value, int depth) {
        if (value != null) decimal(parent, localName, value, depth);
    }
}
