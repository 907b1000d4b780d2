package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static cn.wenming.honors.rest.Office.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** What a nomination must say: the program's rules, the district, the duplicate guard. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class NominationTest {

    private static final List<String> DISTRICTS = List.of("东城区", "西城区", "朝阳区", "丰台区", "石景山区", "海淀区", "门头沟区",
            "房山区", "通州区", "顺义区", "昌平区", "大兴区", "怀柔区", "平谷区", "密云区", "延庆区");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> recipient(Map<String, Object> body) {
        return (Map<String, Object>) body.get("recipient");
    }

    @Test
    void eachOfTheSixteenDistrictsIsTakenAndNothingElse() {
        Office o = new Office();
        String program = o.moralModelProgram();
        for (String district : DISTRICTS) {
            var body = Office.person(program);
            body.put("district", district);
            o.nominate(body).then().statusCode(201).body("district", equalTo(district));
        }
        for (String wrong : List.of("朝阳", "北京经济技术开发区", "崇文区", "浦东新区", "Chaoyang", "")) {
            var body = Office.person(program);
            body.put("district", wrong);
            assertProblem(o.nominate(body).then(), 400, "validation").body("errors.field", equalTo(List.of("district")));
        }
        var spaced = Office.person(program);
        spaced.put("district", " 延庆区 ");
        o.nominate(spaced).then().statusCode(201).body("district", equalTo("延庆区"));
    }

    @Test
    void aDistrictFilterMustBeOneOfTheSixteen() {
        Office o = new Office();
        assertProblem(Office.as(o.editor).queryParam("district", "滨海新区").get(Office.HONORS).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("district"))).body("detail", containsString("朝阳区"));
        assertProblem(RestAssured.given().queryParam("district", "滨海新区").get(Office.ROLL).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("district")));
    }

    @Test
    void theProgramDecidesSessionYearCategoryLevelAndRecipient() {
        Office o = new Office();
        String moral = o.moralModelProgram();
        var noSession = Office.person(moral);
        noSession.remove("session");
        assertProblem(o.nominate(noSession).then(), 400, "validation").body("errors.field", equalTo(List.of("session")));
        var badCategory = Office.person(moral);
        badCategory.put("category", "爱岗敬业");
        assertProblem(o.nominate(badCategory).then(), 400, "validation").body("errors.field", equalTo(List.of("category")))
                .body("detail", containsString("孝老爱亲"));
        var noCategory = Office.person(moral);
        noCategory.remove("category");
        assertProblem(o.nominate(noCategory).then(), 400, "validation").body("errors.field", equalTo(List.of("category")));
        var aUnit = Office.person(moral);
        aUnit.put("recipient", Map.of("kind", "UNIT", "name", Office.unique("某单位")));
        assertProblem(o.nominate(aUnit).then(), 400, "validation").body("errors.field", equalTo(List.of("recipient.kind")));
        var noGender = Office.person(moral);
        recipient(noGender).remove("gender");
        assertProblem(o.nominate(noGender).then(), 400, "validation").body("errors.field", equalTo(List.of("recipient.gender")));
        var nomination = Office.person(moral);
        nomination.put("level", "NOMINATION");
        o.nominate(nomination).then().statusCode(201).body("level", equalTo("NOMINATION"));

        String unitTitle = o.unitTitleProgram();
        var session = Office.unit(unitTitle);
        session.put("session", 7);
        session.remove("year");
        session.put("category", "助人为乐");
        session.put("level", "NOMINATION");
        recipient(session).put("gender", "MALE");
        recipient(session).put("workUnit", "某单位");
        assertProblem(o.nominate(session).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("category", "level", "recipient.gender", "recipient.workUnit", "session", "year")));
        var person = Office.person(unitTitle);
        person.remove("session");
        person.remove("category");
        assertProblem(o.nominate(person).then(), 400, "validation").body("errors.field", equalTo(List.of("recipient.kind")));
        for (String kind : List.of("UNIT", "STREET", "COMMUNITY", "VILLAGE", "FAMILY", "CAMPUS")) {
            var body = Office.unit(unitTitle);
            recipient(body).put("kind", kind);
            o.nominate(body).then().statusCode(201).body("recipient.kind", equalTo(kind)).body("session", nullValue());
        }
        var unknown = Office.person("3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10");
        assertProblem(o.nominate(unknown).then(), 400, "validation").body("errors.field", equalTo(List.of("programId")));
    }

    @Test
    void badInputIsAProblemNamingEachField() {
        Office o = new Office();
        String program = o.moralModelProgram();
        assertProblem(o.nominate(Map.of()).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("citation", "district", "programId", "recipient")));
        var body = Office.person(program);
        body.put("citation", "事".repeat(5001));
        body.put("session", 0);
        recipient(body).put("name", " ");
        assertProblem(o.nominate(body).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("citation", "recipient.name", "session")));
        var wrongType = Office.person(program);
        wrongType.put("level", "GOLD");
        assertProblem(o.nominate(wrongType).then(), 400, "validation").body("errors.field", equalTo(List.of("level")));
        var owned = Office.person(program);
        owned.put("status", "CONFERRED");
        assertProblem(o.nominate(owned).then(), 400, "unknown-field").body("errors.field", hasItem("status"));
        var ownedDate = Office.person(program);
        ownedDate.put("conferredOn", "2020-04-17");
        assertProblem(o.nominate(ownedDate).then(), 400, "unknown-field").body("errors.field", hasItem("conferredOn"));
        assertProblem(Office.as(o.editor).queryParam("status", "APPROVED").get(Office.HONORS).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("status")));
        assertProblem(Office.as(o.editor).queryParam("session", "第七届").get(Office.HONORS).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("session")));
    }

    @Test
    void aRecipientHoldsAProgramsSessionOnce() {
        Office o = new Office();
        String program = o.moralModelProgram();
        var body = Office.person(program);
        String first = o.nominated(body);
        assertProblem(o.nominate(body).then(), 409, "conflict").body("detail", containsString("第7届"))
                .body("detail", containsString((String) recipient(body).get("name")));
        var nomination = new java.util.HashMap<>(body);
        nomination.put("level", "NOMINATION");
        nomination.put("category", "敬业奉献");
        assertProblem(o.nominate(nomination).then(), 409, "conflict");
        // spacing does not make another recipient
        var spaced = new java.util.HashMap<>(body);
        spaced.put("recipient", Map.of("kind", "PERSON", "name", " " + recipient(body).get("name") + " ", "gender", "FEMALE",
                "workUnit", "朝阳区和平街街道樱花园社区居委会"));
        assertProblem(o.nominate(spaced).then(), 409, "conflict");

        // another session, or another person of the same name elsewhere, is another honor
        var eighth = new java.util.HashMap<>(body);
        eighth.put("session", 8);
        o.nominate(eighth).then().statusCode(201);
        var namesake = new java.util.HashMap<>(body);
        namesake.put("recipient", Map.of("kind", "PERSON", "name", recipient(body).get("name"), "gender", "FEMALE", "workUnit", "海淀医院"));
        o.nominate(namesake).then().statusCode(201);

        // a conferred honor still counts; a withdrawn nomination does not
        o.step(o.editor, first, "withdraw", Map.of("reason", "材料不全，重新提名")).then().statusCode(200);
        String again = o.nominated(body);
        o.step(o.editor, again, "publicize", Office.window(today().minusDays(10), today().minusDays(5))).then().statusCode(200);
        o.confer(again, o.document(today(), null)).then().statusCode(200);
        assertProblem(o.nominate(body).then(), 409, "conflict");
        // nor can an edit make a duplicate
        String other = o.nominated(Office.person(program));
        assertProblem(Office.as(o.editor).body(body).put(Office.HONORS + "/" + other).then(), 409, "conflict");
    }

    @Test
    void concurrentNominationsOfOneRecipientMakeOneHonor() throws Exception {
        Office o = new Office();
        var body = Office.person(o.moralModelProgram());
        List<Integer> statuses = Office.race(8, () -> o.nominate(body).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one nomination: " + statuses);
        assertTrue(statuses.stream().allMatch(s -> s == 201 || s == 409), "the others are 409s: " + statuses);
        Response list = Office.as(o.editor).queryParam("programId", body.get("programId")).get(Office.HONORS);
        assertEquals(1, list.<List<?>>path("items").size());
    }

    @Test
    void anIdempotentNominationIsReplayedNotRepeated() {
        Office o = new Office();
        var body = Office.person(o.moralModelProgram());
        String key = Office.unique("nominate");
        Response first = Office.as(o.editor).header("Idempotency-Key", key).body(body).post(Office.HONORS);
        first.then().statusCode(201);
        Response again = Office.as(o.editor).header("Idempotency-Key", key).body(body).post(Office.HONORS);
        again.then().statusCode(201).header("Idempotency-Replayed", equalTo("true")).header("Location", equalTo(first.header("Location")))
                .body("id", equalTo(first.path("id")));
        var other = Office.person((String) body.get("programId"));
        assertProblem(Office.as(o.editor).header("Idempotency-Key", key).body(other).post(Office.HONORS).then(), 409, "conflict");
    }
}
