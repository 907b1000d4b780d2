package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static cn.wenming.honors.rest.Office.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** The publicity window (公示期) and its boundaries in Asia/Shanghai dates, and objections (异议). */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class PublicityAndObjectionTest {

    private static final Map<String, String> OBJECTION = Map.of("content", "反映被提名人所述志愿服务时长与实际不符");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void publicityLastsAtLeastFiveDaysBothEndsCounted() {
        Office o = new Office();
        String program = o.moralModelProgram();
        LocalDate start = today().plusDays(1);
        String id = o.nominated(Office.person(program));
        for (LocalDate tooEarly : List.of(start.plusDays(3), start, start.minusDays(1))) {
            assertProblem(o.publicize(id, start, tooEarly).then(), 400, "validation")
                    .body("errors.field", equalTo(List.of("endDate"))).body("detail", containsString(start.plusDays(4).toString()));
        }
        o.get(id).then().body("status", equalTo("NOMINATED")).body("publicityStart", nullValue());
        o.publicize(id, start, start.plusDays(4)).then().statusCode(200).body("status", equalTo("PUBLICIZING"));
        assertProblem(o.step(o.editor, o.nominated(Office.person(program)), "publicize", Map.of("startDate", start.toString())).then(),
                400, "validation").body("errors.field", equalTo(List.of("endDate")));
        assertProblem(o.step(o.editor, o.nominated(Office.person(program)), "publicize",
                Map.of("startDate", "2020-02-30", "endDate", "2020-03-05")).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("startDate")));
    }

    @Test
    void conferralWaitsUntilTheDayAfterTheWindow() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        // the window ends today: still open (Asia/Shanghai)
        String endsToday = o.publicized(Office.person(program), today().minusDays(4), today());
        assertProblem(o.confer(endsToday, document).then(), 409, "conflict")
                .body("detail", containsString(today().toString())).body("detail", containsString("publicity window ends"));
        String future = o.publicized(Office.person(program), today().plusDays(1), today().plusDays(5));
        assertProblem(o.confer(future, document).then(), 409, "conflict").body("detail", containsString(today().plusDays(5).toString()));
        o.get(endsToday).then().body("status", equalTo("PUBLICIZING")).body("conferredOn", nullValue());

        // ended yesterday: conferred
        String endedYesterday = o.publicized(Office.person(program), today().minusDays(5), today().minusDays(1));
        o.confer(endedYesterday, document).then().statusCode(200).body("status", equalTo("CONFERRED"));
    }

    @Test
    void theDecisionDocumentIsDatedAfterTheWindow() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String id = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(3));
        String sameDay = o.document(today().minusDays(3), program);
        assertProblem(o.confer(id, sameDay).then(), 409, "conflict").body("detail", containsString(today().minusDays(3).toString()))
                .body("detail", containsString("dated after the publicity window"));
        o.confer(id, o.document(today().minusDays(2), program)).then().statusCode(200)
                .body("conferredOn", equalTo(today().minusDays(2).toString()));
    }

    @Test
    void anUnresolvedObjectionBlocksConferralUntilDismissed() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        String id = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5));
        Response objection = Office.as(o.editor)
                .body(Map.of("content", "反映被提名人所述志愿服务时长与实际不符", "receivedOn", today().minusDays(7).toString()))
                .post(Office.HONORS + "/" + id + "/objections");
        objection.then().statusCode(201).body("anonymous", equalTo(true)).body("objector", nullValue())
                .body("resolution", nullValue()).body("receivedOn", equalTo(today().minusDays(7).toString()))
                .header("Location", containsString("/objections/"));
        String objectionId = objection.path("id");
        o.get(id).then().body("openObjections", equalTo(1)).header("ETag", equalTo(objection.header("ETag")));

        assertProblem(o.confer(id, document).then(), 409, "conflict").body("detail", containsString("unresolved"));

        Office.as(o.reviewer).body(Map.of("resolution", "DISMISSED", "note", "经核实，服务时长有记录为证，异议不成立"))
                .post(Office.HONORS + "/" + id + "/objections/" + objectionId + "/resolve").then().statusCode(200)
                .body("resolution", equalTo("DISMISSED")).body("resolvedBy", containsString("审核"));
        o.get(id).then().body("openObjections", equalTo(0)).body("status", equalTo("PUBLICIZING"));
        assertProblem(Office.as(o.reviewer).body(Map.of("resolution", "UPHELD", "note", "再议"))
                .post(Office.HONORS + "/" + id + "/objections/" + objectionId + "/resolve").then(), 409, "conflict")
                .body("detail", containsString("DISMISSED"));
        o.confer(id, document).then().statusCode(200).body("status", equalTo("CONFERRED"));
        Office.as(o.editor).get(Office.HONORS + "/" + id + "/objections").then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].resolution", equalTo("DISMISSED"));
    }

    @Test
    void anUpheldObjectionWithdrawsTheNomination() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String id = o.publicized(Office.person(program), today().minusDays(2), today().plusDays(2));
        String named = Office.as(o.editor).body(Map.of("objector", "李建国", "objectorContact", "13800000000",
                "content", "所述事迹与实际不符")).post(Office.HONORS + "/" + id + "/objections")
                .then().statusCode(201).body("anonymous", equalTo(false)).body("receivedOn", equalTo(today().toString()))
                .extract().path("id");
        String second = Office.as(o.editor).body(OBJECTION).post(Office.HONORS + "/" + id + "/objections").then().statusCode(201)
                .extract().path("id");
        o.get(id).then().body("openObjections", equalTo(2));
        Office.as(o.reviewer).body(Map.of("resolution", "UPHELD", "note", "经核实，所述事迹与实际不符"))
                .post(Office.HONORS + "/" + id + "/objections/" + named + "/resolve").then().statusCode(200)
                .body("resolution", equalTo("UPHELD"));
        o.get(id).then().body("status", equalTo("WITHDRAWN")).body("withdrawalReason", containsString("经核实，所述事迹与实际不符"))
                .body("openObjections", equalTo(1));
        // the other objection can still be closed; the honor stays withdrawn
        Office.as(o.reviewer).body(Map.of("resolution", "DISMISSED", "note", "已撤回提名，不再处理"))
                .post(Office.HONORS + "/" + id + "/objections/" + second + "/resolve").then().statusCode(200);
        o.get(id).then().body("status", equalTo("WITHDRAWN")).body("openObjections", equalTo(0));
        Response history = Office.as(o.admin).get(Office.HONORS + "/" + id + "/history");
        assertEquals(List.of("nominate", "publicize", "objection", "objection", "objection-resolved", "withdraw", "objection-resolved"),
                history.path("action"));
    }

    @Test
    void objectionsAreTakenDuringTheWindowOnly() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String nominated = o.nominated(Office.person(program));
        assertProblem(Office.as(o.editor).body(OBJECTION).post(Office.HONORS + "/" + nominated + "/objections").then(), 409, "conflict")
                .body("detail", containsString("NOMINATED"));

        String ended = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5));
        assertProblem(Office.as(o.editor).body(OBJECTION).post(Office.HONORS + "/" + ended + "/objections").then(), 409, "conflict")
                .body("detail", containsString(today().minusDays(5).toString()));
        assertProblem(Office.as(o.editor).body(Map.of("content", "事迹不实", "receivedOn", today().minusDays(11).toString()))
                .post(Office.HONORS + "/" + ended + "/objections").then(), 409, "conflict");
        // the last day of the window still counts
        Office.as(o.editor).body(Map.of("content", "事迹不实", "receivedOn", today().minusDays(5).toString()))
                .post(Office.HONORS + "/" + ended + "/objections").then().statusCode(201);

        String open = o.publicized(Office.person(program), today().minusDays(2), today().plusDays(2));
        assertProblem(Office.as(o.editor).body(Map.of("content", "事迹不实", "receivedOn", today().plusDays(1).toString()))
                .post(Office.HONORS + "/" + open + "/objections").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("receivedOn")));
        assertProblem(Office.as(o.editor).body(Map.of("objector", "李建国")).post(Office.HONORS + "/" + open + "/objections").then(),
                400, "validation").body("errors.field", equalTo(List.of("content")));
        assertProblem(Office.as(o.reader).body(OBJECTION).post(Office.HONORS + "/" + open + "/objections").then(), 403, "forbidden");
        assertProblem(Office.as(o.editor).body(Map.of("resolution", "DISMISSED", "note", "x"))
                .post(Office.HONORS + "/" + open + "/objections/3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10/resolve").then(), 403, "forbidden");
        assertProblem(Office.as(o.reviewer).body(Map.of("resolution", "DISMISSED", "note", "x"))
                .post(Office.HONORS + "/" + open + "/objections/3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10/resolve").then(), 404, "not-found");
        o.get(open).then().body("openObjections", equalTo(0));
        assertTrue(Office.as(o.editor).get(Office.HONORS + "/" + open + "/objections").<List<?>>path("$").isEmpty());
    }
}
