package cn.eexpo.clearance.ceb;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Any CEB message read generically: its type, guid, version and element tree without the signature. Used for the
 * message types this bridge neither builds nor receives (411, 511, 513, 711: other parties' filings, e.g. in a
 * simulator), and to look at a message whatever it is.
 */
public record ParsedMessage(CebMessageType type, String guid, String version, List<Node> nodes, boolean signed) {

    public ParsedMessage {
        nodes = List.copyOf(nodes);
    }

    /** An element: its leaf children as name → text, in document order, and its complex children. */
    public record Node(String name, Map<String, String> fields, List<Node> children) {

        public Node {
            fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
            children = List.copyOf(children);
        }

        public @Nullable String field(String name) {
            return fields.get(name);
        }
    }
}
