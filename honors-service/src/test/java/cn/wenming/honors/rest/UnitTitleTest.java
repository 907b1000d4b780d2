package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static cn.wenming.honors.rest.Office.today;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Unit titles held for a term: expiry (Asia/Shanghai dates), review (复查), renewal and lapse. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class UnitTitleTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aTitleLapsesAtTheEndOfItsTermAndLeavesTheRoll() {
        Office o = new Office();
        String program = o.unitTitleProgram();
        // conferred three years ago today: lapses today
        LocalDate lapsedOn = today().minusYears(3);
        String lapsed = o.conferred(Office.unit(program), lapsedOn);
        o.get(lapsed).then().body("status", equalTo("CONFERRED")).body("expiresOn", equalTo(lapsedOn.plusYears(3).toString()))
                .body("expired", equalTo(true));
        // conferred a day later: held until today, lapses tomorrow
        LocalDate heldOn = today().minusYears(3).plusDays(1);
        String held = o.conferred(Office.unit(program), heldOn);
        o.get(held).then().body("expiresOn", equalTo(heldOn.plusYears(3).toString())).body("expired", equalTo(false));

        assertEquals(List.of(held), Office.rollIds(Map.of("programId", program)));
        assertProblem(RestAssured.given().get(Office.ROLL + "/" + lapsed).then(), 404, "not-found");
        // lapsed, but on record; the staff find the titles due for review
        assertEquals(List.of(lapsed), Office.as(o.editor).queryParam("programId", program).queryParam("expiresBefore", today().plusDays(1).toString())
                .get(Office.HONORS).path("items.id"));
    }

    @Test
    void aReviewRenewsATitleForAnotherTerm() {
        Office o = new Office();
        String program = o.unitTitleProgram();
        LocalDate conferredOn = today().minusYears(3).plusDays(1);
        String id = o.conferred(Office.unit(program), conferredOn);
        LocalDate end = conferredOn.plusYears(3);
        o.step(o.reviewer, id, "review", Map.of("outcome", "RENEWED", "note", "复查合格，保留称号")).then().statusCode(200)
                .body("expiresOn", equalTo(end.plusYears(3).toString())).body("lastReviewedOn", equalTo(today().toString()))
                .body("expired", equalTo(false)).body("status", equalTo("CONFERRED"));
        assertEquals(List.of(id), Office.rollIds(Map.of("programId", program)));
        RestAssured.given().get(Office.ROLL + "/" + id).then().body("expiresOn", equalTo(end.plusYears(3).toString()));
    }

    @Test
    void aReviewThatLetsATitleLapseTakesItOffTheRoll() {
        Office o = new Office();
        String program = o.unitTitleProgram();
        String id = o.conferred(Office.unit(program), today().minusYears(1));
        assertEquals(List.of(id), Office.rollIds(Map.of("programId", program)));
        o.step(o.reviewer, id, "review", Map.of("outcome", "LAPSED", "note", "复查不合格")).then().statusCode(200)
                .body("expiresOn", equalTo(today().toString())).body("expired", equalTo(true)).body("status", equalTo("CONFERRED"));
        assertEquals(List.of(), Office.rollIds(Map.of("programId", program)));
        var history = Office.as(o.admin).get(Office.HONORS + "/" + id + "/history");
        assertEquals("review", history.path("action[-1]"));
    }

    @Test
    void onlyAHeldTitleIsReviewed() {
        Office o = new Office();
        String program = o.unitTitleProgram();
        String lapsed = o.conferred(Office.unit(program), today().minusYears(3));
        assertProblem(o.step(o.reviewer, lapsed, "review", Map.of("outcome", "RENEWED")).then(), 409, "conflict")
                .body("detail", containsString("lapsed on " + today()));
        String person = o.conferred(Office.person(o.moralModelProgram()));
        o.get(person).then().body("expiresOn", nullValue());
        assertProblem(o.step(o.reviewer, person, "review", Map.of("outcome", "RENEWED")).then(), 409, "conflict")
                .body("detail", containsString("not a title held for a term"));
        String nominated = o.nominated(Office.unit(program));
        assertProblem(o.step(o.reviewer, nominated, "review", Map.of("outcome", "RENEWED")).then(), 409, "conflict")
                .body("detail", containsString("NOMINATED"));
        assertProblem(o.step(o.reviewer, nominated, "review", Map.of("outcome", "MAYBE")).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("outcome")));
        assertProblem(o.step(o.editor, lapsed, "review", Map.of("outcome", "RENEWED")).then(), 403, "forbidden");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aTitleWithoutATermNeverLapses() {
        Office o = new Office();
        String program = o.program(Map.of("name", Office.unique("背街小巷先进典型"), "recipientKind", "UNIT", "periodKind", "YEAR",
                "categories", List.of()));
        var street = Office.unit(program);
        ((Map<String, Object>) street.get("recipient")).put("kind", "STREET");
        String id = o.conferred(street, today().minusYears(20));
        o.get(id).then().body("expiresOn", nullValue()).body("expired", equalTo(false));
        assertEquals(List.of(id), Office.rollIds(Map.of("programId", program)));
    }
}
