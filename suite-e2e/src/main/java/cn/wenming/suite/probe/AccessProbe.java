package cn.wenming.suite.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.suite.JwtKeys;
import cn.wenming.suite.Suite;
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
 * state where the change changes nothing ({@link #TRIGGERS}). Afterwards every object a change was
 * called on must read as before.
 */
final class AccessProbe {

    static final String MATRIX = "probe/access-matrix.tsv";
    /** The office's staff roles, in the order cells are called. */
    static final List<String> STAFF = List.of("reader", "editor", "reviewer", "admin");
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

    /** What a recipient body's system may do with an operation: nothing, call it, or call it for its own objects only. */
    enum Recipient {
        NO("-"), YES("yes"), OWN("own");

        final String cell;

        Recipient(String cell) {
            this.cell = cell;
        }
    }

    /**
     * One rule. {@code office}: the staff roles of the office allowed; {@code otherBody}: the staff
     * roles allowed when the token acts for another body (a district office, a member unit: they act
     * as reader); {@code recipient}: a recipient body's system; {@code services}: the services of the
     * suite (by name) allowed. A public rule needs no token.
     */
    record Rule(String key, boolean isPublic, Set<String> office, Set<String> otherBody, Recipient recipient, Set<String> services) {

        static Rule open(String key) {
            return new Rule(key, true, Set.of(), Set.of(), Recipient.NO, Set.of());
        }

        /** The rule as the matrix writes it (without service, method and path). */
        String cells() {
            return isPublic ? "public" : String.join("\t", roles(office), roles(otherBody), recipient.cell, names(services));
        }

        private static String roles(Set<String> roles) {
            return roles.isEmpty() ? "-" : roles.equals(Set.copyOf(STAFF)) ? "all"
                    : String.join(",", STAFF.stream().filter(roles::contains).toList());
        }

        private static String names(Set<String> names) {
            return names.isEmpty() ? "-" : String.join(",", new TreeSet<>(names));
        }
    }

    /**
     * How every cell of an operation calls it: the path with real ids, the body and If-Match that keep an
     * allowed call from changing anything, and the status an allowed call answers: 200 for a read (a real
     * object, read), 412, 400 or what {@link #TRIGGERS} says for a change; never 401, 403 or 404.
     * {@code objects}: the paths of the objects a change is called on (each id of its path), which must
     * read the same after all cells; none for a read.
     */
    record Call(String method, String path, String contentType, byte[] body, String ifMatch, int allowed, List<String> objects) {
    }

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

    // ---- the matrix --------------------------------------------------------------------------

    static Map<String, Rule> loadMatrix() {
        try (InputStream in = AccessProbe.class.getClassLoader().getResourceAsStream(MATRIX)) {
            if (in == null) {
                throw new IllegalStateException(MATRIX + " is not on the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The rules of a matrix file's text, by operation key; a line that breaks the format (see the file's header) throws. */
    static Map<String, Rule> parse(String text) {
        Map<String, Rule> rules = new LinkedHashMap<>();
        int n = 0;
        for (String line : text.split("\n")) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.strip().split("\t");
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cells[i].trim();
            }
            String where = MATRIX + " line " + n + ": ";
            if (cells.length < 4) {
                throw new IllegalStateException(where + "needs service, method, path and the rule, tab-separated: " + line);
            }
            String key = cells[0] + " " + cells[1].toUpperCase() + " " + cells[2];
            Rule rule;
            if (cells.length == 4 && cells[3].equals("public")) {
                rule = Rule.open(key);
            } else if (cells.length == 7) {
                rule = new Rule(key, false, staff(cells[3], where), staff(cells[4], where), recipient(cells[5], where),
                        services(cells[6], where));
            } else {
                throw new IllegalStateException(where + "needs 7 tab-separated cells (service, method, path, office, other body, "
                        + "recipient, services) or 4 ending in public: " + line);
            }
            if (rules.put(key, rule) != null) {
                throw new IllegalStateException(where + "a second rule for " + key);
            }
        }
        return rules;
    }

    private static Set<String> staff(String cell, String where) {
        if (cell.equals("-")) {
            return Set.of();
        }
        if (cell.equals("all")) {
            return Set.copyOf(STAFF);
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String r : cell.split(",")) {
            if (!STAFF.contains(r.trim())) {
                throw new IllegalStateException(where + "unknown staff role " + r + " (" + String.join(", ", STAFF) + ", all or -)");
            }
            roles.add(r.trim());
        }
        return Set.copyOf(roles);
    }

    private static Recipient recipient(String cell, String where) {
        for (Recipient r : Recipient.values()) {
            if (r.cell.equals(cell)) {
                return r;
            }
        }
        throw new IllegalStateException(where + "the recipient cell is yes, own or -, not " + cell);
    }

    private static Set<String> services(String cell, String where) {
        if (cell.equals("-")) {
            return Set.of();
        }
        Set<String> names = new LinkedHashSet<>();
        for (String s : cell.split(",")) {
            if (!Suite.SERVICES.contains(s.trim())) {
                throw new IllegalStateException(where + "unknown service " + s + " (" + String.join(", ", Suite.SERVICES) + " or -)");
            }
            names.add(s.trim());
        }
        return Set.copyOf(names);
    }

    /**
     * The rule an operation's document implies: its bearer scopes are the roles BodyRoles gives
     * (SECURITY.md, "Bodies and roles"), so the office's column is the scopes' staff roles, another
     * body's is every staff role when {@code reader} is a scope (another body's staff act as reader)
     * and none otherwise, the recipient's is whether {@code recipient} is a scope (the document cannot
     * say {@code own}: that is checked by calling), and the services' are the {@code service:<name>}
     * scopes. A scope that is none of these is added to {@code unknown}.
     */
    static Rule documented(Api.Operation op, List<String> unknown) {
        if (!op.secured()) {
            return Rule.open(op.key());
        }
        Set<String> office = new LinkedHashSet<>();
        Set<String> services = new LinkedHashSet<>();
        boolean recipient = false;
        for (String scope : op.roles()) {
            if (STAFF.contains(scope)) {
                office.add(scope);
            } else if (scope.equals("recipient")) {
                recipient = true;
            } else if (scope.startsWith("service:") && Suite.SERVICES.contains(scope.substring("service:".length()))) {
                services.add(scope.substring("service:".length()));
            } else {
                unknown.add(scope);
            }
        }
        return new Rule(op.key(), false, Set.copyOf(office), office.contains("reader") ? Set.copyOf(STAFF) : Set.of(),
                recipient ? Recipient.YES : Recipient.NO, Set.copyOf(services));
    }

    /** The matrix against the documents: returns the operations that have a rule. */
    List<Api.Operation> checkAgainstDocuments(List<Api.Operation> ops, Map<String, Rule> rules) {
        Set<String> seen = new LinkedHashSet<>();
        List<Api.Operation> ruled = new ArrayList<>();
        for (Api.Operation op : ops) {
            Rule rule = rules.get(op.key());
            seen.add(op.key());
            if (rule == null) {
                List<String> unknown = new ArrayList<>();
                report.fail(Count.MATRIX_FAILED, "access matrix: no rule for " + op.key() + " (add one to " + MATRIX + "; the document says: "
                        + documented(op, unknown).cells().replace('\t', ' ') + ")");
                continue;
            }
            List<String> unknown = new ArrayList<>();
            Rule doc = documented(op, unknown);
            if (!unknown.isEmpty()) {
                report.fail(Count.MATRIX_FAILED, "access matrix: " + op.key() + " names roles no caller acts with: " + unknown);
            }
            if (rule.isPublic() != doc.isPublic()) {
                report.fail(Count.MATRIX_FAILED, "access matrix: " + op.key() + " is " + (rule.isPublic() ? "public" : "secured")
                        + " in the matrix but " + (op.secured() ? "needs a token" : "needs none") + " in the OpenAPI document");
            } else if (!rule.isPublic()) {
                differs(op, "office", Rule.roles(rule.office()), Rule.roles(doc.office()));
                differs(op, "other body", Rule.roles(rule.otherBody()), Rule.roles(doc.otherBody()));
                differs(op, "recipient", rule.recipient() == Recipient.NO ? "-" : "yes or own", doc.recipient() == Recipient.NO ? "-" : "yes or own");
                differs(op, "services", Rule.names(rule.services()), Rule.names(doc.services()));
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

    private void differs(Api.Operation op, String column, String matrix, String document) {
        if (!matrix.equals(document)) {
            report.fail(Count.MATRIX_FAILED, "access matrix: " + op.key() + ": the column " + column + " says " + matrix
                    + " but the OpenAPI document's scopes say " + document);
        }
    }

    // ---- the cells ---------------------------------------------------------------------------

    /** Makes the objects, runs the object-level cells, then every cell of the matrix, and checks nothing changed. */
    void run(List<Api.Operation> ops, Map<String, Rule> rules, Parallel parallel) {
        AccessObjects objects = AccessObjects.make(suite, http, Pace.forGateway());
        Map<String, Call> calls = new LinkedHashMap<>();
        for (Api.Operation op : ops) {
            if (rules.containsKey(op.key())) {
                try {
                    calls.put(op.key(), call(op, objects));
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
                    + "without changing anything (add it to AccessProbe.TRIGGERS with an object where it changes nothing)");
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
