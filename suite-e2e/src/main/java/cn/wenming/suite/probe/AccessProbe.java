package cn.wenming.suite.probe;

import static cn.wenming.suite.probe.AccessMatrix.STAFF;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.suite.JwtKeys;
import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.AccessCalls.Call;
import cn.wenming.suite.probe.AccessMatrix.Recipient;
import cn.wenming.suite.probe.AccessMatrix.Rule;
import cn.wenming.suite.probe.Report.Count;

/**
 * Who may call what, per kind of body ({@code probe/access-matrix.tsv}): checked against the served
 * documents (every operation has exactly one rule, and the rule says what the document's bearer
 * scopes say), then called through the gateway, cell by cell, with real objects
 * ({@link AccessObjects}):
 * <ul>
 * <li>no token and seven kinds of refused token → 401;</li>
 * <li>each role of the office's staff, another body's staff (a district admin), a recipient body's
 * system, each service of the suite, and staff naming no body → the rule's allow or deny (403). An
 * allowed call answers what its {@link Call} says, never 401, 403 or 404: a read 200 (a real
 * object was found and read), a change the refusal that shows it got through to the object;</li>
 * <li>object-level: for what belongs to a body (rules marked {@code own}), a recipient of one body
 * gets 404 for the other's object and the allowed answer for its own, and a list holds its own only.</li>
 * </ul>
 * An allowed call must not change what another cell relies on, so every cell of an operation sends
 * one harmless request ({@link Call}): a stale {@code If-Match} where the operation honours it (412),
 * an empty body for a creation (400), and for the few changes that take neither, an object in a
 * state where the change changes nothing ({@link AccessCalls#TRIGGERS}). Afterwards every object a change was
 * called on must read as before. The rules and their check against the documents are
 * {@link AccessMatrix}; the harmless request of each operation is {@link AccessCalls}.
 */
final class AccessProbe {

    /** One kind of caller: its name in a failure, its Authorization header, and whether a rule lets it in. */
    private record Caller(String who, String authorization, Predicate<Rule> allowedBy) {
    }

    private final Suite suite;
    private final Http http;
    private final Report report;

    AccessProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    /** The matrix against the documents ({@link AccessMatrix}): returns the operations that have a rule. */
    List<Api.Operation> checkAgainstDocuments(List<Api.Operation> ops, Map<String, Rule> rules) {
        return new AccessMatrix(report).checkAgainstDocuments(ops, rules);
    }

    // ---- the cells ---------------------------------------------------------------------------

    /** Makes the objects, runs the object-level cells, then every cell of the matrix, and checks nothing changed. */
    void run(List<Api.Operation> ops, Map<String, Rule> rules, Parallel parallel) {
        AccessObjects objects = AccessObjects.make(suite, http, Pace.forGateway());
        Map<String, Call> calls = new LinkedHashMap<>();
        for (Api.Operation op : ops) {
            if (rules.containsKey(op.key())) {
                try {
                    calls.put(op.key(), AccessCalls.call(op, objects));
                } catch (IllegalStateException e) {
                    report.fail(Count.MATRIX_FAILED, "access: " + e.getMessage());
                }
            }
        }
        for (Api.Operation op : ops) {
            Rule rule = rules.get(op.key());
            if (rule != null && rule.recipient() == Recipient.OWN && calls.containsKey(op.key())) {
                objectLevel(op, calls.get(op.key()), objects);
            }
        }
        Map<String, String> before = versions(calls, objects);
        List<Caller> refused = refused();
        List<Caller> callers = callers(objects);
        List<Runnable> cells = new ArrayList<>();
        for (Api.Operation op : ops) {
            Rule rule = rules.get(op.key());
            Call call = calls.get(op.key());
            if (rule == null || call == null) {
                continue;
            }
            if (!rule.isPublic()) {
                refused.forEach(c -> cells.add(() -> cell(op, call, c, 401, objects)));
            } else {
                cells.add(() -> cell(op, call, new Caller("no token", null, r -> true), call.allowed(), objects));
            }
            callers.forEach(c -> cells.add(() -> cell(op, call, c, rule.isPublic() || c.allowedBy().test(rule) ? call.allowed() : 403, objects)));
        }
        parallel.run(cells);
        Map<String, String> after = versions(calls, objects);
        before.forEach((path, version) -> {
            if (!version.equals(after.get(path))) {
                report.fail(Count.MATRIX_FAILED, "access: the allowed cells changed " + path + ": " + Http.abbreviate(version) + " → "
                        + Http.abbreviate(String.valueOf(after.get(path))));
            }
        });
    }

