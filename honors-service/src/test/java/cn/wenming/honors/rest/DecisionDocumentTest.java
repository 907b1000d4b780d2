package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static cn.wenming.honors.rest.Office.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Decision documents: recording them, naming honors, and moving all their honors at once. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class DecisionDocumentTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static List<String> nominations(Office o, String program, int n) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ids.add(o.nominated(Office.person(program)));
        }
        return ids;
    }

    @Test
    void aDocumentPublicizesAndConfersAllItsHonorsAtOnce() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        List<String> ids = nominations(o, program, 4);
        String withdrawn = o.nominated(Office.person(program));
        List<String> named = new ArrayList<>(ids);
        named.add(withdrawn);

        Response attached = o.documentStep(o.editor, document, "honors", Map.of("honorIds", named));
        attached.then().statusCode(200).body("honors.NOMINATED", equalTo(5));
        o.step(o.editor, withdrawn, "withdraw", Map.of("reason", "本人申请撤回")).then().statusCode(200);

        Response publicized = Office.as(o.editor).header("If-Match", Office.as(o.editor).get(Office.DOCUMENTS + "/" + document).header("ETag"))
                .body(Office.window(today().minusDays(10), today().minusDays(5))).post(Office.DOCUMENTS + "/" + document + "/publicize");
        publicized.then().statusCode(200).body("decisionDocument.honors.PUBLICIZING", equalTo(4))
                .body("decisionDocument.honors.WITHDRAWN", equalTo(1));
        assertEquals(ids.stream().sorted().toList(), publicized.<List<String>>path("honorIds").stream().sorted().toList());
        for (String id : ids) {
            o.get(id).then().body("status", equalTo("PUBLICIZING")).body("publicityEnd", equalTo(today().minusDays(5).toString()));
        }

        Response conferred = o.documentStep(o.reviewer, document, "confer", null);
        conferred.then().statusCode(200).body("decisionDocument.honors.CONFERRED", equalTo(4))
                .body("decisionDocument.honors.WITHDRAWN", equalTo(1)).header("ETag", not(equalTo(publicized.header("ETag"))));
        assertEquals(4, conferred.<List<String>>path("honorIds").size());
        for (String id : ids) {
            o.get(id).then().body("status", equalTo("CONFERRED")).body("conferredOn", equalTo(today().toString()))
                    .body("decisionDocument.id", equalTo(document));
        }
        o.get(withdrawn).then().body("status", equalTo("WITHDRAWN"));
        assertEquals(ids.size(), Office.as(o.editor).queryParam("decisionDocumentId", document).queryParam("status", "CONFERRED")
                .get(Office.HONORS).<List<?>>path("items").size());
        // nothing left to confer
        assertProblem(o.documentStep(o.reviewer, document, "confer", null).then(), 409, "conflict")
                .body("detail", containsString("no honor awaiting conferral"));
    }

    @Test
    void oneHonorThatCannotMoveStopsTheWholeDocumentAndIsNamed() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        List<String> ready = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ready.add(o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5)));
        }
        var blockedBody = Office.person(program);
        String blocked = o.publicized(blockedBody, today().minusDays(10), today().minusDays(5));
        String objection = Office.as(o.editor).body(Map.of("content", "事迹不实", "receivedOn", today().minusDays(6).toString()))
                .post(Office.HONORS + "/" + blocked + "/objections").then().statusCode(201).extract().path("id");
        var openBody = Office.person(program);
        String stillOpen = o.publicized(openBody, today().minusDays(2), today().plusDays(2));
        var nominatedBody = Office.person(program);
        String notPublicized = o.nominated(nominatedBody);
        List<String> all = new ArrayList<>(ready);
        all.addAll(List.of(blocked, stillOpen, notPublicized));
        o.documentStep(o.editor, document, "honors", Map.of("honorIds", all)).then().statusCode(200);

        Response refused = o.documentStep(o.reviewer, document, "confer", null);
        assertProblem(refused.then(), 409, "conflict")
                .body("detail", containsString("3 honor(s) cannot be conferred"))
                .body("detail", containsString(name(blockedBody) + "：尚有 1 条异议未处理"))
                .body("detail", containsString(name(openBody) + "：公示期至 " + today().plusDays(2)))
                .body("detail", containsString(name(nominatedBody) + "：荣誉当前状态为 NOMINATED"));
        for (String id : ready) {
            o.get(id).then().body("status", equalTo("PUBLICIZING"));
        }

        // settle the three, then the document confers all six at once
        Office.as(o.reviewer).body(Map.of("resolution", "DISMISSED", "note", "异议不成立"))
                .post(Office.HONORS + "/" + blocked + "/objections/" + objection + "/resolve").then().statusCode(200);
        o.step(o.editor, stillOpen, "withdraw", Map.of("reason", "公示期内本人申请撤回")).then().statusCode(200);
        o.step(o.editor, notPublicized, "withdraw", Map.of("reason", "未按期公示")).then().statusCode(200);
        Response conferred = o.documentStep(o.reviewer, document, "confer", null);
        conferred.then().statusCode(200).body("decisionDocument.honors.CONFERRED", equalTo(4))
                .body("decisionDocument.honors.WITHDRAWN", equalTo(2));
        o.get(blocked).then().body("status", equalTo("CONFERRED"));
    }

    @Test
    void concurrentConferralsOfOneDocumentConferOnce() throws Exception {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5)));
        }
        o.documentStep(o.editor, document, "honors", Map.of("honorIds", ids)).then().statusCode(200);
        int n = 6;
        List<Integer> statuses = Office.race(n, () -> o.documentStep(o.reviewer, document, "confer", null).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), "one conferral: " + statuses);
        assertEquals(n - 1, statuses.stream().filter(s -> s == 409).count(), "the others find nothing to confer: " + statuses);
        for (String id : ids) {
            Response history = Office.as(o.admin).get(Office.HONORS + "/" + id + "/history");
            assertEquals(1, history.<List<String>>path("action").stream().filter("confer"::equals).count());
        }
    }

    @Test
    void aDocumentNamesHonorsOfItsProgramNotYetConferred() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        String mine = o.nominated(Office.person(program));
        String foreign = o.nominated(Office.person(o.moralModelProgram()));
        assertProblem(o.documentStep(o.editor, document, "honors", Map.of("honorIds", List.of(mine, foreign))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("honorIds[1]")));
        assertProblem(o.documentStep(o.editor, document, "honors", Map.of("honorIds", List.of(mine, mine))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("honorIds[1]")));
        assertProblem(o.documentStep(o.editor, document, "honors",
                Map.of("honorIds", List.of("3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10"))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("honorIds[0]")));
        assertProblem(o.documentStep(o.editor, document, "honors", Map.of("honorIds", List.of())).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("honorIds")));
        o.get(mine).then().body("decisionDocument", equalTo(null));

        var conferredBody = Office.person(program);
        String conferred = o.conferred(conferredBody);
        assertProblem(o.documentStep(o.editor, document, "honors", Map.of("honorIds", List.of(mine, conferred))).then(), 409, "conflict")
                .body("detail", containsString("CONFERRED"));
        o.get(mine).then().body("decisionDocument", equalTo(null));
        o.documentStep(o.editor, document, "honors", Map.of("honorIds", List.of(mine))).then().statusCode(200);
        o.get(mine).then().body("decisionDocument.id", equalTo(document));
        assertProblem(o.documentStep(o.editor, document, "publicize", Office.window(today(), today().plusDays(3))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("endDate")));
        o.documentStep(o.editor, document, "publicize", Office.window(today(), today().plusDays(4))).then().statusCode(200);
        assertProblem(o.documentStep(o.editor, document, "publicize", Office.window(today(), today().plusDays(4))).then(), 409, "conflict")
                .body("detail", containsString("no NOMINATED honor"));
    }

    @Test
    void documentNumbersAreUniqueAndDatesNotInTheFuture() {
        Office o = new Office();
        String number = "京文明委[" + (2100 - (int) (Math.random() * 150)) + "]" + (1 + (int) (Math.random() * 9999)) + "号";
        String printed = number.replace('[', '〔').replace(']', '〕');
        var body = Office.documentBody(today(), null);
        body.put("number", number);
        Response created = Office.as(o.editor).body(body).post(Office.DOCUMENTS);
        created.then().statusCode(201).body("number", equalTo(printed)).header("ETag", equalTo("\"0\""));
        var again = Office.documentBody(today(), null);
        again.put("number", printed);
        assertProblem(Office.as(o.editor).body(again).post(Office.DOCUMENTS).then(), 409, "conflict").body("detail", containsString(printed));

        var future = Office.documentBody(today().plusDays(1), null);
        assertProblem(Office.as(o.editor).body(future).post(Office.DOCUMENTS).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("issuedOn")));
        var badNumber = Office.documentBody(today(), null);
        badNumber.put("number", "三号文");
        assertProblem(Office.as(o.editor).body(badNumber).post(Office.DOCUMENTS).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("number")));
        assertProblem(Office.as(o.editor).body(Map.of()).post(Office.DOCUMENTS).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("issuedOn", "title")));
        assertProblem(Office.as(o.reviewer).body(Office.documentBody(today(), null)).post(Office.DOCUMENTS).then(), 403, "forbidden");
        Office.as(o.reader).get(Office.DOCUMENTS + "/" + created.path("id")).then().statusCode(200).body("number", equalTo(printed));
    }

    @Test
    void aDocumentIsCorrectedUntilItConfers() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String document = o.document(today(), program);
        Response read = Office.as(o.editor).get(Office.DOCUMENTS + "/" + document);
        Map<String, Object> corrected = new HashMap<>(Office.documentBody(today().minusDays(1), program));
        corrected.put("title", "关于表彰第七届首都道德模范的决定（更正）");
        Response edited = Office.as(o.editor).header("If-Match", read.header("ETag")).body(corrected).put(Office.DOCUMENTS + "/" + document);
        edited.then().statusCode(200).body("title", equalTo("关于表彰第七届首都道德模范的决定（更正）"))
                .body("issuedOn", equalTo(today().minusDays(1).toString()));
        assertNotEquals(read.header("ETag"), edited.header("ETag"));
        assertProblem(Office.as(o.editor).header("If-Match", read.header("ETag")).body(corrected).put(Office.DOCUMENTS + "/" + document).then(),
                412, "precondition-failed");

        String id = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5));
        o.confer(id, document).then().statusCode(200).body("conferredOn", equalTo(today().minusDays(1).toString()));
        assertProblem(Office.as(o.editor).body(Office.documentBody(today(), program)).put(Office.DOCUMENTS + "/" + document).then(),
                409, "conflict").body("detail", containsString("on record"));
    }

    @Test
    void documentsAreListedNewestFirstPerProgram() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String older = o.document(today().minusDays(30), program);
        String newer = o.document(today().minusDays(2), program);
        o.document(today(), null);
        Response page = Office.as(o.reader).queryParam("programId", program).get(Office.DOCUMENTS);
        page.then().statusCode(200);
        assertEquals(List.of(newer, older), page.path("items.id"));
        Response oldestFirst = Office.as(o.reader).queryParam("programId", program).queryParam("sort", "issuedOn").queryParam("limit", 1)
                .get(Office.DOCUMENTS);
        assertEquals(List.of(older), oldestFirst.path("items.id"));
        Response next = Office.as(o.reader).queryParam("programId", program).queryParam("sort", "issuedOn").queryParam("limit", 1)
                .queryParam("cursor", (String) oldestFirst.path("nextCursor")).get(Office.DOCUMENTS);
        assertEquals(List.of(newer), next.path("items.id"));
        assertNull(next.path("nextCursor"));
    }

    @SuppressWarnings("unchecked")
    private static String name(Map<String, Object> body) {
        return (String) ((Map<String, Object>) body.get("recipient")).get("name");
    }
}
