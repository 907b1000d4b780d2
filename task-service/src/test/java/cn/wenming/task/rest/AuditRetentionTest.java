package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.AuditRecords;
import cn.wenming.common.testing.SuiteTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Retention and purge, in an application and a database of their own (so the trail starts with the
 * records this test writes), with a retention of 200 days: records are written with the application's
 * clock stood in the past ({@link MovableClock}), then purged.
 */
@QuarkusTest
@TestProfile(AuditRetentionTest.FreshTrail.class)
@WithTestResource(SuiteTestResource.class)
class AuditRetentionTest {

    /** Its own application and database; a retention longer than the law's 180 days. */
    public static class FreshTrail implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("suite.audit.retention", "200d");
        }
    }

    @Inject
    MovableClock clock;

    @Inject
    AgroalDataSource database;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void recordsPastTheRetentionArePurgedOnlyThemAndTheRestStillVerifies() throws SQLException {
        Instant now = Instant.now();
        clock.set(now.minus(Duration.ofDays(300)));
        List<String> old = refusals(3);
        clock.set(now.minus(Duration.ofDays(10)));
        List<String> young = refusals(2);
        clock.reset();
        assertEquals(1L, AuditRecords.verify().getLong("firstSeq"));

        // older than the law's 180 days but within the configured 200: refused, nothing removed
        assertProblem(purge(now.minus(Duration.ofDays(190))).then(), 409, "conflict").body("detail", containsString("200"));
        assertEquals(1L, AuditRecords.verify().getLong("firstSeq"));
        // and the database refuses to delete a record younger than 180 days, whoever asks
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(
                "delete from audit.audit_record where request_id = ?")) {
            p.setString(1, young.get(0));
            SQLException refused = assertThrows(SQLException.class, p::executeUpdate);
            assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
        }

        var purged = purge(now.minus(Duration.ofDays(250)));
        purged.then().statusCode(200);
        assertEquals(3, (Integer) purged.path("removed"));
        assertEquals(4, (Integer) purged.path("firstSeq"));
        assertEquals(200, (Integer) purged.path("retentionDays"));
        old.forEach(id -> assertEquals(0, AuditRecords.ofRequest(id).size(), "purged: " + id));
        young.forEach(id -> assertEquals(1, AuditRecords.ofRequest(id).size(), "kept: " + id));
        var verification = AuditRecords.verify();
        assertEquals(Boolean.TRUE, verification.get("valid"), verification.prettify());
        assertEquals(4L, verification.getLong("firstSeq"), "verification starts at the first remaining record");
        Map<String, Object> record = only(Map.of("operation", "purgeAuditRecords", "outcome", "SUCCESS"));
        assertEquals("AuditTrail", record.get("resourceType"));
        assertEquals(AuditRecords.service(), record.get("resourceId"));
        assertEquals(1, record.get("versionBefore"), "the trail started at seq 1 before");
        assertEquals(4, record.get("versionAfter"), "and at seq 4 after");
        assertTrue(((String) record.get("detail")).contains("已删除 3 条") && ((String) record.get("detail")).endsWith("按保存期限清理"),
                record.toString());
        assertEquals(record.get("detail"), purged.path("detail"));

        // a record removed by hand at the start (past the trigger, as a superuser can) is found
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("create temporary table kept as select * from audit.audit_record where seq = 4");
            s.execute("set session_replication_role = replica");
            try {
                assertEquals(1, s.executeUpdate("delete from audit.audit_record where seq = 4"));
            } finally {
                s.execute("set session_replication_role = origin");
            }
            try {
                var broken = AuditRecords.verify();
                assertEquals(Boolean.FALSE, broken.get("valid"), broken.prettify());
                assertEquals(5L, broken.getLong("invalid.seq"), broken.prettify());
            } finally {
                s.execute("insert into audit.audit_record select * from kept");
                s.execute("drop table kept");
            }
        }
        assertEquals(Boolean.TRUE, AuditRecords.verify().get("valid"));
    }

    /** {@code n} refused writes (no token), each recorded now as the clock says; their request ids. */
    private static List<String> refusals(int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String id = AuditRecords.requestId();
            given().header("X-Request-Id", id).contentType(ContentType.JSON).body(Map.of("year", 2099, "title", "无令牌"))
                    .post(Office.PLANS).then().statusCode(401);
            ids.add(id);
        }
        return ids;
    }

    private static io.restassured.response.Response purge(Instant before) {
        return given().header("Authorization", AuditRecords.admin()).contentType(ContentType.JSON)
                .body(Map.of("before", OffsetDateTime.ofInstant(before, ZoneOffset.ofHours(8)).toString(), "reason", "按保存期限清理"))
                .post(AuditRecords.base() + "/purge");
    }

    private static Map<String, Object> only(Map<String, String> filters) {
        List<Map<String, Object>> items = given().header("Authorization", AuditRecords.admin()).queryParams(filters)
                .get(AuditRecords.base() + "/records").then().statusCode(200).extract().path("items");
        assertEquals(1, items.size(), items.toString());
        return items.get(0);
    }
}