    /** No token, and each kind of token that must be refused (401) wherever a token is needed. */
    private List<Caller> refused() {
        JwtKeys keys = suite.keys();
        JwtKeys stranger = JwtKeys.stranger();
        Instant now = Instant.now();
        JwtKeys.Claims all = JwtKeys.Claims.staff("probe-refused", Duration.ofHours(1), STAFF.toArray(String[]::new));
        Predicate<Rule> never = r -> false;
        return List.of(new Caller("no token", null, never),
                new Caller("an expired token", bearer(keys.token(all.during(now.minus(Duration.ofHours(2)), now.minus(Duration.ofHours(1))))), never),
                new Caller("a token with a wrong signature", bearer(stranger.token(all, keys.kid())), never),
                new Caller("a token from another issuer", bearer(keys.token(all.withIssuer("https://evil.example/issuer"))), never),
                new Caller("a token for another audience", bearer(keys.token(all.withAudience("another-system"))), never),
                new Caller("a token with an unknown key id", bearer(keys.token(all, "no-such-key")), never),
                new Caller("a token with alg none", bearer(keys.unsigned(all)), never),
                new Caller("a garbage bearer", "not-a-jwt", never));
    }

    /** Every kind of caller a token names, with the column of the rule that lets it in. */
    private List<Caller> callers(AccessObjects objects) {
        List<Caller> callers = new ArrayList<>();
        for (String role : STAFF) {
            callers.add(new Caller("the office's " + role, bearer(suite.token("probe-cell-" + role, role)), r -> r.office().contains(role)));
        }
        callers.add(new Caller("another body's admin (a district office)",
                bearer(suite.tokenFor("probe-cell-district-admin", objects.otherBody, "admin")), r -> r.otherBody().contains("admin")));
        AccessObjects.Body own = objects.bodies.get(0);
        callers.add(new Caller("recipient " + own.name(), own.token(), r -> r.recipient() != Recipient.NO));
        for (String service : Suite.SERVICES) {
            callers.add(new Caller("service:" + service, bearer(suite.serviceToken(service)), r -> r.services().contains(service)));
        }
        callers.add(new Caller("staff naming no body", bearer(suite.keys().token(JwtKeys.Claims.ofBody("probe-cell-nobody", null,
                Duration.ofHours(1), STAFF.toArray(String[]::new)))), r -> false));
        return callers;
    }

    private static String bearer(String token) {
        return "Bearer " + token;
    }

    /** One cell: {@code expected} 401 or 403 (with their problem), else what {@link Call#allowed()} says. */
    private void cell(Api.Operation op, Call call, Caller caller, int expected, AccessObjects objects) {
        report.inc(Count.MATRIX_CELLS);
        Http.Answer a = send(call, call.path(), caller.authorization(), objects);
        String what = "access " + op.key() + " as " + caller.who();
        http.check(what, a);
        String failure = expected == 401 ? refusal(a, 401, "unauthenticated")
                : expected == 403 ? refusal(a, 403, "forbidden")
                : allowed(a, call.allowed());
        if (failure != null) {
            report.fail(Count.MATRIX_FAILED, what + " (" + call.path() + "): " + failure);
        }
    }

    private static String refusal(Http.Answer a, int status, String type) {
        if (a.status() != status || !a.json().path("type").asText().equals("urn:wenming:problem:" + type)) {
            return "expected a " + status + " " + type + " problem, got " + a.status() + " " + Http.abbreviate(a.text());
        }
        if (status == 401 && a.header("WWW-Authenticate") == null) {
            return "a 401 without WWW-Authenticate";
        }
        return null;
    }

    /** An allowed call answers exactly {@code allowed} (which is none of 401, 403, 404). */
    private static String allowed(Http.Answer a, int allowed) {
        return a.status() == allowed ? null : "expected " + allowed + " (allowed), got " + a.status() + " " + Http.abbreviate(a.text());
    }

    /** {@code call} with the given path and Authorization header (none when null). */
    private static Http.Answer send(Call call, String path, String authorization, AccessObjects objects) {
        return objects.send(call.method(), path, call.contentType(), call.body(), "Authorization", authorization, "If-Match", call.ifMatch());
    }

    // ---- what belongs to a body ----------------------------------------------------------------

