package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Task numbers: 1..N without gaps in area order while the plan is a DRAFT, frozen once it is ACTIVE. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class TaskNumberingTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void insertingIntoADraftMovesTheLaterTasksDown() {
        Office o = new Office();
        Draft d = draft(o);
        o.task(d.first(), "甲");
        o.task(d.first(), "乙");
        o.task(d.second(), "丙");
        assertEquals(List.of("甲", "乙", "丙"), o.titlesInOrder(d.plan()));

        // without a position a task goes after its area's last task: 丙 moves down
        o.task(d.first(), "丁");
        assertEquals(List.of("甲", "乙", "丁", "丙"), o.titlesInOrder(d.plan()));
        // at a position the tasks from there on move down one
        Map<String, Object> atTwo = Office.taskBody(d.first(), "戊");
        atTwo.put("position", 2);
        o.createTask(atTwo).then().statusCode(201).body("number", equalTo(2)).body("areaOrdinal", equalTo("第一"));
        assertEquals(List.of("甲", "戊", "乙", "丁", "丙"), o.titlesInOrder(d.plan()));
        // the first place of the second area
        Map<String, Object> atFive = Office.taskBody(d.second(), "己");
        atFive.put("position", 5);
        o.createTask(atFive).then().statusCode(201).body("number", equalTo(5));
        assertEquals(List.of("甲", "戊", "乙", "丁", "己", "丙"), o.titlesInOrder(d.plan()));

        // a position outside the task's area would break the order of areas
        for (int outside : new int[] { 1, 4, 8 }) {
            Map<String, Object> body = Office.taskBody(d.second(), "庚");
            body.put("position", outside);
            assertProblem(o.createTask(body).then(), 400, "validation").body("errors.field", hasItem("position"))
                    .body("detail", containsString("5 到 7"));
        }
        assertEquals(6, o.tasksOf(d.plan()).size(), "refused tasks stored nothing");
    }

    @Test
    void removingFromADraftClosesTheGapAndMovingRenumbers() {
        Office o = new Office();
        Draft d = draft(o);
        String a = o.task(d.first(), "甲");
        String b = o.task(d.first(), "乙");
        o.task(d.second(), "丙");
        String ding = o.task(d.second(), "丁");

        String etag = o.getTask(b).then().extract().header("ETag");
        Office.as(o.editor).header("If-Match", etag).delete(Office.TASKS + "/" + b).then().statusCode(204);
        assertEquals(List.of("甲", "丙", "丁"), o.titlesInOrder(d.plan()));
        assertProblem(o.getTask(b).then(), 404, "not-found");

        // moving 丁 to the first area: after its last task
        Map<String, Object> move = Office.taskBody(d.first(), "丁");
        Office.as(o.editor).body(move).put(Office.TASKS + "/" + ding).then().statusCode(200).body("number", equalTo(2))
                .body("areaId", equalTo(d.first()));
        assertEquals(List.of("甲", "丁", "丙"), o.titlesInOrder(d.plan()));
        // and to the front, by position
        move.put("position", 1);
        Office.as(o.editor).body(move).put(Office.TASKS + "/" + ding).then().statusCode(200).body("number", equalTo(1));
        assertEquals(List.of("丁", "甲", "丙"), o.titlesInOrder(d.plan()));
        o.getTask(a).then().body("number", equalTo(2));

        // an area with tasks stays; an empty one goes, and the areas after it move up
        String third = o.area(d.plan(), "持续开展公共文明引导专项行动");
        String fourth = o.area(d.plan(), "不断深化群众性精神文明创建活动");
        assertProblem(Office.as(o.editor).delete(Office.PLANS + "/" + d.plan() + "/areas/" + d.second()).then(), 409, "conflict");
        Office.as(o.editor).delete(Office.PLANS + "/" + d.plan() + "/areas/" + third).then().statusCode(204);
        Office.as(o.reader).get(Office.PLANS + "/" + d.plan() + "/areas/" + fourth).then().statusCode(200)
                .body("seq", equalTo(3)).body("ordinal", equalTo("第三"));
    }

    @Test
    void reorderingTheAreasRenumbersTheTasksToFollow() {
        Office o = new Office();
        Draft d = draft(o);
        o.task(d.first(), "甲");
        o.task(d.first(), "乙");
        o.task(d.second(), "丙");
        String etag = o.etag(Office.PLANS + "/" + d.plan());

        Office.as(o.editor).header("If-Match", etag).body(Map.of("areaIds", List.of(d.second(), d.first())))
                .put(Office.PLANS + "/" + d.plan() + "/areas/order").then().statusCode(200)
                .body("title", equalTo(List.of("推进精神文明建设工作创新发展", "深入推进新时代公民道德建设工程")))
                .body("ordinal", equalTo(List.of("第一", "第二")));
        assertEquals(List.of("丙", "甲", "乙"), o.titlesInOrder(d.plan()));
        // the plan's ETag moved: the old one is stale
        assertProblem(Office.as(o.editor).header("If-Match", etag).body(Map.of("areaIds", List.of(d.first(), d.second())))
                .put(Office.PLANS + "/" + d.plan() + "/areas/order").then(), 412, "precondition-failed");
        // every area, each once
        assertProblem(Office.as(o.editor).body(Map.of("areaIds", List.of(d.first()))).put(Office.PLANS + "/" + d.plan() + "/areas/order").then(),
                400, "validation").body("errors.field", hasItem("areaIds"));

        // a new area at the front, by position; moving an area back by editing its position
        Office.as(o.editor).body(Map.of("title", "新增方面", "position", 1)).post(Office.PLANS + "/" + d.plan() + "/areas").then()
                .statusCode(201).body("seq", equalTo(1));
        Office.as(o.editor).body(Map.of("title", "推进精神文明建设工作创新发展", "position", 3)).put(Office.PLANS + "/" + d.plan() + "/areas/" + d.second())
                .then().statusCode(200).body("seq", equalTo(3)).body("ordinal", equalTo("第三"));
        assertEquals(List.of("甲", "乙", "丙"), o.titlesInOrder(d.plan()));
    }

    @Test
    void numbersAreFrozenOnceThePlanIsActive() {
        Office o = new Office();
        Draft d = draft(o);
        String a = o.task(d.first(), "甲");
        o.task(d.second(), "乙");
        o.activate(d.plan());

        // a new task takes the next free number, whatever its area
        o.createTask(Office.taskBody(d.first(), "丙")).then().statusCode(201).body("number", equalTo(3));
        assertEquals(List.of("甲", "乙", "丙"), o.titlesInOrder(d.plan()));

        Map<String, Object> atOne = Office.taskBody(d.first(), "丁");
        atOne.put("position", 1);
        assertProblem(o.createTask(atOne).then(), 409, "conflict").body("detail", containsString("ACTIVE"));
        assertProblem(Office.as(o.editor).delete(Office.TASKS + "/" + a).then(), 409, "conflict").body("detail", containsString("ACTIVE"));
        assertProblem(Office.as(o.editor).body(Office.taskBody(d.second(), "甲")).put(Office.TASKS + "/" + a).then(), 409, "conflict")
                .body("detail", containsString("ACTIVE"));
        assertProblem(Office.as(o.editor).body(Map.of("areaIds", List.of(d.second(), d.first()))).put(Office.PLANS + "/" + d.plan() + "/areas/order")
                .then(), 409, "conflict").body("detail", containsString("ACTIVE"));
        assertProblem(o.area(d.plan(), "新增方面", null).then(), 409, "conflict");
        assertProblem(Office.as(o.editor).delete(Office.PLANS + "/" + d.plan() + "/areas/" + d.second()).then(), 409, "conflict");
        assertEquals(List.of("甲", "乙", "丙"), o.titlesInOrder(d.plan()));

        // what does not touch numbers may still change: a task's text, an area's title
        Office.as(o.editor).body(Office.taskBody(d.first(), "甲（修订）")).put(Office.TASKS + "/" + a).then().statusCode(200)
                .body("number", equalTo(1)).body("title", equalTo("甲（修订）"));
        Office.as(o.editor).body(Map.of("title", "推进精神文明建设工作创新发展（修订）")).put(Office.PLANS + "/" + d.plan() + "/areas/" + d.second())
                .then().statusCode(200).body("seq", equalTo(2));
    }

    @Test
    void parallelInsertsKeepTheNumbersWhole() throws Exception {
        Office o = new Office();
        Draft d = draft(o);
        o.task(d.second(), "末");
        int writers = 8;
        List<Integer> statuses = AllAtOnce.statuses(writers, i -> {
            Map<String, Object> body = Office.taskBody(d.first(), "并发-" + i);
            body.put("position", 1);
            return o.createTask(body).statusCode();
        });
        assertEquals(List.of(201, 201, 201, 201, 201, 201, 201, 201), statuses);
        List<String> titles = o.titlesInOrder(d.plan());
        assertEquals(writers + 1, titles.size());
        assertEquals(writers + 1, new HashSet<>(titles).size());
        assertEquals("末", titles.get(writers), "the second area's task stays after the first area's");
    }

    /** A DRAFT plan of its own with two areas, 第一 and 第二. */
    private record Draft(String plan, String first, String second) {
    }

    private static Draft draft(Office o) {
        String plan = o.plan();
        return new Draft(plan, o.area(plan, "深入推进新时代公民道德建设工程"), o.area(plan, "推进精神文明建设工作创新发展"));
    }
}
