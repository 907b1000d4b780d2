package cn.wenming.suite.probe;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * The four audit trails, last, after everything the probe did to the suite (thousands of refused
 * requests, a database outage, a SIGTERM under load): each verifies through the gateway, and its
 * records are counted. Then tampering: one record of task-service's trail is altered by hand in
 * PostgreSQL (as a superuser can, past the trigger), the verification must name exactly that record,
 * and the row is put back as it was, so the suite is left whole.
 */
final class AuditProbe {

    private final Suite suite;
    private final Http http;
    private final Report report;

    AuditProbe(Suite suite, Http http) {
        this.suite = suite;
        this.http = http;
        this.report = http.report();
    }

    void run() {
        String admin = "Bearer " + suite.token("probe-auditor", "admin");
        for (String service : Suite.SERVICES) {
            JsonNode v = verify(service, admin);
            if (v != null && v.path("valid").asBoolean()) {
                report.add(Count.AUDIT_VERIFIED, v.path("checked").asLong());
            } else {
                report.fail(null, "audit: the trail of " + service + " does not verify: " + (v == null ? "no answer" : v));
            }
        }
        tamper("task-service", admin);
    }

    private JsonNode verify(String service, String admin) {
        Http.Answer a = http.get(suite.gatewayUrl() + "/api/v1/audit/" + service + "/verify", "Authorization", admin);
        http.check("audit: verify " + service, a);
        return a.status() == 200 ? a.json() : null;
    }

    /** A record the probe makes itself (a refused write), altered, named by the verification, restored. */
    private void tamper(String service, String admin) {
        String requestId = "probe-tamper-" + UUID.randomUUID();
        Http.Answer refused = http.send("POST", suite.gatewayUrl() + "/api/v1/work-plans", "application/json",
                "{\"year\":2099,\"title\":\"无令牌\"}".getBytes(StandardCharsets.UTF_8), "X-Request-Id", requestId);
        http.check("audit: a refused write", refused);
        String url = "jdbc:postgresql://127.0.0.1:" + suite.postgresPort() + "/" + Suite.database(service);
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres")) {
            long seq;
            String id;
            String path;
            try (PreparedStatement p = c.prepareStatement("select seq, id::text, path from audit.audit_record where request_id = ?")) {
                p.setString(1, requestId);
                try (ResultSet r = p.executeQuery()) {
                    if (!r.next()) {
                        report.fail(null, "audit: the refused write " + requestId + " (" + refused.status() + ") has no record in " + service);
                        return;
                    }
                    seq = r.getLong(1);
                    id = r.getString(2);
                    path = r.getString(3);
                }
            }
            alter(c, seq, path + "#altered");
            try {
                JsonNode v = verify(service, admin);
                if (v != null && !v.path("valid").asBoolean() && v.path("invalid").path("seq").asLong() == seq
                        && id.equals(v.path("invalid").path("id").asText())) {
                    report.inc(Count.TAMPER_DETECTED);
                } else {
                    report.fail(null, "audit: record " + seq + " of " + service + " was altered by hand, but verify answered " + v);
                }
            } finally {
                alter(c, seq, path);
            }
            JsonNode after = verify(service, admin);
            if (after == null || !after.path("valid").asBoolean()) {
                report.fail(null, "audit: the trail of " + service + " does not verify once the altered row is put back: " + after);
            }
        } catch (SQLException e) {
            report.fail(null, "audit: cannot reach the database of " + service + " to alter a record: " + e.getMessage());
        }
    }

    /** Sets a record's path as a superuser past the append-only trigger (which does not fire for a replica session). */
    private static void alter(Connection c, long seq, String path) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try (PreparedStatement p = c.prepareStatement("update audit.audit_record set path = ? where seq = ?")) {
                p.setString(1, path);
                p.setLong(2, seq);
                p.executeUpdate();
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }
}