    /**
     * The object-level cells of an operation on what belongs to a body (its rule says {@code own}):
     * for each of the probe's two recipient bodies, the other body's object is a 404 not-found problem
     * (its id is not confirmed) that changes nothing, and its own is allowed; a list holds its own
     * objects only, also when it asks for the other body's. Today deliveries are the one such
     * resource; another one fails here until the probe is taught its objects.
     */
    private void objectLevel(Api.Operation op, Call call, AccessObjects objects) {
        if (!op.path().startsWith("/api/v1/deliveries")) {
            report.fail(Count.MATRIX_FAILED, "access: " + op.key() + " is own in the matrix, but the probe knows no object-level cells "
                    + "for it: teach AccessProbe.objectLevel its objects");
            return;
        }
        List<AccessObjects.Body> bodies = objects.bodies;
        boolean byId = op.path().contains("{");
        // first each body with the other's object, which must stay as it was (the second body's delivery is
        // still SENT: a signature by the first would show), then each with its own (the second signs for real)
        for (boolean own : new boolean[] { false, true }) {
            for (int i = 0; i < bodies.size(); i++) {
                AccessObjects.Body me = bodies.get(i);
                AccessObjects.Body other = bodies.get((i + 1) % bodies.size());
                if (byId) {
                    deliveryCell(op, call, me, own ? me : other, objects);
                } else if (own) {
                    listCell(op, me, other, "?limit=100", objects);
                    listCell(op, me, other, "?limit=100&organizationId=" + other.org(), objects);
                }
            }
        }
    }

    private void deliveryCell(Api.Operation op, Call call, AccessObjects.Body me, AccessObjects.Body owner, AccessObjects objects) {
        report.inc(Count.OBJECT_CELLS);
        String path = op.path().replace("{id}", owner.delivery());
        String what = "object-level " + op.key() + " as recipient " + me.name() + " with " + (me == owner ? "its own" : owner.name() + "'s")
                + " delivery";
        String before = me == owner ? null : objects.read("/api/v1/deliveries/" + owner.delivery());
        Http.Answer a = send(call, path, me.token(), objects);
        http.check(what, a);
        String failure = me == owner ? allowed(a, call.allowed()) : refusal(a, 404, "not-found");
        if (failure == null && before != null) {
            String after = objects.read("/api/v1/deliveries/" + owner.delivery());
            if (!after.equals(before)) {
                failure = "the other body's delivery changed: " + Http.abbreviate(before) + " → " + Http.abbreviate(after);
            }
        }
        if (failure != null) {
            report.fail(Count.MATRIX_FAILED, what + ": " + failure);
        }
    }

    private void listCell(Api.Operation op, AccessObjects.Body me, AccessObjects.Body other, String query, AccessObjects objects) {
        report.inc(Count.OBJECT_CELLS);
        String what = "object-level " + op.key() + query + " as recipient " + me.name();
        Http.Answer a = objects.send("GET", op.path() + query, null, null, "Authorization", me.token());
        http.check(what, a);
        Set<String> ids = new LinkedHashSet<>();
        Set<String> owners = new LinkedHashSet<>();
        for (JsonNode d : a.json().path("items")) {
            ids.add(d.path("id").asText());
            owners.add(d.path("organizationId").asText());
        }
        boolean filteredToOther = query.contains("organizationId");
        String failure = a.status() != 200 ? "expected 200, got " + a.status() + " " + Http.abbreviate(a.text())
                : ids.contains(other.delivery()) || !owners.stream().allMatch(o -> o.equals(me.org().toString()))
                        ? "holds another body's deliveries: " + owners
                : !filteredToOther && !ids.contains(me.delivery()) ? "does not hold its own delivery " + me.delivery()
                : null;
        if (failure != null) {
            report.fail(Count.MATRIX_FAILED, what + ": " + failure);
        }
    }

    // ---- nothing changed ---------------------------------------------------------------------

    /** Every object a change was called on ({@link Call#objects()}) and both deliveries, as an admin reads them. */
    private static Map<String, String> versions(Map<String, Call> calls, AccessObjects objects) {
        Set<String> watched = new TreeSet<>();
        calls.values().forEach(c -> watched.addAll(c.objects()));
        objects.bodies.forEach(b -> watched.add("/api/v1/deliveries/" + b.delivery()));
        Map<String, String> versions = new LinkedHashMap<>();
        watched.forEach(path -> versions.put(path, objects.read(path)));
        return versions;
    }
}
