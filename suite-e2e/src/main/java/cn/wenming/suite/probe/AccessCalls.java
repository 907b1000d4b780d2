package cn.wenming.suite.probe;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one harmless request every cell of an operation sends, so that an allowed call changes
 * nothing another cell relies on: a stale {@code If-Match} where the operation honours it (412), an
 * empty body for a creation (400), and for the few changes that take neither, an object in a state
 * where the change changes nothing ({@link #TRIGGERS}).
 */
final class AccessCalls {

    /** An entity tag no object has: a change that honours If-Match refuses it (412) before it changes anything. */
    static final String STALE = "\"999999\"";

    /**
     * The changes that take neither a body nor {@code If-Match}, and what each answers on the object
     * {@link AccessObjects} gives it, where it changes nothing: a delivery its recipient has already
     * signed for, so signing again is a 200 that changes nothing and recording a paper hand-over is a
     * 409 (it is not PENDING); and the dispatch of paper deliveries, none of which has FAILED, so
     * there is nothing to resend (200).
     */
    static final Map<String, Integer> TRIGGERS = Map.of(
            "distribution-service POST /api/v1/deliveries/{id}/acknowledgement", 200,
            "distribution-service POST /api/v1/deliveries/{id}/mark-sent", 409,
            "distribution-service POST /api/v1/dispatches/{id}/resend-failed", 200);

    /**
     * How every cell of an operation calls it: the path with real ids, the body and If-Match that keep an
     * allowed call from changing anything, and the status an allowed call answers: 200 for a read (a real
     * object, read), 412, 400 or what {@link #TRIGGERS} says for a change; never 401, 403 or 404.
     * {@code objects}: the paths of the objects a change is called on (each id of its path), which must
     * read the same after all cells; none for a read.
     */
    record Call(String method, String path, String contentType, byte[] body, String ifMatch, int allowed, List<String> objects) {
    }

    private AccessCalls() {
    }

    /** How every cell of {@code op} calls it; throws when the probe does not know how to call it harmlessly. */
    static Call call(Api.Operation op, AccessObjects objects) {
        String path = objects.path(op);
        String method = op.method().toUpperCase();
        if (method.equals("GET")) {
            // a query parameter the read needs (search's q) as the document's example gives it
            StringBuilder query = new StringBuilder();
            for (Api.Param p : op.params("query")) {
                if (p.required() && !p.example().isMissingNode()) {
                    query.append(query.isEmpty() ? '?' : '&').append(p.name()).append('=')
                            .append(URLEncoder.encode(p.example().asText(), StandardCharsets.UTF_8));
                }
            }
            return new Call(method, path + query, null, null, null, 200, List.of());
        }
        // the objects along the path: /api/v1/work-plans/{id}/areas/{areaId} → the plan and the area
        List<String> objectPaths = new ArrayList<>();
        String[] template = op.path().split("/");
        String[] real = path.split("/");
        for (int i = 0; i < template.length; i++) {
            if (template[i].startsWith("{") && !template[i].equals("{service}")) {
                objectPaths.add(String.join("/", List.of(real).subList(0, i + 1)));
            }
        }
        String type = op.bodies().isEmpty() ? null : op.bodies().keySet().iterator().next();
        if (op.params("header").stream().anyMatch(p -> p.name().equalsIgnoreCase("If-Match"))) {
            // a valid body (the document's own example), so that the stale If-Match is what refuses it: 412 before any change
            return new Call(method, path, type, type == null ? null : example(op, type), STALE, 412, objectPaths);
        }
        if (type != null) {
            // a creation (or an import) with nothing to create from: 400 before anything is stored
            return new Call(method, path, type, new byte[0], null, 400, objectPaths);
        }
        Integer answer = TRIGGERS.get(op.key());
        if (answer == null) {
            throw new IllegalStateException(op.key() + " takes neither a body nor If-Match: the probe does not know how to call it "
                    + "without changing anything (add it to AccessCalls.TRIGGERS with an object where it changes nothing)");
        }
        return new Call(method, path, null, null, null, answer, objectPaths);
    }

    private static byte[] example(Api.Operation op, String type) {
        JsonNode example = op.examples().get(type);
        if (example == null) {
            throw new IllegalStateException(op.key() + " has no example body for " + type + " in its document");
        }
        try {
            String text = example.isTextual() && !type.contains("json") ? example.asText() : Http.JSON.writeValueAsString(example);
            return text.getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
