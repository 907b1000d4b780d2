package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static cn.wenming.honors.rest.Office.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** The public honor roll: open, conferred honors only, filters, paging, counts, caching, and no leaks. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class HonorRollTest {

    /** Exactly what an entry of the roll may say. */
    private static final Set<String> PUBLIC_FIELDS = Set.of("id", "programId", "programName", "session", "year", "category", "level",
            "recipient", "district", "citation", "conferredOn", "expiresOn", "decisionDocument");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theRollIsOpenWithoutATokenAndShowsConferredHonorsOnly() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String conferred = o.conferred(Office.person(program));
        String nominated = o.nominated(Office.person(program));
        String publicizing = o.publicized(Office.person(program), today().minusDays(2), today().plusDays(2));
        String ended = o.publicized(Office.person(program), today().minusDays(10), today().minusDays(5));
        String withdrawn = o.nominated(Office.person(program));
        o.step(o.editor, withdrawn, "withdraw", Map.of("reason", "本人申请撤回")).then().statusCode(200);
        String revoked = o.conferred(Office.person(program));
        o.step(o.reviewer, revoked, "revoke", Map.of("reason", "撤销称号")).then().statusCode(200);

        given().queryParam("programId", program).get(Office.ROLL).then().statusCode(200)
                .header("Cache-Control", startsWith("public"));
        // an app that sends a stale or foreign token still reads the roll
        given().header("Authorization", "Bearer not.a.jwt").queryParam("programId", program).get(Office.ROLL).then().statusCode(200)
                .body("items.id", equalTo(List.of(conferred)));
        assertEquals(List.of(conferred), Office.rollIds(Map.of("programId", program)));
        for (String hidden : List.of(nominated, publicizing, ended, withdrawn, revoked)) {
            assertProblem(given().get(Office.ROLL + "/" + hidden).then(), 404, "not-found");
        }
        given().get(Office.ROLL + "/" + conferred).then().statusCode(200).body("id", equalTo(conferred));
        // the revoked honor is still on record for the staff
        o.get(revoked).then().statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    void revocationTakesAnHonorOffTheRoll() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String id = o.conferred(Office.person(program));
        assertEquals(List.of(id), Office.rollIds(Map.of("programId", program)));
        o.step(o.reviewer, id, "revoke", Map.of("reason", "本人存在严重违法行为")).then().statusCode(200);
        assertEquals(List.of(), Office.rollIds(Map.of("programId", program)));
        o.get(id).then().body("status", equalTo("REVOKED")).body("revocationReason", equalTo("本人存在严重违法行为"))
                .body("conferredOn", equalTo(today().toString()));
    }

    @Test
    void theRollLeaksNothingPrivate() {
        Office o = new Office();
        String program = o.moralModelProgram();
        var body = Office.person(program);
        String contact = "私密电话-" + UUID.randomUUID();
        String nominator = "私密推荐单位-" + UUID.randomUUID().toString().substring(0, 8);
        body.put("contact", contact);
        body.put("nominatedBy", nominator);
        String id = o.publicized(body, today().minusDays(10), today().minusDays(5));
        String objectionText = "私密异议-" + UUID.randomUUID();
        String objector = "私密异议人-" + UUID.randomUUID().toString().substring(0, 8);
        String objectionId = Office.as(o.editor).body(Map.of("objector", objector, "objectorContact", "13900000000", "content", objectionText,
                "receivedOn", today().minusDays(6).toString())).post(Office.HONORS + "/" + id + "/objections").then().statusCode(201)
                .extract().path("id");
        String resolution = "私密处理意见-" + UUID.randomUUID();
        Office.as(o.reviewer).body(Map.of("resolution", "DISMISSED", "note", resolution))
                .post(Office.HONORS + "/" + id + "/objections/" + objectionId + "/resolve").then().statusCode(200);
        o.confer(id, o.document(today(), program)).then().statusCode(200);

        Response list = given().queryParam("programId", program).get(Office.ROLL);
        Response entry = given().get(Office.ROLL + "/" + id);
        Response summary = given().queryParam("programId", program).get(Office.ROLL + "/summary");
        for (Response r : List.of(list, entry, summary)) {
            r.then().statusCode(200);
            String text = r.asString();
            for (String secret : List.of(contact, nominator, objectionText, objector, "13900000000", resolution, objectionId,
                    "PUBLICIZING", "CONFERRED", "publicity", "objection", "contact", "nominatedBy", "createdBy", "version",
                    "withdrawalReason", "revocationReason", "status", "编辑-", "审核-")) {
                assertFalse(text.contains(secret), "the roll must not show " + secret + ": " + text);
            }
        }
        Map<String, Object> item = list.path("items[0]");
        assertEquals(PUBLIC_FIELDS, item.keySet());
        assertEquals(PUBLIC_FIELDS, entry.<Map<String, Object>>path("$").keySet());
        assertEquals(Set.of("kind", "name", "gender", "workUnit"), entry.<Map<String, Object>>path("recipient").keySet());
        assertEquals(Set.of("id", "title", "number", "issuedOn"), entry.<Map<String, Object>>path("decisionDocument").keySet());
        // the staff see what the roll leaves out
        o.get(id).then().body("contact", equalTo(contact)).body("nominatedBy", equalTo(nominator));
    }

    @Test
    void theRollFiltersByProgramSessionYearCategoryDistrictAndKind() {
        Office o = new Office();
        String program = o.moralModelProgram();
        var chaoyang = Office.person(program);
        String a = o.conferred(chaoyang);
        var haidian = Office.person(program);
        haidian.put("district", "海淀区");
        haidian.put("category", "见义勇为");
        String b = o.conferred(haidian);
        var eighth = Office.person(program);
        eighth.put("session", 8);
        eighth.put("year", 2022);
        eighth.put("district", "海淀区");
        String c = o.conferred(eighth);
        String units = o.unitTitleProgram();
        String unit = o.conferred(Office.unit(units));

        assertEquals(Set.of(a, b, c), new HashSet<>(Office.rollIds(Map.of("programId", program))));
        assertEquals(Set.of(a, b), new HashSet<>(Office.rollIds(Map.of("programId", program, "session", 7))));
        assertEquals(Set.of(c), new HashSet<>(Office.rollIds(Map.of("programId", program, "year", 2022))));
        assertEquals(Set.of(b), new HashSet<>(Office.rollIds(Map.of("programId", program, "category", "见义勇为"))));
        assertEquals(Set.of(b, c), new HashSet<>(Office.rollIds(Map.of("programId", program, "district", "海淀区"))));
        assertEquals(Set.of(c), new HashSet<>(Office.rollIds(Map.of("programId", program, "district", "海淀区", "session", 8))));
        assertEquals(List.of(unit), Office.rollIds(Map.of("programId", units, "recipientKind", "UNIT")));
        assertEquals(List.of(), Office.rollIds(Map.of("programId", units, "recipientKind", "PERSON")));
        List<String> allUnits = Office.rollIds(Map.of("recipientKind", "UNIT", "district", "西城区", "limit", 100));
        assertTrue(allUnits.contains(unit) && !allUnits.contains(a));

        assertProblem(given().queryParam("programId", "首都道德模范").get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("programId")));
        assertProblem(given().queryParam("year", "二〇二〇").get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("year")));
        assertProblem(given().queryParam("recipientKind", "ROBOT").get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("recipientKind")));
    }

    @Test
    void theRollIsPagedByCursorNewestConferralFirst() {
        Office o = new Office();
        String program = o.moralModelProgram();
        List<String> byDate = new ArrayList<>();
        for (int daysAgo = 4; daysAgo >= 0; daysAgo--) {
            byDate.add(o.conferred(Office.person(program), today().minusDays(daysAgo)));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().queryParam("programId", program).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(Office.ROLL);
            page.then().statusCode(200);
            assertTrue(page.<List<?>>path("items").size() <= 2);
            seen.addAll(page.path("items.id"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        assertEquals(3, pages);
        List<String> newestFirst = new ArrayList<>(byDate);
        Collections.reverse(newestFirst);
        assertEquals(newestFirst, seen, "newest conferral first, each once");
        assertEquals(byDate, Office.rollIds(Map.of("programId", program, "sort", "conferredOn", "limit", 3)));

        assertProblem(given().queryParam("limit", 0).get(Office.ROLL).then(), 400, "validation").body("errors.field", equalTo(List.of("limit")));
        assertProblem(given().queryParam("cursor", "nonsense").get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("cursor")));
        assertProblem(given().queryParam("sort", "recipient").get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("sort")));
        String descCursor = given().queryParam("programId", program).queryParam("limit", 1).get(Office.ROLL).path("nextCursor");
        assertProblem(given().queryParam("sort", "conferredOn").queryParam("cursor", descCursor).get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("cursor")));
    }

    @Test
    void theSummaryCountsByDistrictCategoryAndProgram() {
        Office o = new Office();
        String program = o.moralModelProgram();
        o.conferred(Office.person(program));
        o.conferred(Office.person(program));
        var haidian = Office.person(program);
        haidian.put("district", "海淀区");
        haidian.put("category", "孝老爱亲");
        o.conferred(haidian);
        o.nominated(Office.person(program));

        Response summary = given().queryParam("programId", program).get(Office.ROLL + "/summary");
        summary.then().statusCode(200).body("total", equalTo(3)).body("byDistrict.size()", equalTo(16))
                .body("byDistrict[0].district", equalTo("东城区")).body("byDistrict[15].district", equalTo("延庆区"))
                .body("byDistrict.find { it.district == '朝阳区' }.count", equalTo(2))
                .body("byDistrict.find { it.district == '海淀区' }.count", equalTo(1))
                .body("byDistrict.find { it.district == '西城区' }.count", equalTo(0))
                .body("byCategory[0].category", equalTo("助人为乐")).body("byCategory[0].count", equalTo(2))
                .body("byCategory[1].category", equalTo("孝老爱亲")).body("byCategory[1].count", equalTo(1))
                .body("byProgram[0].programId", equalTo(program)).body("byProgram[0].count", equalTo(3));
        given().queryParam("programId", program).queryParam("district", "海淀区").get(Office.ROLL + "/summary").then()
                .body("total", equalTo(1)).body("byCategory.category", equalTo(List.of("孝老爱亲")));
    }

    @Test
    void rollAnswersAreCacheableAndAnswer304() {
        Office o = new Office();
        String program = o.moralModelProgram();
        String id = o.conferred(Office.person(program));
        Response first = given().queryParam("programId", program).get(Office.ROLL);
        String etag = first.header("ETag");
        assertTrue(etag != null && !etag.isBlank());
        given().queryParam("programId", program).header("If-None-Match", etag).get(Office.ROLL).then().statusCode(304);
        String entryTag = given().get(Office.ROLL + "/" + id).header("ETag");
        given().header("If-None-Match", entryTag).get(Office.ROLL + "/" + id).then().statusCode(304);
        String summaryTag = given().queryParam("programId", program).get(Office.ROLL + "/summary").header("ETag");
        given().queryParam("programId", program).header("If-None-Match", summaryTag).get(Office.ROLL + "/summary").then().statusCode(304);

        // a change to the roll changes the tag
        o.conferred(Office.person(program));
        Response changed = given().queryParam("programId", program).header("If-None-Match", etag).get(Office.ROLL);
        changed.then().statusCode(200);
        assertNotEquals(etag, changed.header("ETag"));
        assertEquals(2, changed.<List<?>>path("items").size());
    }

    @Test
    void theRollIsDocumentedWithoutSecurity() {
        Response doc = given().queryParam("format", "json").get("/q/openapi");
        doc.then().statusCode(200);
        for (String path : List.of("/api/v1/honor-roll", "/api/v1/honor-roll/summary", "/api/v1/honor-roll/{id}")) {
            Map<String, Object> get = doc.path("paths.'" + path + "'.get");
            assertTrue(get.get("security") == null || ((List<?>) get.get("security")).isEmpty(), path + " needs no token");
            assertFalse(((Map<?, ?>) get.get("responses")).containsKey("401"), path + " has no 401");
        }
    }
}
