package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
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

/** GET /api/v1/tasks: filters, sorting and keyset paging. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class TaskListTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void tasksAreFilteredByPlanYearAreaStatusLeadUnitAndOverdue() {
        Office o = new Office();
        String plan = o.plan();
        int year = Office.as(o.reader).get(Office.PLANS + "/" + plan).then().extract().path("year");
        String first = o.area(plan, "深入推进新时代公民道德建设工程");
        String second = o.area(plan, "推进精神文明建设工作创新发展");
        String lead = "市文明办-" + UUID.randomUUID();
        o.task(first, "甲", Office.today().minusDays(5));
        Map<String, Object> mine = Office.taskBody(first, "乙");
        mine.put("leadUnit", lead);
        mine.put("dueDate", Office.today().plusDays(5).toString());
        String b = o.createTask(mine).then().statusCode(201).extract().path("id");
        o.task(second, "丙");
        o.activate(plan);
        Map<String, Object> report = Office.report(50, "推进中");
        report.put("unit", lead);
        o.report(b, report).then().statusCode(201);

        assertEquals(List.of("甲", "乙", "丙"), titles(o, Map.of("planId", plan)));
        assertEquals(List.of("甲", "乙", "丙"), titles(o, Map.of("year", year)));
        assertEquals(List.of("丙"), titles(o, Map.of("areaId", second)));
        assertEquals(List.of("乙"), titles(o, Map.of("planId", plan, "status", "IN_PROGRESS")));
        assertEquals(List.of("甲", "丙"), titles(o, Map.of("planId", plan, "status", "NOT_STARTED")));
        assertEquals(List.of("乙"), titles(o, Map.of("leadUnit", lead)));
        assertEquals(List.of("甲"), titles(o, Map.of("planId", plan, "overdue", true)));
        assertEquals(List.of("乙", "丙"), titles(o, Map.of("planId", plan, "overdue", false)));
        // by due date, tasks without one last; and the other way round
        assertEquals(List.of("甲", "乙", "丙"), titles(o, Map.of("planId", plan, "sort", "dueDate")));
        assertEquals(List.of("丙", "乙", "甲"), titles(o, Map.of("planId", plan, "sort", "-dueDate")));
        assertEquals(List.of("丙", "乙", "甲"), titles(o, Map.of("planId", plan, "sort", "-number")));
        assertEquals(List.of(), titles(o, Map.of("planId", plan, "areaId", second, "status", "COMPLETED")));
    }

    @Test
    void pagesFollowTheCursorWithoutRepeatsUnderEverySort() {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "持续开展公共文明引导专项行动");
        for (int i = 1; i <= 5; i++) {
            if (i % 2 == 0) {
                o.task(area, "任务" + i);
            } else {
                o.task(area, "任务" + i, Office.today().plusDays(10 - i));
            }
        }
        for (String sort : new String[] { "number", "-number", "dueDate", "-dueDate" }) {
            List<String> all = titles(o, Map.of("planId", plan, "sort", sort));
            List<String> paged = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                var request = Office.as(o.reader).queryParam("planId", plan).queryParam("sort", sort).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response page = request.get(Office.TASKS);
                page.then().statusCode(200);
                paged.addAll(page.path("items.title"));
                cursor = page.path("nextCursor");
                pages++;
            } while (cursor != null && pages < 10);
            assertEquals(3, pages, sort + ": 5 tasks at 2 a page");
            assertEquals(all, paged, sort + ": the pages read as the whole list");
        }
        // the earliest due date first; the two without one last (between themselves in no particular order)
        List<String> byDue = titles(o, Map.of("planId", plan, "sort", "dueDate"));
        assertEquals(List.of("任务5", "任务3", "任务1"), byDue.subList(0, 3));
        assertEquals(java.util.Set.of("任务2", "任务4"), java.util.Set.copyOf(byDue.subList(3, 5)));
    }

    @Test
    void badFiltersAreProblemsNamingTheParameter() {
        Office o = new Office();
        for (String[] bad : new String[][] { { "planId", "计划" }, { "areaId", "1" }, { "year", "二〇二〇" }, { "status", "DONE" },
                { "overdue", "yes" }, { "sort", "title" }, { "limit", "0" } }) {
            assertProblem(Office.as(o.reader).queryParam(bad[0], bad[1]).get(Office.TASKS).then(), 400, "validation")
                    .body("errors.field", hasItem(bad[0]));
        }
        String cursor = Office.as(o.reader).queryParam("limit", 1).get(Office.TASKS).then().statusCode(200).extract().path("nextCursor");
        assertTrue(cursor != null, "the seed alone fills more than a page of one");
        assertProblem(Office.as(o.reader).queryParam("sort", "dueDate").queryParam("cursor", cursor).get(Office.TASKS).then(), 400, "validation")
                .body("errors.field", hasItem("cursor"));
        Office.as(o.reader).queryParam("cursor", cursor).queryParam("limit", 1).get(Office.TASKS).then().statusCode(200)
                .body("items.size()", equalTo(1));
    }

    private static List<String> titles(Office o, Map<String, ?> query) {
        return Office.as(o.reader).queryParams(query).queryParam("limit", 100).get(Office.TASKS).then().statusCode(200)
                .extract().path("items.title");
    }
}
