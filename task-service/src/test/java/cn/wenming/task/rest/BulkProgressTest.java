package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.Response;

/** Progress on many tasks at once, as JSON or CSV: all or nothing. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class BulkProgressTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void oneBadRowRecordsNothingAndEveryBadRowIsNamedThenAGoodBatchRecordsAll() {
        Office o = new Office();
        String plan = activePlan(o, 3);
        o.report(taskNumbered(o, plan, 2), Office.report(60, "先报一次")).then().statusCode(201);

        List<Map<String, Object>> batch = List.of(
                row(1, 30, "已发布“北京榜样”月度人物 10 名", null),
                row(2, 50, "进度回退", null),
                row(24, 10, "没有这个任务", null),
                row(3, 101, "越界", null));
        assertProblem(bulkJson(o, plan, batch).then(), 400, "validation")
                .body("detail", containsString("3 行有误"))
                .body("errors.field", equalTo(List.of("[1].reason", "[2].number", "[3].percent")));
        // nothing was recorded, not even the good first row
        assertEquals(List.of(0, 60, 0), percents(o, plan));
        Office.as(o.reader).get(Office.TASKS + "/" + taskNumbered(o, plan, 1) + "/progress").then().body("size()", equalTo(0));

        List<Map<String, Object>> good = List.of(
                row(1, 30, "已发布“北京榜样”月度人物 10 名", null),
                row(2, 50, "评选重新组织", "评选日程因疫情顺延"),
                row(3, 100, "已完成", null),
                row(1, 45, "同一任务的第二行，按顺序", null));
        bulkJson(o, plan, good).then().statusCode(201).body("recorded", equalTo(4))
                .body("reports.taskNumber", equalTo(List.of(1, 2, 3, 1))).body("reports[0].reportedBy", equalTo(o.editorName));
        assertEquals(List.of(45, 50, 100), percents(o, plan));
        o.getTask(taskNumbered(o, plan, 3)).then().body("status", equalTo("COMPLETED"));
        // rows on one task are checked in order: a lower second row needs its reason
        assertProblem(bulkJson(o, plan, List.of(row(1, 60, "上调", null), row(1, 55, "下调", null))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("[1].reason")));
        assertEquals(List.of(45, 50, 100), percents(o, plan));
    }

    @Test
    void csvWithChineseTextAndHeadersIsRecordedWordForWord() {
        Office o = new Office();
        String plan = activePlan(o, 2);
        String text = "《北京市文明行为促进条例》宣传解读已覆盖全市 16 个区，\"文明有我\"活动 120 场";
        String csv = "\uFEFF编号,单位,进度,日期,进展,原因\r\n"
                + "1," + Office.LEAD + ",40," + Office.today().minusDays(1) + ",\"" + text.replace("\"", "\"\"") + "\",\r\n"
                + "\r\n"
                + "2," + Office.CO + ",25,,\"分两段：\n一、推荐；二、评选\",\r\n";
        Response recorded = bulkCsv(o, plan, csv, "text/csv; charset=UTF-8");
        recorded.then().statusCode(201).body("recorded", equalTo(2));
        Office.as(o.reader).get(Office.TASKS + "/" + taskNumbered(o, plan, 1) + "/progress").then()
                .body("[0].text", equalTo(text)).body("[0].unit", equalTo(Office.LEAD))
                .body("[0].date", equalTo(Office.today().minusDays(1).toString()));
        Office.as(o.reader).get(Office.TASKS + "/" + taskNumbered(o, plan, 2) + "/progress").then()
                .body("[0].text", equalTo("分两段：\n一、推荐；二、评选")).body("[0].unit", equalTo(Office.CO))
                .body("[0].date", equalTo(Office.today().toString()));
        assertEquals(List.of(40, 25), percents(o, plan));

        // English headers in another order; a GBK file says so in its charset
        String gbk = "percent,number,text,unit\n50,1,第二次报告：宣传解读继续推进," + Office.LEAD + "\n";
        given().header("Authorization", o.editor).contentType("text/csv; charset=GBK").body(gbk.getBytes(java.nio.charset.Charset.forName("GBK")))
                .post(Office.PLANS + "/" + plan + "/progress").then().statusCode(201).body("reports[0].text", equalTo("第二次报告：宣传解读继续推进"));
        assertEquals(List.of(50, 25), percents(o, plan));
    }

    @Test
    void badCsvIsAProblemNamingTheLineOrTheHeader() {
        Office o = new Office();
        String plan = activePlan(o, 2);
        String path = Office.PLANS + "/" + plan + "/progress";
        assertProblem(bulkCsv(o, plan, "编号,单位,进度,进展\n1," + Office.LEAD + ",三十,推进中\n2," + Office.LEAD + ",20,推进中\n"
                + "2,市教委,30,代报\n", "text/csv").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("lines[2].percent", "lines[4].unit")));
        assertProblem(bulkCsv(o, plan, "编号,单位,进度,备注\n1," + Office.LEAD + ",30,推进中\n", "text/csv").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("header", "header")))
                .body("errors.message", hasItem(containsString("备注")));
        assertProblem(bulkCsv(o, plan, "编号,单位,进度,进展\n1," + Office.LEAD + ",30,\"没有闭合\n", "text/csv").then(), 400, "bad-request")
                .body("detail", containsString("2"));
        assertProblem(bulkCsv(o, plan, "编号,单位,进度,进展\n", "text/csv").then(), 400, "bad-request");
        assertProblem(bulkCsv(o, plan, "", "text/csv").then(), 400, "bad-request");
        assertProblem(bulkJson(o, plan, List.of()).then(), 400, "bad-request");
        assertProblem(given().header("Authorization", o.editor).contentType("application/xml").body("<rows/>").post(path).then(),
                415, "unsupported-media-type");
        assertProblem(given().header("Authorization", o.reader).contentType("text/csv").body("编号,单位,进度,进展\n").post(path).then(),
                403, "forbidden");
        assertEquals(List.of(0, 0), percents(o, plan));
    }

    @Test
    void aPlanThatIsNotActiveTakesNoBulkReports() {
        Office o = new Office();
        String plan = o.plan();
        o.task(o.area(plan, "深入推进新时代公民道德建设工程"), "依托“北京榜样”传播道德力量");
        assertProblem(bulkJson(o, plan, List.of(row(1, 10, "草稿阶段", null))).then(), 409, "conflict")
                .body("detail", containsString("DRAFT"));
        assertProblem(bulkJson(o, java.util.UUID.randomUUID().toString(), List.of(row(1, 10, "无此工作要点", null))).then(), 404, "not-found");
    }

    // --- helpers -----------------------------------------------------------------------------

    /** An ACTIVE plan of its own with {@code n} tasks led by {@link Office#LEAD}, numbered 1..n. */
    private static String activePlan(Office o, int n) {
        String plan = o.plan();
        String area = o.area(plan, "推进精神文明建设工作创新发展");
        for (int i = 1; i <= n; i++) {
            o.task(area, "任务" + i);
        }
        o.activate(plan);
        return plan;
    }

    private static Map<String, Object> row(int number, int percent, String text, String reason) {
        Map<String, Object> row = Office.report(percent, text);
        row.put("number", number);
        if (reason != null) {
            row.put("reason", reason);
        }
        return row;
    }

    private static Response bulkJson(Office o, String plan, List<Map<String, Object>> rows) {
        return Office.as(o.editor).body(rows).post(Office.PLANS + "/" + plan + "/progress");
    }

    /** Posts the CSV as UTF-8 bytes with exactly {@code type} (RestAssured adds no charset of its own). */
    private static Response bulkCsv(Office o, String plan, String csv, String type) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", o.editor).contentType(type).body(csv.getBytes(StandardCharsets.UTF_8))
                .post(Office.PLANS + "/" + plan + "/progress");
    }

    private static String taskNumbered(Office o, String plan, int number) {
        return (String) o.tasksOf(plan).get(number - 1).get("id");
    }

    private static List<Integer> percents(Office o, String plan) {
        return o.tasksOf(plan).stream().map(t -> (Integer) t.get("percent")).toList();
    }
}
