package cn.wenming.suite.probe;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The operations of the four services as their served OpenAPI documents describe them: what the
 * access matrix is checked against and what the hostile input is generated from.
 */
public final class Api {

    public static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    /** A parameter: where it goes (path, query, header), its name, its resolved schema and its example (missing when none). */
    public record Param(String in, String name, boolean required, JsonNode schema, JsonNode example) {
    }

    /**
     * One operation. {@code roles} are the scopes of its bearer requirement; empty when the
     * document says it needs no token. {@code bodies} maps each accepted media type to its resolved
     * schema, {@code examples} to its first example (when the document has one).
     */
    public record Operation(String service, String method, String path, Set<String> roles, boolean secured,
            List<Param> params, Map<String, JsonNode> bodies, Map<String, JsonNode> examples, JsonNode document) {

        public String key() {
            return service + " " + method.toUpperCase() + " " + path;
        }

        public List<Param> params(String in) {
            return params.stream().filter(p -> p.in().equals(in)).toList();
        }

        /** The path with each path parameter replaced by {@code value}. */
        public String path(String value) {
            return path.replaceAll("\\{[^}]+}", value);
        }

        /** A schema resolved through its {@code $ref}s against this operation's document. */
        public JsonNode resolve(JsonNode schema) {
            return Api.resolve(document, schema);
        }
    }

    private Api() {
    }

    /** Every operation of one document. */
    public static List<Operation> operations(String service, JsonNode doc) {
        List<Operation> ops = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields();
        while (paths.hasNext()) {
            var path = paths.next();
            for (String method : METHODS) {
                JsonNode op = path.getValue().get(method);
                if (op == null) {
                    continue;
                }
                JsonNode security = op.has("security") ? op.get("security") : doc.path("security");
                Set<String> roles = new TreeSet<>();
                boolean secured = security.isArray() && !security.isEmpty();
                for (JsonNode requirement : security) {
                    requirement.fields().forEachRemaining(e -> e.getValue().forEach(r -> roles.add(r.asText())));
                }
                List<Param> params = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode resolved = resolve(doc, p);
                    params.add(new Param(resolved.path("in").asText(), resolved.path("name").asText(),
                            resolved.path("required").asBoolean(false), resolve(doc, resolved.path("schema")), resolved.path("example")));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                Map<String, JsonNode> examples = new LinkedHashMap<>();
                JsonNode content = resolve(doc, op.path("requestBody")).path("content");
                content.fields().forEachRemaining(e -> {
                    bodies.put(e.getKey(), resolve(doc, e.getValue().path("schema")));
                    JsonNode example = e.getValue().get("example");
                    if (example == null && e.getValue().has("examples")) {
                        Iterator<JsonNode> all = e.getValue().get("examples").elements();
                        if (all.hasNext()) {
                            example = resolve(doc, all.next()).get("value");
                        }
                    }
                    if (example != null && !example.isNull()) {
                        examples.put(e.getKey(), example);
                    }
                });
                ops.add(new Operation(service, method, path.getKey(), roles, secured, params, bodies, examples, doc));
            }
        }
        return ops;
    }

    private static List<JsonNode> concat(JsonNode a, JsonNode b) {
        List<JsonNode> all = new ArrayList<>();
        a.forEach(all::add);
        b.forEach(all::add);
        return all;
    }

    /**
     * Follows {@code $ref} (also when it sits beside other keywords, as SmallRye writes it for
     * annotated fields: the local keywords win over the referenced ones).
     */
    static JsonNode resolve(JsonNode doc, JsonNode node) {
        int depth = 0;
        while (node != null && node.has("$ref") && depth++ < 20) {
            String ref = node.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                return node;
            }
            JsonNode target = doc.at(ref.substring(1));
            if (target.isMissingNode()) {
                return node;
            }
            if (node.size() > 1) {
                ObjectNode merged = ((ObjectNode) target).deepCopy();
                node.fields().forEachRemaining(e -> {
                    if (!e.getKey().equals("$ref")) {
                        merged.set(e.getKey(), e.getValue());
                    }
                });
                node = merged;
            } else {
                node = target;
            }
        }
        return node == null ? Http.JSON.missingNode() : node;
    }

    /** The type of a schema: its {@code type} (the first when a list), or what its keywords imply. */
    static String type(JsonNode schema) {
        JsonNode t = schema.path("type");
        if (t.isArray() && !t.isEmpty()) {
            for (JsonNode each : t) {
                if (!each.asText().equals("null")) {
                    return each.asText();
                }
            }
        }
        if (t.isTextual()) {
            return t.asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        if (schema.has("enum")) {
            return "string";
        }
        return "";
    }

    static JsonNode parse(byte[] json) {
        try {
            return Http.JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + e.getMessage(), e);
        }
    }
}
