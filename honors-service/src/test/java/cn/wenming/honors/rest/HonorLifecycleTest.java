package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static cn.wenming.honors.rest.Office.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Every transition of an honor, allowed and refused, the record it leaves, If-Match and roles. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class HonorLifecycleTest {

    private static final Map<String, String> REASON = Map.of("reason", "本人申请撤回提名");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void nominatedPublicizedConferredRevoked() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        Response nominated = o.nominate(Office.person(program));
        nominated.then().statusCode(201).header("ETag", equalTo("\"0\"")).body("status", equalTo("NOMINATED"))
                .body("publicityStart", nullValue()).body("conferredOn", nullValue()).body("programName", containsString("测试道德模范"));
        String id = nominated.path("id");

        o.publicize(id, today().minusDays(10), today().minusDays(6)).then().statusCode(200)
                .body("status", equalTo("PUBLICIZING"))
                .body("publicityStart", equalTo(today().minusDays(10).toString()))
                .body("publicityEnd", equalTo(today().minusDays(6).toString()));
        o.confer(id, document).then().statusCode(200)
                .body("status", equalTo("CONFERRED"))
                .body("conferredOn", equalTo(today().toString()))
                .body("decisionDocument.id", equalTo(document))
                .body("expiresOn", nullValue())
                .body("expired", equalTo(false));
        o.step(o.reviewer, id, "revoke", Map.of("reason", "本人存在严重违法行为，撤销称号")).then().statusCode(200)
                .body("status", equalTo("REVOKED")).body("revocationReason", equalTo("本人存在严重违法行为，撤销称号"));

        // revoked stays on record, with every step
        o.get(id).then().statusCode(200).body("status", equalTo("REVOKED")).body("conferredOn", equalTo(today().toString()))
                .body("citation", containsString("孤寡老人"));
        Response history = Office.as(o.admin).get(Office.HONORS + "/" + id + "/history");
        history.then().statusCode(200);
        assertEquals(List.of("nominate", "publicize", "confer", "revoke"), history.path("action"));
        assertEquals(List.of("NOMINATED", "PUBLICIZING", "CONFERRED", "REVOKED"), history.path("toStatus"));
        assertEquals("本人存在严重违法行为，撤销称号", history.path("note[3]"));
    }

    @Test
    void aNominationIsWithdrawnBeforeOrDuringPublicity() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String nominated = o.nominated(Office.person(program));
        o.step(o.editor, nominated, "withdraw", REASON).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawalReason", equalTo("本人申请撤回提名"));

        String publicizing = o.publicized(Office.person(program), today(), today().plusDays(4));
        o.step(o.reviewer, publicizing, "withdraw", Map.of("reason", "推荐单位撤回")).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("publicityEnd", equalTo(today().plusDays(4).toString()));
    }

    @Test
    void everyOtherTransitionIsAConflictNamingTheStatusAndTheRule() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        var window = Office.window(today().minusDays(10), today().minusDays(5));

        String id = o.nominated(Office.person(program));
        assertProblem(o.confer(id, document).then(), 409, "conflict").body("detail", containsString("NOMINATED"))
                .body("detail", containsString("PUBLICIZING"));
        assertProblem(o.step(o.reviewer, id, "revoke", REASON).then(), 409, "conflict").body("detail", containsString("NOMINATED"))
                .body("detail", containsString("only a CONFERRED honor can be revoked"));
        assertProblem(o.step(o.reviewer, id, "review", Map.of("outcome", "RENEWED")).then(), 409, "conflict")
                .body("detail", containsString("NOMINATED"));

        o.step(o.editor, id, "publicize", window).then().statusCode(200);
        assertProblem(o.step(o.editor, id, "publicize", window).then(), 409, "conflict").body("detail", containsString("PUBLICIZING"))
                .body("detail", containsString("only a NOMINATED honor can be publicized"));
        assertProblem(o.step(o.reviewer, id, "revoke", REASON).then(), 409, "conflict").body("detail", containsString("PUBLICIZING"));
        assertProblem(Office.as(o.editor).body(Office.person(program)).put(Office.HONORS + "/" + id).then(), 409, "conflict")
                .body("detail", containsString("PUBLICIZING")).body("detail", containsString("only a NOMINATED honor can be edited"));

        o.confer(id, document).then().statusCode(200);
        assertProblem(o.confer(id, document).then(), 409, "conflict").body("detail", containsString("CONFERRED"));
        assertProblem(o.step(o.editor, id, "publicize", window).then(), 409, "conflict").body("detail", containsString("CONFERRED"));
        assertProblem(o.step(o.editor, id, "withdraw", REASON).then(), 409, "conflict").body("detail", containsString("CONFERRED"))
                .body("detail", containsString("only a NOMINATED or PUBLICIZING honor can be withdrawn"));
        assertProblem(Office.as(o.editor).body(Office.person(program)).put(Office.HONORS + "/" + id).then(), 409, "conflict")
                .body("detail", containsString("CONFERRED"));

        o.step(o.reviewer, id, "revoke", REASON).then().statusCode(200);
        everyStepIsRefused(o, id, "REVOKED", window, document);

        String withdrawn = o.nominated(Office.person(program));
        o.step(o.editor, withdrawn, "withdraw", REASON).then().statusCode(200);
        everyStepIsRefused(o, withdrawn, "WITHDRAWN", window, document);
    }

    /** A final status: every transition is a 409 naming it, and the honor stays as it is. */
    private static void everyStepIsRefused(Office o, String id, String status, Map<String, Object> window, String document) {
        for (String action : List.of("publicize", "withdraw", "confer", "revoke")) {
            Object body = switch (action) {
                case "publicize" -> window;
                case "confer" -> Map.of("decisionDocumentId", document);
                default -> REASON;
            };
            assertProblem(o.step(o.admin, id, action, body).then(), 409, "conflict").body("detail", containsString(status));
        }
        o.get(id).then().body("status", equalTo(status));
    }

    @Test
    void aNominationIsEditedWhileNominatedAndTheETagMoves() {
        Office o = new Office();
        String program = o.moralModelProgram();
        Response created = o.nominate(Office.person(program));
        String id = created.path("id");
        var edited = Office.person(program);
        edited.put("category", "见义勇为");
        edited.put("level", "NOMINATION");
        edited.put("district", "海淀区");
        Response answer = Office.as(o.editor).header("If-Match", created.header("ETag")).body(edited).put(Office.HONORS + "/" + id);
        answer.then().statusCode(200).body("category", equalTo("见义勇为")).body("level", equalTo("NOMINATION"))
                .body("district", equalTo("海淀区")).body("recipient.name", equalTo(((Map<?, ?>) edited.get("recipient")).get("name")));
        assertNotEquals(created.header("ETag"), answer.header("ETag"));
        o.get(id).then().header("ETag", equalTo(answer.header("ETag"))).body("category", equalTo("见义勇为"));
    }

    @Test
    void aStaleIfMatchIs412OnEditsAndTransitionsAndChangesNothing() {
        Office o = new Office();
        String program = o.moralModelProgram();
        Response created = o.nominate(Office.person(program));
        String id = created.path("id");
        String first = created.header("ETag");
        Response publicized = Office.as(o.editor).header("If-Match", first)
                .body(Office.window(today().minusDays(10), today().minusDays(5))).post(Office.HONORS + "/" + id + "/publicize");
        publicized.then().statusCode(200);
        String second = publicized.header("ETag");
        assertNotEquals(first, second);

        assertProblem(Office.as(o.editor).header("If-Match", first).body(REASON).post(Office.HONORS + "/" + id + "/withdraw").then(),
                412, "precondition-failed");
        assertProblem(Office.as(o.reviewer).header("If-Match", first).body(Map.of("decisionDocumentId", o.document(today(), null)))
                .post(Office.HONORS + "/" + id + "/confer").then(), 412, "precondition-failed");
        assertProblem(Office.as(o.editor).header("If-Match", first).body(Map.of("content", "事迹不实"))
                .post(Office.HONORS + "/" + id + "/objections").then(), 412, "precondition-failed");
        o.get(id).then().body("status", equalTo("PUBLICIZING")).body("openObjections", equalTo(0)).header("ETag", equalTo(second));

        Office.as(o.reviewer).header("If-Match", second).body(Map.of("decisionDocumentId", o.document(today(), null)))
                .post(Office.HONORS + "/" + id + "/confer").then().statusCode(200).body("status", equalTo("CONFERRED"));
    }

    @Test
    void conferringNeedsADecisionDocument() {
        Office o = new Office();
        String id = o.publicized(Office.person(o.moralModelProgram()), today().minusDays(10), today().minusDays(5));
        assertProblem(o.step(o.reviewer, id, "confer", Map.of()).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("decisionDocumentId")));
        assertProblem(o.confer(id, "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("decisionDocumentId")));
        // a document of another program cannot confer it
        assertProblem(o.confer(id, o.document(today(), o.moralModelProgram())).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("decisionDocumentId")));
        o.get(id).then().body("status", equalTo("PUBLICIZING"));
        // the document the honor names confers it without a body
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        var body = Office.person(program);
        body.put("decisionDocumentId", document);
        String named = o.publicized(body, today().minusDays(10), today().minusDays(5));
        o.step(o.reviewer, named, "confer", null).then().statusCode(200).body("decisionDocument.id", equalTo(document));
    }

    @Test
    void rolesAreKept() {
        Office o = new Office();
        String program = o.moralModelProgram();
        assertProblem(Office.as(o.reader).body(Office.person(program)).post(Office.HONORS).then(), 403, "forbidden");
        assertProblem(Office.as(o.reviewer).body(Office.person(program)).post(Office.HONORS).then(), 403, "forbidden");
        String id = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5));
        assertProblem(Office.as(o.reader).get(Office.HONORS + "/" + id).then(), 403, "forbidden");
        assertProblem(Office.as(o.reader).get(Office.HONORS).then(), 403, "forbidden");
        String document = o.document(today(), program);
        assertProblem(o.step(o.editor, id, "confer", Map.of("decisionDocumentId", document)).then(), 403, "forbidden");
        assertProblem(o.step(o.service, id, "confer", Map.of("decisionDocumentId", document)).then(), 403, "forbidden");
        o.get(id).then().body("status", equalTo("PUBLICIZING"));
        Office.as(o.service).get(Office.HONORS + "/" + id).then().statusCode(200);
        o.confer(id, document).then().statusCode(200);
        assertProblem(o.step(o.editor, id, "revoke", REASON).then(), 403, "forbidden");
        o.get(id).then().body("status", equalTo("CONFERRED"));
    }

    @Test
    void anIdempotentConferralIsReplayed() {
        Office o = new Office();
        String id = o.publicized(Office.person(o.moralModelProgram()), today().minusDays(10), today().minusDays(5));
        var body = Map.of("decisionDocumentId", o.document(today(), null));
        String key = "confer-" + id;
        Response first = Office.as(o.reviewer).header("Idempotency-Key", key).body(body).post(Office.HONORS + "/" + id + "/confer");
        first.then().statusCode(200).body("status", equalTo("CONFERRED"));
        Response again = Office.as(o.reviewer).header("Idempotency-Key", key).body(body).post(Office.HONORS + "/" + id + "/confer");
        again.then().statusCode(200).header("Idempotency-Replayed", equalTo("true")).header("ETag", equalTo(first.header("ETag")));
        Response history = Office.as(o.admin).get(Office.HONORS + "/" + id + "/history");
        assertEquals(1, history.<List<String>>path("action").stream().filter("confer"::equals).count(), "conferred once");
    }
}
