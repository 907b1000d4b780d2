package cn.wenming.task.rest;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The office in tests: people with roles, and the steps of planning and reporting. Every plan it
 * makes takes its year from {@link PlanYears}; names are unique, so tests never share state.
 */
final class Office {

    static final String PLANS = "/api/v1/work-plans";
    static final String TASKS = "/api/v1/tasks";
    static final String LEAD = "市文明办宣教处";
    static final String CO = "各区文明办";

    final String editorName = "编辑-" + UUID.randomUUID();
    final String editor = TestTokens.bearer(editorName, Roles.EDITOR);
    final String admin = TestTokens.bearer("admin-" + UUID.randomUUID(), Roles.ADMIN);
    final String reader = TestTokens.bearer("reader-" + UUID.randomUUID(), Roles.READER);
    final String reviewer = TestTokens.bearer("reviewer-" + UUID.randomUUID(), Roles.REVIEWER);

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON.withCharset("UTF-8"));
    }

    /** Today in Asia/Shanghai, as the service reckons it (with the real clock). */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai"));
    }

    /** A new DRAFT plan of a year of its own; its id. */
    String plan() {
        Response created = null;
        for (int tries = 0; tries < 3 && (created == null || created.statusCode() == 409); tries++) {
            created = as(editor).body(Map.of("year", PlanYears.next(), "title", "首都精神文明建设工作（测试 " + UUID.randomUUID() + "）",
                    "summary", "聚焦四个方面 23项重点任务")).post(PLANS);
        }
        return created.then().statusCode(201).extract().path("id");
    }

    Response area(String planId, String title, Integer position) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "description", title + "。围绕……"));
        if (position != null) {
            body.put("position", position);
        }
        return as(editor).body(body).post(PLANS + "/" + planId + "/areas");
    }

    String area(String planId, String title) {
        return area(planId, title, null).then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> taskBody(String areaId, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("areaId", areaId);
        body.put("title", title);
        body.put("leadUnit", LEAD);
        body.put("coUnits", List.of(CO));
        return body;
    }

    Response createTask(Map<String, Object> body) {
        return as(editor).body(body).post(TASKS);
    }

    String task(String areaId, String title) {
        return createTask(taskBody(areaId, title)).then().statusCode(201).extract().path("id");
    }

    /** A task with a due date. */
    String task(String areaId, String title, LocalDate due) {
        Map<String, Object> body = taskBody(areaId, title);
        body.put("dueDate", due.toString());
        return createTask(body).then().statusCode(201).extract().path("id");
    }

    Response step(String planId, String action) {
        return as(editor).post(PLANS + "/" + planId + "/" + action);
    }

    void activate(String planId) {
        step(planId, "activate").then().statusCode(200);
    }

    static Map<String, Object> report(int percent, String text) {
        return new HashMap<>(Map.of("unit", LEAD, "percent", percent, "text", text));
    }

    Response report(String taskId, Map<String, Object> body) {
        return as(editor).body(body).post(TASKS + "/" + taskId + "/progress");
    }

    Response getTask(String taskId) {
        return as(reader).get(TASKS + "/" + taskId);
    }

    /** The plan's tasks by number (one page of up to 100). */
    List<Map<String, Object>> tasksOf(String planId) {
        return as(reader).queryParam("planId", planId).queryParam("limit", 100).get(TASKS).then().statusCode(200).extract().path("items");
    }

    /** The plan's task titles in number order, checking that the numbers run 1..N. */
    List<String> titlesInOrder(String planId) {
        List<Map<String, Object>> tasks = tasksOf(planId);
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            if (!Integer.valueOf(i + 1).equals(tasks.get(i).get("number"))) {
                throw new AssertionError("numbers are not 1..N: " + tasks.stream().map(t -> t.get("number")).toList());
            }
            titles.add((String) tasks.get(i).get("title"));
        }
        return titles;
    }

    String etag(String path) {
        return as(reader).get(path).then().statusCode(200).extract().header("ETag");
    }
}
