package cn.eexpo.sandbox.stripe;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * Request parameters decoded from Stripe's form encoding with nested brackets: {@code metadata[order_no]=1}
 * becomes a map, {@code payment_method_types[0]=card} and {@code expand[]=latest_charge} become lists.
 * Values are strings, maps or lists; the accessors answer Stripe's errors for a value of the wrong kind.
 */
final class Params {

    private static final String APPENDED = "\u0000";

    private final Map<String, Object> values;

    private Params(Map<String, Object> values) {
        this.values = values;
    }

    static Params empty() {
        return new Params(new LinkedHashMap<>());
    }

    /** Decodes the query string and the form body together, body last. */
    static Params decode(@Nullable String query, @Nullable String body) {
        Map<String, Object> root = new LinkedHashMap<>();
        int[] appended = {0};
        for (String encoded : new String[] {query, body}) {
            if (encoded == null || encoded.isBlank()) {
                continue;
            }
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                put(root, segments(key), value, appended);
            }
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> normalized = (Map<String, Object>) normalize(root);
        return new Params(normalized);
    }

    private static List<String> segments(String key) {
        List<String> segments = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0 || !key.endsWith("]")) {
            segments.add(key);
            return segments;
        }
        segments.add(key.substring(0, open));
        for (String part : key.substring(open + 1, key.length() - 1).split("\\]\\[", -1)) {
            segments.add(part);
        }
        return segments;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> segments, String value, int[] appended) {
        Map<String, Object> node = root;
        String path = segments.getFirst();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i).isEmpty() ? APPENDED + appended[0]++ : segments.get(i);
            if (i > 0) {
                path = path + "[" + segments.get(i) + "]";
            }
            boolean last = i == segments.size() - 1;
            Object existing = node.get(segment);
            if (last) {
                if (existing instanceof Map) {
                    throw ApiError.invalid(
                            "Invalid request: " + path + " is given both as a value and as a hash", path);
                }
                node.put(segment, value);
            } else {
                if (existing instanceof String) {
                    throw ApiError.invalid(
                            "Invalid request: " + path + " is given both as a value and as a hash", path);
                }
                node = (Map<String, Object>) node.computeIfAbsent(segment, k -> new LinkedHashMap<String, Object>());
            }
        }
    }

    /** Maps whose keys are all indices (or appended with []) become lists. */
    private static Object normalize(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        Map<String, Object> result = new LinkedHashMap<>();
        boolean indexed = !map.isEmpty();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = (String) entry.getKey();
            result.put(key, normalize(entry.getValue()));
            indexed &= key.startsWith(APPENDED) || key.chars().allMatch(Character::isDigit) && !key.isEmpty();
        }
        if (!indexed) {
            return result;
        }
        List<Map.Entry<String, Object>> entries = new ArrayList<>(result.entrySet());
        entries.sort((a, b) -> {
            boolean aIndex = !a.getKey().startsWith(APPENDED);
            boolean bIndex = !b.getKey().startsWith(APPENDED);
            if (aIndex && bIndex) {
                return Long.compare(Long.parseLong(a.getKey()), Long.parseLong(b.getKey()));
            }
            return aIndex == bIndex ? 0 : aIndex ? -1 : 1;
        });
        return new ArrayList<>(entries.stream().map(Map.Entry::getValue).toList());
    }

    Map<String, Object> asMap() {
        return values;
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    void requireKnown(Set<String> known) {
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw ApiError.invalid("Received unknown parameter: " + name, name, "parameter_unknown");
            }
        }
    }

    @Nullable
    String string(String name) {
        return stringValue(values.get(name), name);
    }

    String required(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            throw ApiError.invalid("Missing required param: " + name + ".", name, "parameter_missing");
        }
        return value;
    }

    static @Nullable String stringValue(@Nullable Object value, String param) {
        if (value == null) {
            return null;
        }
        if (value instanceof String string) {
            return string;
        }
        throw ApiError.invalid("Invalid string: " + value, param);
    }

    @Nullable
    Long integer(String name) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.invalid("Invalid integer: " + value, name, "parameter_invalid_integer");
        }
    }

    boolean bool(String name) {
        String value = string(name);
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiError.invalid("Invalid boolean: " + value, name);
    }

    @Nullable
    String oneOf(String name, Collection<String> allowed) {
        String value = string(name);
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw ApiError.invalid(
                    "Invalid " + name + ": must be one of " + String.join(", ", new TreeSet<>(allowed)), name);
        }
        return value;
    }

    @Nullable
    List<String> strings(String name) {
        Object value = values.get(name);
        if (value == null) {
            return null;
        }
        if (!(value instanceof List<?> list)) {
            throw ApiError.invalid("Invalid array", name);
        }
        List<String> result = new ArrayList<>();
        for (Object item : list) {
            result.add(stringValue(item, name));
        }
        return result;
    }

    List<String> expand() {
        List<String> expand = strings("expand");
        return expand == null ? List.of() : expand;
    }

    @SuppressWarnings("unchecked")
    @Nullable
    Map<String, Object> map(String name) {
        Object value = values.get(name);
        if (value == null || "".equals(value)) {
            return null;
        }
        if (!(value instanceof Map<?, ?>)) {
            throw ApiError.invalid("Invalid object", name);
        }
        return (Map<String, Object>) value;
    }

    /**
     * Metadata as Stripe checks it: at most 50 keys of up to 40 characters, values up to 500 characters. An
     * empty string as the whole value or as one key's value unsets (on update).
     */
    @Nullable
    Map<String, String> metadata() {
        Object value = values.get("metadata");
        if (value == null) {
            return null;
        }
        if ("".equals(value)) {
            return Map.of();
        }
        Map<String, Object> map = map("metadata");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : map.entrySet()) {
            String param = "metadata[" + entry.getKey() + "]";
            if (entry.getKey().length() > 40) {
                throw ApiError.invalid(
                        "Metadata keys can have up to 40 characters; the key '" + entry.getKey() + "' is too long.",
                        param);
            }
            String text = stringValue(entry.getValue(), param);
            if (text != null && text.length() > 500) {
                throw ApiError.invalid("Metadata values can have up to 500 characters.", param);
            }
            metadata.put(entry.getKey(), text);
        }
        if (metadata.size() > 50) {
            throw ApiError.invalid("Metadata can have up to 50 keys.", "metadata");
        }
        return metadata;
    }
}
