package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** DRAFT → ACTIVE → CLOSED, and what each status allows. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class PlanStatusTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void planGoesDraftActiveClosedAndEveryOtherTransitionIsAConflictNamingTheStatus() {
        Office o = new Office();
        String plan = o.plan();
        String path = Office.PLANS + "/" + plan;
        assertProblem(o.step(plan, "close").then(), 409, "conflict").body("detail", containsString("DRAFT"));
        // a plan without tasks has nothing to carry out
        assertProblem(o.step(plan, "activate").then(), 409, "conflict").body("detail", containsString("没有任务"));
        String area = o.area(plan, "深入推进新时代公民道德建设工程");
        String task = o.task(area, "依托“北京榜样”传播道德力量");

        String draftTag = o.etag(path);
        o.step(plan, "activate").then().statusCode(200).body("status", equalTo("ACTIVE")).body("activatedOn", notNullValue())
                .body("closedOn", nullValue()).header("ETag", equalTo("\"1\""));
        assertProblem(o.step(plan, "activate").then(), 409, "conflict").body("detail", containsString("ACTIVE"));
        // a stale If-Match is a 412 and changes nothing
        assertProblem(Office.as(o.editor).header("If-Match", draftTag).post(path + "/close").then(), 412, "precondition-failed");
        Office.as(o.reader).get(path).then().body("status", equalTo("ACTIVE"));

        Office.as(o.editor).header("If-Match", o.etag(path)).post(path + "/close").then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closedOn", notNullValue());
        assertProblem(o.step(plan, "activate").then(), 409, "conflict").body("detail", containsString("CLOSED"));
        assertProblem(o.step(plan, "close").then(), 409, "conflict").body("detail", containsString("CLOSED"));

        // a closed plan is a record: nothing in it changes
        int year = Office.as(o.reader).get(path).then().extract().path("year");
        assertProblem(Office.as(o.editor).body(Map.of("year", year, "title", "改")).put(path).then(), 409, "conflict")
                .body("detail", containsString("CLOSED"));
        assertProblem(o.createTask(Office.taskBody(area, "新任务")).then(), 409, "conflict").body("detail", containsString("CLOSED"));
        assertProblem(Office.as(o.editor).body(Office.taskBody(area, "改")).put(Office.TASKS + "/" + task).then(), 409, "conflict");
        assertProblem(Office.as(o.editor).body(Map.of("reason", "暂停")).post(Office.TASKS + "/" + task + "/suspend").then(), 409, "conflict");
        assertProblem(o.report(task, Office.report(10, "进展")).then(), 409, "conflict").body("detail", containsString("CLOSED"));
        assertProblem(Office.as(o.editor).body(Map.of("title", "改")).put(path + "/areas/" + area).then(), 409, "conflict");
        o.getTask(task).then().body("title", equalTo("依托“北京榜样”传播道德力量")).body("status", equalTo("NOT_STARTED"));
    }

    @Test
    void editingAPlanChangesTheYearOnlyInADraft() {
        Office o = new Office();
        String plan = o.plan();
        String path = Office.PLANS + "/" + plan;
        int year = PlanYears.next();
        Office.as(o.editor).header("If-Match", "\"0\"").body(Map.of("year", year, "title", "首都精神文明建设工作（改 " + plan + "）",
                "summary", "聚焦三个方面")).put(path).then().statusCode(200)
                .body("year", equalTo(year)).body("summary", equalTo("聚焦三个方面")).header("ETag", equalTo("\"1\""));
        assertProblem(Office.as(o.editor).header("If-Match", "\"0\"").body(Map.of("year", year, "title", "旧版本")).put(path).then(),
                412, "precondition-failed");
        assertProblem(Office.as(o.editor).body(Map.of("year", year)).put(path).then(), 400, "validation")
                .body("errors.field", hasItem("title"));
        assertProblem(Office.as(o.reader).body(Map.of("year", year, "title", "读者")).put(path).then(), 403, "forbidden");

        String area = o.area(plan, "深入推进新时代公民道德建设工程");
        o.task(area, "依托“北京榜样”传播道德力量");
        o.activate(plan);
        int other = PlanYears.next();
        assertProblem(Office.as(o.editor).body(Map.of("year", other, "title", "换年份")).put(path).then(), 409, "conflict")
                .body("detail", containsString("ACTIVE"));
        Office.as(o.editor).body(Map.of("year", year, "title", "首都精神文明建设工作（执行中 " + plan + "）")).put(path).then()
                .statusCode(200).body("status", equalTo("ACTIVE")).body("year", equalTo(year));
    }
}
