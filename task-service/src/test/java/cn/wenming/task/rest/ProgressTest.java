package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** The rules of progress reports, one at a time. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class ProgressTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void reportsMoveTheTaskAndTheLatestGivesItsPercent() {
        Office o = new Office();
        String task = activeTask(o);
        o.getTask(task).then().body("status", equalTo("NOT_STARTED")).body("percent", equalTo(0)).body("lastReportDate", nullValue());

        Map<String, Object> first = Office.report(30, "已发布“北京榜样”月度人物 10 名");
        first.put("date", Office.today().minusDays(10).toString());
        o.report(task, first).then().statusCode(201).body("percent", equalTo(30)).body("unit", equalTo(Office.LEAD))
                .body("reportedBy", equalTo(o.editorName)).body("taskNumber", equalTo(1))
                .body("date", equalTo(Office.today().minusDays(10).toString()));
        o.getTask(task).then().body("status", equalTo("IN_PROGRESS")).body("percent", equalTo(30));

        // a co-operating unit reports too; without a date the report is of today (Asia/Shanghai)
        Map<String, Object> second = Office.report(55, "各区已完成推荐");
        second.put("unit", Office.CO);
        o.report(task, second).then().statusCode(201).body("date", equalTo(Office.today().toString()));
        o.getTask(task).then().body("percent", equalTo(55)).body("lastReportDate", equalTo(Office.today().toString()));

        Office.as(o.reader).get(Office.TASKS + "/" + task + "/progress").then().statusCode(200)
                .body("percent", equalTo(List.of(30, 55))).body("unit", equalTo(List.of(Office.LEAD, Office.CO)));
    }

    @Test
    void aLowerPercentNeedsAReason() {
        Office o = new Office();
        String task = activeTask(o);
        o.report(task, Office.report(60, "年度人物评选进入公示阶段")).then().statusCode(201);

        assertProblem(o.report(task, Office.report(50, "评选重新组织")).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("reason"))).body("detail", containsString("60"));
        Map<String, Object> blankReason = Office.report(50, "评选重新组织");
        blankReason.put("reason", "  ");
        assertProblem(o.report(task, blankReason).then(), 400, "validation").body("errors.field", hasItem("reason"));
        o.getTask(task).then().body("percent", equalTo(60));

        Map<String, Object> withReason = Office.report(50, "评选重新组织");
        withReason.put("reason", "评选日程因疫情顺延");
        o.report(task, withReason).then().statusCode(201).body("reason", equalTo("评选日程因疫情顺延"));
        o.getTask(task).then().body("percent", equalTo(50)).body("status", equalTo("IN_PROGRESS"));
        // the same percent again needs none
        o.report(task, Office.report(50, "继续推进")).then().statusCode(201);
    }

    @Test
    void reaching100CompletesTheTaskWhichThenTakesNoReports() {
        Office o = new Office();
        String task = activeTask(o);
        o.report(task, Office.report(100, "年度人物评选表彰完成")).then().statusCode(201).body("percent", equalTo(100));
        o.getTask(task).then().body("status", equalTo("COMPLETED")).body("percent", equalTo(100)).body("overdue", equalTo(false));
        assertProblem(o.report(task, Office.report(100, "再报一次")).then(), 409, "conflict").body("detail", containsString("COMPLETED"));
        Map<String, Object> lower = Office.report(90, "回退");
        lower.put("reason", "复核发现遗漏");
        assertProblem(o.report(task, lower).then(), 409, "conflict").body("detail", containsString("COMPLETED"));
        assertProblem(Office.as(o.editor).body(Map.of("reason", "暂停")).post(Office.TASKS + "/" + task + "/suspend").then(), 409, "conflict")
                .body("detail", containsString("COMPLETED"));
        Office.as(o.reader).get(Office.TASKS + "/" + task + "/progress").then().body("$", hasSize(1));
    }

    @Test
    void badReportsAreProblemsNamingTheFieldAndChangeNothing() {
        Office o = new Office();
        String task = activeTask(o);
        o.report(task, Office.report(20, "启动")).then().statusCode(201);

        Map<String, Object> stranger = Office.report(30, "代报");
        stranger.put("unit", "市教委");
        assertProblem(o.report(task, stranger).then(), 400, "validation").body("errors.field", equalTo(List.of("unit")))
                .body("detail", containsString(Office.LEAD));
        Map<String, Object> future = Office.report(30, "明天的进展");
        future.put("date", Office.today().plusDays(2).toString());
        assertProblem(o.report(task, future).then(), 400, "validation").body("errors.field", equalTo(List.of("date")));
        Map<String, Object> beforeLatest = Office.report(30, "补报");
        beforeLatest.put("date", Office.today().minusDays(3).toString());
        assertProblem(o.report(task, beforeLatest).then(), 400, "validation").body("errors.field", equalTo(List.of("date")));
        for (int percent : new int[] { -1, 101 }) {
            assertProblem(o.report(task, Office.report(percent, "越界")).then(), 400, "validation").body("errors.field", hasItem("percent"));
        }
        assertProblem(o.report(task, Map.of("unit", Office.LEAD, "percent", 30)).then(), 400, "validation").body("errors.field", hasItem("text"));
        assertProblem(o.report(task, Map.of("unit", Office.LEAD, "percent", "三十", "text", "x")).then(), 400, "validation")
                .body("errors.field", hasItem("percent"));
        Map<String, Object> owned = Office.report(30, "带服务器字段");
        owned.put("reportedBy", "冒名");
        assertProblem(o.report(task, owned).then(), 400, "unknown-field").body("errors.field", hasItem("reportedBy"));
        assertProblem(Office.as(o.reader).body(Office.report(30, "读者")).post(Office.TASKS + "/" + task + "/progress").then(),
                403, "forbidden");
        assertProblem(o.report(UUID.randomUUID().toString(), Office.report(30, "无此任务")).then(), 404, "not-found");
        o.getTask(task).then().body("percent", equalTo(20));
        Office.as(o.reader).get(Office.TASKS + "/" + task + "/progress").then().body("$", hasSize(1));
    }

    @Test
    void onlyActivePlansRunningTasksWithALeadUnitTakeReports() {
        Office o = new Office();
        String plan = o.plan();
        String area = o.area(plan, "深入推进新时代公民道德建设工程");
        String task = o.task(area, "依托“北京榜样”传播道德力量");
        Map<String, Object> noLead = Office.taskBody(area, "以道德模范评选引领最好道德风尚");
        noLead.remove("leadUnit");
        String unled = o.createTask(noLead).then().statusCode(201).extract().path("id");
        assertProblem(o.report(task, Office.report(10, "草稿阶段")).then(), 409, "conflict").body("detail", containsString("DRAFT"));

        o.activate(plan);
        assertProblem(o.report(unled, Office.report(10, "无牵头单位")).then(), 409, "conflict").body("detail", containsString("牵头单位"));

        String etag = o.getTask(task).then().extract().header("ETag");
        Office.as(o.editor).header("If-Match", etag).body(Map.of("reason", "受疫情影响，活动暂缓举办"))
                .post(Office.TASKS + "/" + task + "/suspend").then().statusCode(200)
                .body("status", equalTo("SUSPENDED")).body("statusReason", equalTo("受疫情影响，活动暂缓举办"));
        assertProblem(o.report(task, Office.report(10, "暂停中")).then(), 409, "conflict").body("detail", containsString("SUSPENDED"));
        assertProblem(Office.as(o.editor).header("If-Match", etag).post(Office.TASKS + "/" + task + "/resume").then(), 412, "precondition-failed");
        assertProblem(Office.as(o.editor).body(Map.of("reason", " ")).post(Office.TASKS + "/" + task + "/suspend").then(), 400, "validation")
                .body("errors.field", hasItem("reason"));

        Office.as(o.editor).post(Office.TASKS + "/" + task + "/resume").then().statusCode(200)
                .body("status", equalTo("NOT_STARTED")).body("statusReason", nullValue());
        assertProblem(Office.as(o.editor).post(Office.TASKS + "/" + task + "/resume").then(), 409, "conflict")
                .body("detail", containsString("NOT_STARTED"));
        o.report(task, Office.report(10, "恢复后启动")).then().statusCode(201);
    }

    /** A task led by {@link Office#LEAD} (with {@link Office#CO}) in an ACTIVE plan of its own. */
    private static String activeTask(Office o) {
        String plan = o.plan();
        String task = o.task(o.area(plan, "深入推进新时代公民道德建设工程"), "依托“北京榜样”传播道德力量");
        o.activate(plan);
        return task;
    }
}
