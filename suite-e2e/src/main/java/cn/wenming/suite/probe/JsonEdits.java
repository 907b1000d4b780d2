package cn.wenming.suite.probe;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The JSON the hostile probe starts from and the edits it makes to it, always on copies: a value
 * for any schema, and a body with one value replaced, removed or written as raw bytes. A path is a
 * list of field names and array indexes.
 */
final class JsonEdits {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonEdits() {
    }

    /** A plausible value for a schema, for bodies whose document has no example. */
    static JsonNode synthesize(Api.Operation op, JsonNode schema, int depth) {
        JsonNode s = op.resolve(schema);
        if (s.has("example")) {
            return s.get("example");
        }
        if (s.has("examples") && s.get("examples").isArray() && !s.get("examples").isEmpty()) {
            return s.get("examples").get(0);
        }
        if (s.has("enum") && !s.get("enum").isEmpty()) {
            return s.get("enum").get(0);
        }
        switch (Api.type(s)) {
            case "object": {
                ObjectNode o = NODES.objectNode();
                if (depth < 4) {
                    s.path("properties").fields().forEachRemaining(e -> o.set(e.getKey(), synthesize(op, e.getValue(), depth + 1)));
                }
                return o;
            }
            case "array": {
                ArrayNode a = NODES.arrayNode();
                if (depth < 4) {
                    a.add(synthesize(op, s.path("items"), depth + 1));
                }
                return a;
            }
            case "integer":
            case "number":
                return NODES.numberNode(s.has("minimum") ? s.get("minimum").asLong() : 1);
            case "boolean":
                return NODES.booleanNode(true);
            default:
                return switch (s.path("format").asText()) {
                    case "uuid" -> new TextNode(UUID.randomUUID().toString());
                    case "date" -> new TextNode("2020-04-24");
                    case "date-time" -> new TextNode("2020-04-24T10:00:00+08:00");
                    default -> new TextNode("首都精神文明办");
                };
        }
    }

    static JsonNode get(JsonNode root, List<Object> path) {
        JsonNode n = root;
        for (Object step : path) {
            if (n == null) {
                return null;
            }
            n = step instanceof Integer i ? n.get(i) : n.get((String) step);
        }
        return n;
    }

    /** A copy of {@code root} with the value at {@code path} replaced (containers made as needed). */
    static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        if (path.isEmpty()) {
            return value;
        }
        JsonNode copy = root == null || root.isNull() || root.isMissingNode()
                ? (path.get(0) instanceof Integer ? NODES.arrayNode() : NODES.objectNode()) : root.deepCopy();
        JsonNode parent = copy;
        for (int i = 0; i < path.size() - 1; i++) {
            Object step = path.get(i);
            Object next = path.get(i + 1);
            JsonNode child = step instanceof Integer idx ? parent.get(idx) : parent.get((String) step);
            if (child == null || !(child.isObject() || child.isArray())) {
                child = next instanceof Integer ? NODES.arrayNode() : NODES.objectNode();
                put(parent, step, child);
            }
            parent = child;
        }
        put(parent, path.get(path.size() - 1), value);
        return copy;
    }

    private static void put(JsonNode parent, Object step, JsonNode value) {
        if (step instanceof Integer idx && parent instanceof ArrayNode a) {
            while (a.size() <= idx) {
                a.addNull();
            }
            a.set(idx, value);
        } else if (parent instanceof ObjectNode o) {
            o.set(String.valueOf(step), value);
        }
    }

    static byte[] remove(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = get(copy, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode o) {
            o.remove((String) path.get(path.size() - 1));
        }
        return bytes(copy);
    }

    /** The example with the raw bytes (not JSON-escaped) where the value at {@code path} is. */
    static byte[] raw(JsonNode root, List<Object> path, byte[] raw) {
        String marker = "@@RAW" + UUID.randomUUID() + "@@";
        String text = set(root, path, new TextNode(marker)).toString();
        int at = text.indexOf("\"" + marker + "\"");
        return concat(text.substring(0, at).getBytes(StandardCharsets.UTF_8), raw,
                text.substring(at + marker.length() + 2).getBytes(StandardCharsets.UTF_8));
    }

    static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static String pointer(List<Object> path) {
        StringBuilder b = new StringBuilder();
        for (Object step : path) {
            if (step instanceof Integer i) {
                b.append('[').append(i).append(']');
            } else {
                b.append(b.length() == 0 ? "" : ".").append(step);
            }
        }
        return b.length() == 0 ? "the body" : b.toString();
    }
}
