package cn.eexpo.clearance.signing;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Where the signature goes: last element of the root, indented like the elements before it. When the root ends in
 * whitespace (an indented message) the signature goes before it, after a line break and a tab of its own.
 */
final class Placement {

    private Placement() {}

    /** Prepares the root and returns the node to insert the signature before ({@code null}: append). */
    static @Nullable Node prepare(Element root) {
        Node last = root.getLastChild();
        if (last != null
                && last.getNodeType() == Node.TEXT_NODE
                && last.getNodeValue().isBlank()) {
            root.insertBefore(root.getOwnerDocument().createTextNode("\n\t"), last);
            return last;
        }
        return null;
    }
}
