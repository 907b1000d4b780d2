package cn.wenming.honors.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.AuditRecords;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * The audit trail of honors-service: every read of nominees' private contact details and of objections
 * is recorded (who read whose, when, from where), the public honor roll is not; an idempotent replay
 * is recorded as a replay and leaves the chain whole.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class PersonalDataAuditTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void readsOfNomineesAndObjectionsAreRecordedAndTheHonorRollIsNot() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String honor = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5));
        String objection = Office.as(o.editor).body(Map.of("objector", "李建国", "objectorContact", "13800000000",
                "content", "反映被提名人所述志愿服务时长与实际不符", "receivedOn", today().minusDays(7).toString()))
                .post(Office.HONORS + "/" + honor + "/objections").then().statusCode(201).extract().path("id");

        Map<String, Object> list = read(o.reviewer, Office.HONORS + "?programId=" + program, 200);
        assertEquals("HonorResource_list", list.get("operation"));
        assertEquals("Honor", list.get("resourceType"));
        assertNull(list.get("resourceId"));
        assertEquals("programId=" + program, list.get("query"));
        assertTrue(((String) list.get("user")).startsWith("审核-"), list.toString());
        assertEquals(List.of("reviewer"), list.get("roles"));

        Map<String, Object> one = read(o.service, Office.HONORS + "/" + honor, 200);
        assertEquals("HonorResource_get", one.get("operation"));
        assertEquals(honor, one.get("resourceId"));
        assertEquals(List.of("service:bulletin-service"), one.get("roles"), "the role it acted with: its own identity");

        Map<String, Object> objections = read(o.editor, Office.HONORS + "/" + honor + "/objections", 200);
        assertEquals("ObjectionResource_list", objections.get("operation"));
        assertEquals("Honor", objections.get("resourceType"));
        assertEquals(honor, objections.get("resourceId"));

        Map<String, Object> theObjection = read(o.admin, Office.HONORS + "/" + honor + "/objections/" + objection, 200);
        assertEquals("ObjectionResource_get", theObjection.get("operation"));
        assertEquals("Objection", theObjection.get("resourceType"));
        assertEquals(objection, theObjection.get("resourceId"));

        // an attempt is recorded too: an unknown honor, and a role that may not read objections
        Map<String, Object> unknown = read(o.editor, Office.HONORS + "/" + java.util.UUID.randomUUID(), 404);
        assertEquals("REFUSED", unknown.get("outcome"));
        assertEquals("REFUSED", read(o.reader, Office.HONORS + "/" + honor + "/objections", 403).get("outcome"));

        // the public honor roll and the honor's record of steps are no personal data: not recorded
        for (String path : List.of(Office.ROLL, Office.ROLL + "?programId=" + program, Office.HONORS + "/" + honor + "/history")) {
            String requestId = AuditRecords.requestId();
            var request = given().header("X-Request-Id", requestId);
            if (!path.startsWith(Office.ROLL)) {
                request.header("Authorization", o.editor);
            }
            request.get(path).then().statusCode(200);
            assertEquals(0, AuditRecords.ofRequest(requestId).size(), path + " is not recorded");
        }
    }

    /** Reads {@code path} as {@code token}, expecting {@code status}; the read's one record, written after it. */
    private static Map<String, Object> read(String token, String path, int status) {
        String requestId = AuditRecords.requestId();
        given().header("Authorization", token).header("X-Request-Id", requestId).header("X-Forwarded-For", "10.20.30.40").get(path)
                .then().statusCode(status);
        Map<String, Object> record = AuditRecords.only(requestId);
        assertEquals("GET", record.get("method"));
        assertEquals(status, record.get("status"));
        assertEquals("10.20.30.40", record.get("clientAddress"));
        if (status == 200) {
            assertEquals("SUCCESS", record.get("outcome"));
        }
        return record;
    }

    @Test
    void idempotentReplaysAreRecordedAsReplaysAndTheChainHolds() throws Exception {
        Office o = new Office();
        var body = Office.person(o.moralModelProgram());
        String key = Office.unique("nominate");
        String first = AuditRecords.requestId();
        Response created = Office.as(o.editor).header("Idempotency-Key", key).header("X-Request-Id", first).body(body).post(Office.HONORS);
        created.then().statusCode(201);
        String id = created.path("id");
        List<String> again = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String requestId = AuditRecords.requestId();
                again.add(requestId);
                sent.add(pool.submit(() -> Office.as(o.editor).header("Idempotency-Key", key).header("X-Request-Id", requestId).body(body)
                        .post(Office.HONORS).then().statusCode(201).header("Idempotency-Replayed", "true")));
            }
            for (Future<?> f : sent) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Object> success = AuditRecords.only(first);
        assertEquals("SUCCESS", success.get("outcome"));
        assertEquals(id, success.get("resourceId"));
        assertEquals(0, success.get("versionAfter"));
        for (String requestId : again) {
            Map<String, Object> replay = AuditRecords.only(requestId);
            assertEquals("REPLAYED", replay.get("outcome"), replay.toString());
            assertEquals(id, replay.get("resourceId"), "names what the first answer made");
            assertNull(replay.get("versionAfter"), "nothing changed");
            assertNull(replay.get("changes"));
        }
        assertEquals(Boolean.TRUE, AuditRecords.verify().get("valid"));
    }
}
