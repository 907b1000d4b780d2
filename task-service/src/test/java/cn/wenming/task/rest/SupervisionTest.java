package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Overdue and stalled tasks, reckoned in Asia/Shanghai. The application's clock is stood still at
 * chosen instants ({@link MovableClock}) and put back after each test.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SupervisionTest {

    /** A due date; its day ends in Shanghai at 16:00 UTC, while the UTC date is still the same. */
    private static final LocalDate DUE = LocalDate.of(2020, 6, 30);

    @Inject
    MovableClock clock;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void aTaskIsOverdueOnceItsDueDayHasEndedInShanghaiNotInUtc() {
        Office o = new Office();
        clock.set(Instant.parse("2020-06-01T02:00:00Z"));
        String plan = o.plan();
        String area = o.area(plan, "持续开展公共文明引导专项行动");
        String task = o.task(area, "深化礼仪文明引导", DUE);
        String done = o.task(area, "深化环境文明引导", DUE);
        o.activate(plan);
        o.report(done, Office.report(100, "已完成")).then().statusCode(201);

        // 23:59:59 on the due day in Shanghai
        clock.set(Instant.parse("2020-06-30T15:59:59Z"));
        o.getTask(task).then().body("overdue", equalTo(false));
        assertEquals(List.of(), overdueTitles(o, plan, true));
        // 00:00 the next day in Shanghai; in UTC still the due day
        clock.set(Instant.parse("2020-06-30T16:00:00Z"));
        o.getTask(task).then().body("overdue", equalTo(true));
        o.getTask(done).then().body("overdue", equalTo(false));
        assertEquals(List.of("深化礼仪文明引导"), overdueTitles(o, plan, true));
        assertEquals(List.of("深化环境文明引导"), overdueTitles(o, plan, false));
        Office.as(o.reader).get(Office.PLANS + "/" + plan + "/summary").then().statusCode(200)
                .body("asOf", equalTo("2020-07-01")).body("plan.overdue", equalTo(1));
    }

    @Test
    void theSupervisionListHasTheOverdueAndStalledTasksOldestFirst() {
        Office o = new Office();
        clock.set(Instant.parse("2020-05-01T02:00:00Z"));
        String plan = o.plan();
        String area = o.area(plan, "不断深化群众性精神文明创建活动");
        String overdue = o.task(area, "打好创建决胜战", LocalDate.of(2020, 6, 20));
        String stalled = o.task(area, "发挥测评体系导向作用", LocalDate.of(2020, 12, 31));
        String fresh = o.task(area, "聚焦美丽乡村建设", LocalDate.of(2020, 12, 31));
        String done = o.task(area, "突出“诚信建设”重点", LocalDate.of(2020, 6, 1));
        String suspended = o.task(area, "弘扬优良家教家风", LocalDate.of(2020, 6, 1));
        String never = o.task(area, "打造优秀校园文化", LocalDate.of(2020, 12, 31));
        o.activate(plan);
        o.report(stalled, Office.report(20, "启动测评")).then().statusCode(201);
        o.report(done, Office.report(100, "已完成")).then().statusCode(201);
        Office.as(o.editor).body(Map.of("reason", "暂缓")).post(Office.TASKS + "/" + suspended + "/suspend").then().statusCode(200);
        clock.set(Instant.parse("2020-05-20T02:00:00Z"));
        o.report(overdue, Office.report(40, "推荐评选进行中")).then().statusCode(201);
        clock.set(Instant.parse("2020-06-25T02:00:00Z"));
        o.report(fresh, Office.report(50, "推进中")).then().statusCode(201);

        // 2020-07-01 in Shanghai, stalled after 30 days without a report (the default):
        // (2) quiet since its report of 05-01 and (6) never reported, quiet since the activation on 05-01: stalled from 05-31;
        // (1) quiet since 05-20, stalled from 06-19, overdue from 06-21: since the earlier. Done, suspended and fresh are not listed.
        clock.set(Instant.parse("2020-07-01T02:00:00Z"));
        String path = Office.PLANS + "/" + plan + "/supervision";
        Response list = Office.as(o.reader).get(path);
        list.then().statusCode(200);
        assertEquals(List.of(stalled, never, overdue), list.path("items.taskId"));
        assertEquals(List.of("2020-05-31", "2020-05-31", "2020-06-19"), list.path("items.since"));
        assertEquals(List.of(false, false, true), list.path("items.overdue"));
        assertEquals(List.of(true, true, true), list.path("items.stalled"));
        assertEquals(List.of(61, 61, 42), list.path("items.quietDays"));
        assertEquals(List.of(2, 6, 1), list.path("items.number"));

        // with 60 days' patience (1) is still overdue, from 06-21, before the others' stalling on 06-30
        Office.as(o.reader).queryParam("days", 60).get(path).then().statusCode(200)
                .body("items.taskId", equalTo(List.of(overdue, stalled, never)))
                .body("items.since", equalTo(List.of("2020-06-21", "2020-06-30", "2020-06-30")));
        // paged by cursor; a cursor belongs to the days it was issued under
        Response first = Office.as(o.reader).queryParam("limit", 2).get(path);
        first.then().statusCode(200).body("items.taskId", equalTo(List.of(stalled, never)));
        String cursor = first.path("nextCursor");
        Office.as(o.reader).queryParam("limit", 2).queryParam("cursor", cursor).get(path).then().statusCode(200)
                .body("items.taskId", equalTo(List.of(overdue))).body("nextCursor", equalTo(null));
        assertProblem(Office.as(o.reader).queryParam("days", 10).queryParam("cursor", cursor).get(path).then(), 400, "validation")
                .body("errors.field", hasItem("cursor"));
        assertProblem(Office.as(o.reader).queryParam("days", 0).get(path).then(), 400, "validation").body("errors.field", hasItem("days"));
        assertProblem(Office.as(o.reader).get(Office.PLANS + "/" + UUID.randomUUID() + "/supervision").then(), 404, "not-found");
    }

    private static List<String> overdueTitles(Office o, String plan, boolean overdue) {
        return Office.as(o.reader).queryParam("planId", plan).queryParam("overdue", overdue).get(Office.TASKS).then().statusCode(200)
                .extract().path("items.title");
    }
}
