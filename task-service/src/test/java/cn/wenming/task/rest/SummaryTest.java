package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/** The summary of a plan in mixed states: per area, for the plan, and per lead unit. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SummaryTest {

    private static final String OTHER = "市文明办法规处";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void summaryCountsEachStateAndLeavesSuspendedTasksOutOfTheAverages() {
        Office o = new Office();
        String plan = o.plan();
        String first = o.area(plan, "深入推进新时代公民道德建设工程");
        String second = o.area(plan, "推进精神文明建设工作创新发展");
        o.area(plan, "持续开展公共文明引导专项行动");
        // well before or after today (Asia/Shanghai), so that the overdue figures do not depend on the hour the test runs
        String past = Office.today().minusDays(5).toString();
        String a = o.task(first, "甲");
        String b = task(o, first, "乙", Office.LEAD, past);
        task(o, first, "丙", OTHER, Office.today().plusDays(30).toString());
        String d = task(o, second, "丁", OTHER, past);
        String e = o.task(second, "戊");
        task(o, second, "己", null, past);
        o.activate(plan);
        o.report(a, Office.report(100, "已完成")).then().statusCode(201);
        o.report(b, Office.report(40, "推进中")).then().statusCode(201);
        o.report(d, withUnit(Office.report(60, "推进中"), OTHER)).then().statusCode(201);
        Office.as(o.editor).body(Map.of("reason", "暂缓")).post(Office.TASKS + "/" + d + "/suspend").then().statusCode(200);
        o.report(e, Office.report(70, "推进中")).then().statusCode(201);

        JsonPath summary = Office.as(o.reader).get(Office.PLANS + "/" + plan + "/summary").then().statusCode(200)
                .body("planId", equalTo(plan)).body("asOf", equalTo(Office.today().toString())).extract().jsonPath();
        // count, completed, in progress, not started, suspended, overdue, average (suspended left out)
        assertFigures(summary, "areas[0].figures", 3, 1, 1, 1, 0, 1, "46.7");
        assertFigures(summary, "areas[1].figures", 3, 0, 1, 1, 1, 2, "35.0");
        assertFigures(summary, "areas[2].figures", 0, 0, 0, 0, 0, 0, null);
        assertFigures(summary, "plan", 6, 1, 2, 2, 1, 3, "42.0");
        assertEquals(List.of("第一", "第二", "第三"), summary.getList("areas.ordinal"));

        JsonPath units = Office.as(o.reader).get(Office.PLANS + "/" + plan + "/summary/units").then().statusCode(200)
                .body("plan", nullValue()).extract().jsonPath();
        assertEquals(Arrays.asList(Office.LEAD, OTHER, null), units.getList("units.leadUnit"));
        assertFigures(units, "units[0].figures", 3, 1, 2, 0, 0, 1, "70.0");
        assertFigures(units, "units[1].figures", 2, 0, 0, 1, 1, 1, "0.0");
        assertFigures(units, "units[2].figures", 1, 0, 0, 1, 0, 1, "0.0");

        // a unit's own view
        JsonPath mine = Office.as(o.reader).queryParam("leadUnit", OTHER).get(Office.PLANS + "/" + plan + "/summary/units").then()
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(OTHER), mine.getList("units.leadUnit"));
        assertFigures(mine, "units[0].figures", 2, 0, 0, 1, 1, 1, "0.0");
        assertProblem(Office.as(o.reader).get(Office.PLANS + "/" + UUID.randomUUID() + "/summary").then(), 404, "not-found");
    }

    private static String task(Office o, String area, String title, String lead, String due) {
        Map<String, Object> body = Office.taskBody(area, title);
        body.put("leadUnit", lead);
        body.put("dueDate", due);
        return o.createTask(body).then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> withUnit(Map<String, Object> report, String unit) {
        Map<String, Object> body = new HashMap<>(report);
        body.put("unit", unit);
        return body;
    }

    private static void assertFigures(JsonPath json, String at, int count, int completed, int inProgress, int notStarted,
            int suspended, int overdue, String average) {
        Map<String, Object> f = json.getMap(at);
        assertEquals(List.of(count, completed, inProgress, notStarted, suspended, overdue),
                List.of(f.get("taskCount"), f.get("completed"), f.get("inProgress"), f.get("notStarted"), f.get("suspended"),
                        f.get("overdue")), at);
        assertEquals(average, f.get("averagePercent") == null ? null : f.get("averagePercent").toString(), at + ".averagePercent");
    }
}
