package cn.wenming.suite.probe;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * The OpenAPI documents: each served one equals its committed copy in {@code docs/openapi/} (so an
 * API change is always a visible diff; {@code ./suite openapi} updates the copies), and each passes
 * Spectral with the ruleset {@code .spectral.yaml} without an error.
 */
final class OpenApiCheck {

    private final Suite suite;
    private final Http http;
    private final Report report;
    private final Map<String, JsonNode> served = new LinkedHashMap<>();

    OpenApiCheck(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    JsonNode served(String service) {
        Http.Answer a = http.get(suite.gatewayUrl() + "/openapi/" + service);
        if (a.status() != 200) {
            throw new IllegalStateException("the gateway does not serve the OpenAPI document of " + service + ": " + a.status());
        }
        JsonNode doc = a.json();
        served.put(service, doc);
        return doc;
    }

    void run() {
        Path root = suite.projectRoot();
        for (var e : served.entrySet()) {
            report.inc(Count.OPENAPI_DOCUMENTS);
            Path committed = committed(root, e.getKey());
            if (!Files.isRegularFile(committed)) {
                report.fail(null, "OpenAPI: " + root.relativize(committed) + " is not committed (./suite openapi writes it)");
                continue;
            }
            JsonNode copy;
            try {
                copy = Http.JSON.readTree(committed.toFile());
            } catch (IOException ex) {
                report.fail(null, "OpenAPI: " + committed + " is not JSON: " + ex.getMessage());
                continue;
            }
            String difference = firstDifference("", copy, e.getValue());
            if (difference != null) {
                report.fail(null, "OpenAPI: the served document of " + e.getKey() + " differs from " + root.relativize(committed)
                        + " at " + difference + " (" + kind(copy, e.getValue()) + "): commit the change with ./suite openapi");
            }
        }
        for (String error : Spectral.lint(root, Suite.SERVICES.stream().map(s -> committed(root, s)).toList())) {
            report.fail(null, "OpenAPI (Spectral): " + error);
        }
    }

    /**
     * Whether a difference breaks clients generated from the committed copy (openapi-diff's verdict,
     * naming the operations) or not: a breaking one also needs a line in the README's API changelog
     * (ApiChangeGateTest).
     */
    static String kind(JsonNode committed, JsonNode served) {
        List<ApiDiff.Breaking> breaking = ApiDiff.between(committed.toString(), served.toString()).breaking();
        return breaking.isEmpty() ? "compatible with clients of the committed copy"
                : "BREAKING for clients of the committed copy: " + breaking + "; name it in the README's API changelog";
    }

    /** {@code ./suite openapi}: the served documents become the committed copies. */
    static void write(Suite suite, Http http) {
        OpenApiCheck check = new OpenApiCheck(suite, http);
        for (String service : Suite.SERVICES) {
            JsonNode doc = check.served(service);
            Path file = committed(suite.projectRoot(), service);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, Http.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(doc) + "\n", StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
            }
            System.out.println("openapi: wrote " + suite.projectRoot().relativize(file));
        }
    }

    static Path committed(Path root, String service) {
        return root.resolve("docs/openapi/" + service + ".json");
    }

    /** The JSON pointer of the first place two documents differ, or null when they are equal. */
    static String firstDifference(String at, JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return null;
        }
        if (a.isObject() && b.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            a.fieldNames().forEachRemaining(names::add);
            b.fieldNames().forEachRemaining(names::add);
            for (String n : names) {
                JsonNode x = a.get(n);
                JsonNode y = b.get(n);
                if (x == null || y == null) {
                    return at + "/" + n + (x == null ? " (only served)" : " (only committed)");
                }
                String d = firstDifference(at + "/" + n, x, y);
                if (d != null) {
                    return d;
                }
            }
        }
        if (a.isArray() && b.isArray() && a.size() == b.size()) {
            for (int i = 0; i < a.size(); i++) {
                String d = firstDifference(at + "/" + i, a.get(i), b.get(i));
                if (d != null) {
                    return d;
                }
            }
        }
        return at.isEmpty() ? "/" : at;
    }

    /** Spectral (npm @stoplight/spectral-cli), installed into .local/tools on first use. */
    static final class Spectral {

        static final String PACKAGE = "@stoplight/spectral-cli@6.16.3";

        private Spectral() {
        }

        /** Every error Spectral finds in the documents, named by file, path and rule. */
        static List<String> lint(Path root, List<Path> documents) {
            Path tools = root.resolve(".local/tools/spectral");
            Path binary = tools.resolve("node_modules/.bin/spectral");
            List<String> errors = new ArrayList<>();
            if (!Files.isExecutable(binary)) {
                String out = run(root, List.of("npm", "install", "--no-save", "--no-audit", "--no-fund", "--prefix", tools.toString(), PACKAGE));
                if (!Files.isExecutable(binary)) {
                    errors.add("Spectral could not be installed with npm (./suite installs nodejs and npm when missing): " + out);
                    return errors;
                }
            }
            for (Path doc : documents) {
                List<String> command = List.of(binary.toString(), "lint", "--quiet", "--ruleset", root.resolve(".spectral.yaml").toString(),
                        "--format", "json", "--fail-severity", "error", doc.toString());
                String out = run(root, command);
                JsonNode results;
                try {
                    int start = out.indexOf('[');
                    results = Http.JSON.readTree(start < 0 ? "[]" : out.substring(start));
                } catch (IOException e) {
                    errors.add("Spectral's answer on " + doc.getFileName() + " is not JSON: " + Http.abbreviate(out));
                    continue;
                }
                for (Iterator<JsonNode> it = results.elements(); it.hasNext();) {
                    JsonNode r = it.next();
                    if (r.path("severity").asInt(-1) == 0) {
                        List<String> path = new ArrayList<>();
                        r.path("path").forEach(p -> path.add(p.asText()));
                        errors.add(doc.getFileName() + " " + String.join(".", path) + ": " + r.path("code").asText() + " "
                                + r.path("message").asText());
                    }
                }
            }
            return errors;
        }

        private static String run(Path dir, List<String> command) {
            try {
                Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
                byte[] out = p.getInputStream().readAllBytes();
                p.waitFor(300, TimeUnit.SECONDS);
                return new String(out, StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "cannot run " + command.get(0) + ": " + e.getMessage();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }
    }
}
