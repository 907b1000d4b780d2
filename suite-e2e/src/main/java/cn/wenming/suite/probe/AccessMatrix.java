package cn.wenming.suite.probe;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * Who may call what, per kind of body: the rules of {@code probe/access-matrix.tsv}, read and checked
 * against the served documents (every operation has exactly one rule, and the rule says what the
 * document's bearer scopes say). {@link AccessProbe} then calls every cell.
 */
final class AccessMatrix {

    static final String MATRIX = "probe/access-matrix.tsv";
    /** The office's staff roles, in the order cells are called. */
    static final List<String> STAFF = List.of("reader", "editor", "reviewer", "admin");

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

    private final Report report;

    AccessMatrix(Report report) {
        this.report = report;
    }

    static Map<String, Rule> loadMatrix() {
        try (InputStream in = AccessMatrix.class.getClassLoader().getResourceAsStream(MATRIX)) {
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
}
