package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Copying a plan into another year: a DRAFT with the areas and tasks, without progress. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class CopyPlanTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anActivePlanIsCopiedIntoANewYearAsADraftWithoutProgress() {
        Office o = new Office();
        String source = o.plan();
        int year = Office.as(o.reader).get(Office.PLANS + "/" + source).then().extract().path("year");
        String title = year + "年首都精神文明建设工作（复制测试 " + UUID.randomUUID() + "）";
        Office.as(o.editor).body(Map.of("year", year, "title", title, "summary", "聚焦两个方面 3项重点任务")).put(Office.PLANS + "/" + source)
                .then().statusCode(200);
        String first = o.area(source, "深入推进新时代公民道德建设工程");
        String second = o.area(source, "推进精神文明建设工作创新发展");
        o.task(first, "依托“北京榜样”传播道德力量", LocalDate.of(year, 12, 31));
        o.task(second, "拓展新时代文明实践中心建设");
        o.activate(source);
        // numbers frozen in the source: a task added to the first area takes number 3
        String late = o.task(first, "以道德模范评选引领最好道德风尚", LocalDate.of(year, 2, 28));
        o.report(late, Office.report(100, "已完成")).then().statusCode(201);

        int target = PlanYears.next();
        Response copy = Office.as(o.editor).body(Map.of("year", target)).post(Office.PLANS + "/" + source + "/copy");
        copy.then().statusCode(201).header("Location", containsString(Office.PLANS + "/")).header("ETag", equalTo("\"0\""))
                .body("year", equalTo(target)).body("status", equalTo("DRAFT"))
                .body("title", equalTo(title.replace(year + "年", target + "年")))
                .body("summary", equalTo("聚焦两个方面 3项重点任务"));
        String copied = copy.path("id");

        Office.as(o.reader).get(Office.PLANS + "/" + copied + "/areas").then().statusCode(200)
                .body("title", equalTo(List.of("深入推进新时代公民道德建设工程", "推进精神文明建设工作创新发展")))
                .body("description", equalTo(List.of("深入推进新时代公民道德建设工程。围绕……", "推进精神文明建设工作创新发展。围绕……")));
        // numbered 1..N in area order again, NOT_STARTED, due dates moved by the years between
        assertEquals(List.of("依托“北京榜样”传播道德力量", "以道德模范评选引领最好道德风尚", "拓展新时代文明实践中心建设"), o.titlesInOrder(copied));
        List<Map<String, Object>> tasks = o.tasksOf(copied);
        assertEquals(List.of("NOT_STARTED", "NOT_STARTED", "NOT_STARTED"), tasks.stream().map(t -> t.get("status")).toList());
        assertEquals(List.of(0, 0, 0), tasks.stream().map(t -> t.get("percent")).toList());
        assertEquals(LocalDate.of(year, 12, 31).plusYears(target - year).toString(), tasks.get(0).get("dueDate"));
        assertEquals(LocalDate.of(year, 2, 28).plusYears(target - year).toString(), tasks.get(1).get("dueDate"));
        assertEquals(Office.LEAD, tasks.get(0).get("leadUnit"));
        assertEquals(List.of(Office.CO), tasks.get(0).get("coUnits"));
        Office.as(o.reader).get(Office.TASKS + "/" + tasks.get(1).get("id") + "/progress").then().body("size()", equalTo(0));
        // the source is untouched
        Office.as(o.reader).get(Office.PLANS + "/" + source).then().body("status", equalTo("ACTIVE"));
        o.getTask(late).then().body("number", equalTo(3)).body("status", equalTo("COMPLETED"));
    }

    @Test
    void copyIntoAYearThatHasAPlanOrOfAnUnknownPlanIsAProblem() {
        Office o = new Office();
        String source = o.plan();
        int year = Office.as(o.reader).get(Office.PLANS + "/" + source).then().extract().path("year");
        assertProblem(Office.as(o.editor).body(Map.of("year", year)).post(Office.PLANS + "/" + source + "/copy").then(), 409, "conflict")
                .body("detail", containsString(Integer.toString(year)));
        assertProblem(Office.as(o.editor).body(Map.of("year", 1999)).post(Office.PLANS + "/" + source + "/copy").then(), 400, "validation")
                .body("errors.field", hasItem("year"));
        assertProblem(Office.as(o.editor).body(Map.of()).post(Office.PLANS + "/" + source + "/copy").then(), 400, "validation")
                .body("errors.field", hasItem("year"));
        assertProblem(Office.as(o.editor).body(Map.of("year", 2001, "status", "ACTIVE")).post(Office.PLANS + "/" + source + "/copy").then(),
                400, "unknown-field");
        assertProblem(Office.as(o.editor).body(Map.of("year", 2001)).post(Office.PLANS + "/" + UUID.randomUUID() + "/copy").then(),
                404, "not-found");
        assertProblem(Office.as(o.reader).body(Map.of("year", 2001)).post(Office.PLANS + "/" + source + "/copy").then(), 403, "forbidden");
    }
}
