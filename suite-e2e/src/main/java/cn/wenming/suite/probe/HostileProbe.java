package cn.wenming.suite.probe;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * Hostile input generated from the OpenAPI documents, for every operation: bad path ids, bad query
 * values, and for every body field wrong types, missing and extra fields, server-owned fields, 1 MB
 * strings, values out of range, invalid UTF-8, control characters, SQL and HTML where the field is
 * typed; plus whole bodies that are broken or nested thousands deep. Every request is invalid by
 * construction, so every answer must be a 4xx problem, and nothing may be stored. This class makes
 * the path and query attacks and sends them all; the bodies are {@link HostileBodies}', built with
 * {@link JsonEdits}.
 */
final class HostileProbe {

    /** Ids that are not UUIDs, already percent-encoded for a path segment. */
    static final List<String> BAD_IDS = List.of("1", "-1", "abc", "null", "%27%20OR%20%271%27%3D%271",
            "1%3B%20DROP%20TABLE%20bulletin%3B--", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "..%2F..%2Fetc%2Fpasswd", "%00",
            "%C3%28", "00000000-0000-0000-0000-00000000000g", "x".repeat(300), "%E6%96%87%E6%98%8E");

    /** One hostile request: a name for the summary, and what is sent. */
    record Attempt(String what, String method, String url, String contentType, byte[] body) {
    }

    private final Suite suite;
    private final Http http;
    private final Report report;
    private final HostileBodies bodies = new HostileBodies();

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
                JsonNode example = op.examples().containsKey(type) ? op.examples().get(type) : JsonEdits.synthesize(op, schema, 0);
                bodies.jsonBodies(op, label, method, url, schema, example, out);
            } else {
                for (var raw : HostileBodies.rawBodies().entrySet()) {
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

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…(" + s.length() + ")" : s;
    }
}
