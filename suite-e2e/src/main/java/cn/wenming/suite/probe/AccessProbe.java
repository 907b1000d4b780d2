package cn.wenming.suite.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import cn.wenming.suite.JwtKeys;
import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * The role × operation matrix of {@code probe/access-matrix.tsv}: checked against the served
 * documents (every operation has exactly one rule, and the rule says what the document says), then
 * called cell by cell: no token and four kinds of refused token → 401, each role → its documented
 * allow (anything but 401/403) or deny (403).
 */
final class AccessProbe {

    /** The roles operations check: the office's staff, a recipient body's system, and each service of the suite. */
    static final List<String> ROLES = List.of("reader", "editor", "reviewer", "admin", "recipient", "service:bulletin-service",
            "service:task-service", "service:honors-service", "service:distribution-service");
    static final String MATRIX = "probe/access-matrix.tsv";

    /** One rule: the roles allowed, or public. */
    record Rule(String key, Set<String> roles, boolean isPublic) {
    }

    private final Suite suite;
    private final Http http;
    private final Report report;

    AccessProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    static Map<String, Rule> loadMatrix() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        try (InputStream in = AccessProbe.class.getClassLoader().getResourceAsStream(MATRIX)) {
            if (in == null) {
                throw new IllegalStateException(MATRIX + " is not on the classpath");
            }
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 4) {
                    throw new IllegalStateException(MATRIX + " line " + n + ": needs 4 tab-separated cells: " + line);
                }
                String key = cells[0].trim() + " " + cells[1].trim().toUpperCase() + " " + cells[2].trim();
                boolean isPublic = cells[3].trim().equals("public");
                Set<String> roles = new LinkedHashSet<>();
                if (!isPublic) {
                    for (String r : cells[3].split(",")) {
                        if (!ROLES.contains(r.trim())) {
                            throw new IllegalStateException(MATRIX + " line " + n + ": unknown role " + r);
                        }
                        roles.add(r.trim());
                    }
                }
                if (rules.put(key, new Rule(key, roles, isPublic)) != null) {
                    throw new IllegalStateException(MATRIX + " line " + n + ": a second rule for " + key);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return rules;
    }

    /** The matrix against the documents: returns the operations that have a rule. */
    List<Api.Operation> checkAgainstDocuments(List<Api.Operation> ops, Map<String, Rule> rules) {
        Set<String> seen = new LinkedHashSet<>();
        List<Api.Operation> ruled = new ArrayList<>();
        for (Api.Operation op : ops) {
            Rule rule = rules.get(op.key());
            seen.add(op.key());
            if (rule == null) {
                report.fail(Count.MATRIX_FAILED, "access matrix: no rule for " + op.key() + " (add one to " + MATRIX + ")");
                continue;
            }
            if (rule.isPublic() == op.secured()) {
                report.fail(Count.MATRIX_FAILED, "access matrix: " + op.key() + " is " + (rule.isPublic() ? "public" : "secured")
                        + " in the matrix but " + (op.secured() ? "needs a token" : "needs none") + " in the OpenAPI document");
            } else if (!rule.isPublic() && !rule.roles().equals(op.roles())) {
                report.fail(Count.MATRIX_FAILED, "access matrix: " + op.key() + " allows " + rule.roles()
                        + " in the matrix but " + op.roles() + " in the OpenAPI document");
            }
            ruled.add(op);
        }
        for (String key : rules.keySet()) {
            if (!seen.contains(key)) {
                report.fail(Count.MATRIX_FAILED, "access matrix: rule for " + key + " matches no operation of the documents");
            }
        }
        return ruled;
    }

    /** Calls every cell. */
    void run(List<Api.Operation> ops, Map<String, Rule> rules, Parallel parallel) {
        JwtKeys keys = suite.keys();
        JwtKeys stranger = JwtKeys.stranger();
        Instant now = Instant.now();
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("no token", null);
        JwtKeys.Claims all = JwtKeys.Claims.staff("probe-refused", Duration.ofHours(1), "reader", "editor", "reviewer", "admin");
        refused.put("expired token", keys.token(all.during(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1)))));
        refused.put("token with a wrong signature", stranger.token(all, keys.kid()));
        refused.put("token from another issuer", keys.token(all.withIssuer("https://evil.example/issuer")));
        refused.put("token for another audience", keys.token(all.withAudience("another-system")));
        refused.put("token with an unknown key id", keys.token(all, "no-such-key"));
        refused.put("token with alg none", keys.unsigned(all));
        refused.put("garbage bearer", "not-a-jwt");
        Map<String, String> roleTokens = new LinkedHashMap<>();
        for (String role : ROLES) {
            roleTokens.put(role, role.startsWith("service:") ? suite.serviceToken(role.substring("service:".length()))
                    : role.equals("recipient") ? suite.tokenFor("probe-recipient", UUID.randomUUID(), "recipient")
                    : suite.token("probe-" + role, role));
        }
        List<Runnable> cells = new ArrayList<>();
        for (Api.Operation op : ops) {
            Rule rule = rules.get(op.key());
            if (rule == null) {
                continue;
            }
            if (!rule.isPublic()) {
                refused.forEach((what, token) -> cells.add(() -> cell(op, what, token, 401)));
            } else {
                cells.add(() -> cell(op, "no token", null, 0));
            }
            roleTokens.forEach((role, token) -> cells.add(() -> cell(op, "role " + role, token,
                    rule.isPublic() || rule.roles().contains(role) ? 0 : 403)));
        }
        parallel.run(cells);
    }

    /** {@code expected} 0 means allowed: anything but 401 and 403. */
    private void cell(Api.Operation op, String who, String token, int expected) {
        report.inc(Count.MATRIX_CELLS);
        String url = suite.serviceUrl(op.service()) + op.path(UUID.randomUUID().toString());
        String contentType = op.bodies().isEmpty() ? null : op.bodies().keySet().iterator().next();
        byte[] body = contentType == null ? null
                : contentType.contains("json") ? "{}".getBytes(StandardCharsets.UTF_8) : new byte[0];
        Http.Answer a = http.send(op.method().toUpperCase(), url, contentType, body,
                "Authorization", token == null ? null : (token.startsWith("not-") ? token : "Bearer " + token));
        String what = "access " + op.key() + " as " + who;
        http.check(what, a);
        boolean ok = expected == 0 ? a.status() != 401 && a.status() != 403 && a.status() > 0 : a.status() == expected;
        if (ok && expected == 401 && (a.header("WWW-Authenticate") == null
                || !a.json().path("type").asText().equals("urn:wenming:problem:unauthenticated"))) {
            ok = false;
        }
        if (!ok) {
            report.fail(Count.MATRIX_FAILED, what + ": expected " + (expected == 0 ? "allowed" : expected) + ", got "
                    + a.status() + " " + Http.abbreviate(a.text()));
        }
    }
}
