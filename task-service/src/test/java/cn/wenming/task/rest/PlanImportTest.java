package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** POST /api/v1/work-plans/imports: the seed's plan text, its variants, and texts that are not plans. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class PlanImportTest {

    private static final String IMPORTS = Office.PLANS + "/imports";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void seedPlanTextReadsAsExactlyTheExpectedAreasAndTasksWithoutWarnings() {
        Office o = new Office();
        JsonNode expected = SeedFile.workPlan();
        Response read = post(o.editor, SeedFile.planArticle(), null);
        read.then().statusCode(200)
                .body("committed", equalTo(false))
                .body("year", equalTo(expected.path("year").asInt()))
                .body("title", equalTo(expected.path("title").asText()))
                .body("summary", equalTo(expected.path("summary").asText()))
                .body("claimedAreas", equalTo(4)).body("claimedTasks", equalTo(23))
                .body("areaCount", equalTo(expected.path("areaCount").asInt()))
                .body("taskCount", equalTo(expected.path("taskCount").asInt()))
                .body("source", equalTo("本刊"))
                .body("warnings", hasSize(0));
        assertEquals(expectedAreas(expected), areasOf(read.path("areas")));
        // a sentence split over a line break (and a blank line) in the PDF text is whole again
        assertEquals("围绕城市治理难点痛点,持续开展公共文明引导行动。", read.path("areas[2].description"));
        assertEquals("第三", read.path("areas[2].ordinal"));
        assertTrue(((String) read.path("preamble")).startsWith("2020年是全面建成小康社会"), "the preamble is reported");
    }

    @Test
    void committedImportIsADraftOfTheTitlesYearWithItsAreasAndTasksAndASecondOneForTheYearIsAConflict() {
        Office o = new Office();
        int year = PlanYears.next();
        // a title of its own (titles identify plans in other tests), naming the year the plan is stored for
        String title = year + "年首都精神文明建设工作（导入测试" + UUID.randomUUID() + "）";
        String text = SeedFile.planArticle().replaceFirst(SeedFile.workPlan().path("title").asText(), title);
        Response stored = post(o.editor, text, "?commit=true");
        stored.then().statusCode(201).header("Location", containsString(Office.PLANS + "/")).body("committed", equalTo(true))
                .body("year", equalTo(year)).body("title", equalTo(title)).body("warnings", hasSize(0));
        String planId = stored.path("planId");
        Office.as(o.reader).get(Office.PLANS + "/" + planId).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("year", equalTo(year)).body("title", equalTo(title)).body("summary", equalTo("聚焦四个方面 23项重点任务"));

        List<Map<String, Object>> areas = Office.as(o.reader).get(Office.PLANS + "/" + planId + "/areas").then().statusCode(200)
                .extract().path("");
        assertEquals(List.of("第一", "第二", "第三", "第四"), areas.stream().map(a -> a.get("ordinal")).toList());
        assertEquals("围绕城市治理难点痛点,持续开展公共文明引导行动。", areas.get(2).get("description"));
        List<String> expected = new ArrayList<>();
        SeedFile.workPlan().path("areas").forEach(a -> a.path("tasks").forEach(t -> expected.add(t.path("title").asText())));
        assertEquals(expected, o.titlesInOrder(planId));
        List<Map<String, Object>> tasks = o.tasksOf(planId);
        assertEquals(areas.get(1).get("id"), tasks.get(4).get("areaId"), "(5) is in the second area");
        assertTrue(tasks.stream().allMatch(t -> "NOT_STARTED".equals(t.get("status"))));

        assertProblem(post(o.editor, text, "?commit=true").then(), 409, "conflict")
                .body("detail", containsString(Integer.toString(year)));
        assertEquals(23, o.tasksOf(planId).size(), "the refused import added nothing");
    }

    @Test
    void fullWidthParenthesesAndCommasReadTheSame() {
        Office o = new Office();
        String fullWidth = SeedFile.planArticle().replace('(', '（').replace(')', '）').replace(',', '，');
        Response read = post(o.editor, fullWidth, null);
        read.then().statusCode(200).body("areaCount", equalTo(4)).body("taskCount", equalTo(23)).body("warnings", hasSize(0))
                .body("source", equalTo("本刊"));
        // the text's own punctuation is kept: the titles carry its full-width commas
        List<List<String>> expected = expectedAreas(SeedFile.workPlan()).stream()
                .map(area -> area.stream().map(title -> title.replace(',', '，')).toList()).toList();
        assertEquals(expected, areasOf(read.path("areas")));
    }

    @Test
    void taskSplitOverALineBreakIsJoined() {
        Office o = new Office();
        String text = """
                2031年首都精神文明建设工作 聚焦一个方面 2项重点任务

                第一,深入推进新时代公民道德建设工程。围绕培育和践行社会主义
                核心价值观。(1)依托“北京榜样”
                传播道德力量。(2)以道德模范评选

                引领最好道德风尚。
                """;
        Response read = post(o.editor, text, null);
        read.then().statusCode(200).body("warnings", hasSize(0)).body("year", equalTo(2031))
                .body("areas[0].description", equalTo("围绕培育和践行社会主义核心价值观。"))
                .body("areas[0].tasks.title", equalTo(List.of("依托“北京榜样”传播道德力量", "以道德模范评选引领最好道德风尚")))
                .body("areas[0].tasks.number", equalTo(List.of(1, 2)));
    }

    @Test
    void countsThatDoNotAddUpAndNumbersOutOfSequenceAreWarnings() {
        Office o = new Office();
        String article = SeedFile.planArticle();
        String fewer = article.replace("(23)构建大宣传格局,不断增强精神文明传播力影响力。", "").replace("聚焦四个方面", "聚焦五个方面");
        post(o.editor, fewer, null).then().statusCode(200)
                .body("taskCount", equalTo(22)).body("areaCount", equalTo(4))
                .body("warnings.kind", hasItem("TASK_COUNT")).body("warnings.kind", hasItem("AREA_COUNT"))
                .body("warnings.find { it.kind == 'TASK_COUNT' }.message", containsString("23"));

        String gap = article.replace("(7)深化背街小巷", "(17)深化背街小巷");
        post(o.editor, gap, null).then().statusCode(200)
                .body("taskCount", equalTo(23)).body("warnings.kind", equalTo(List.of("NUMBERING", "NUMBERING")))
                .body("areas[1].tasks[2].number", equalTo(7))
                .body("areas[1].tasks[2].title", equalTo("深化背街小巷文明创建,以环境精细化治理提升为着力点,推动街区有序更新"));
    }

    @Test
    void textThatIsNotAPlanIsABadRequestAndStoresNothing() {
        Office o = new Office();
        int year = PlanYears.next();
        String bulletin = "首都精神文明建设情况简报\n第 17 期\n4 月 17 日上午,北京市召开首都精神文明建设工作暨背街小巷环境精细化整治提升动员部署大会。";
        assertProblem(post(o.editor, bulletin, "?commit=true&year=" + year).then(), 400, "bad-request")
                .body("detail", containsString("第一"));
        assertProblem(post(o.editor, "2020年工作要点\n第一,深入推进新时代公民道德建设工程。没有任务。", "?commit=true&year=" + year).then(),
                400, "bad-request").body("detail", containsString("(1)"));
        assertProblem(post(o.editor, "  \n\n ", null).then(), 400, "bad-request");
        assertProblem(given().header("Authorization", o.editor).contentType("text/plain; charset=UTF-8").body(new byte[] { (byte) 0xC3, 0x28 })
                .post(IMPORTS).then(), 400, "bad-request");
        // nothing was stored: the year is still free
        Office.as(o.editor).body(Map.of("year", year, "title", "首都精神文明建设工作（" + UUID.randomUUID() + "）")).post(Office.PLANS)
                .then().statusCode(201);
    }

    @Test
    void badParametersAndMediaTypeAreProblems() {
        Office o = new Office();
        String article = SeedFile.planArticle();
        assertProblem(post(o.editor, article, "?commit=maybe").then(), 400, "validation").body("errors.field", hasItem("commit"));
        assertProblem(post(o.editor, article, "?year=1999").then(), 400, "validation").body("errors.field", hasItem("year"));
        assertProblem(post(o.editor, article.replaceFirst("2020年", ""), "?commit=true").then(), 400, "validation")
                .body("errors.field", hasItem("year"));
        assertProblem(Office.as(o.editor).body(Map.of("text", article)).post(IMPORTS).then(), 415, "unsupported-media-type");
        assertProblem(post(o.reader, article, null).then(), 403, "forbidden");
        assertProblem(given().contentType("text/plain; charset=UTF-8").body(article).post(IMPORTS).then(), 401, "unauthenticated");
    }

    @Test
    void seedPlanIsLoadedWithItsAreasAndTasks() {
        Office o = new Office();
        JsonNode expected = SeedFile.workPlan();
        String planId = Office.as(o.reader).queryParam("year", expected.path("year").asInt()).get(Office.TASKS).then().statusCode(200)
                .extract().path("items[0].planId");
        List<Map<String, Object>> areas = Office.as(o.reader).get(Office.PLANS + "/" + planId + "/areas").then().statusCode(200)
                .extract().path("");
        List<String> expectedAreaTitles = new ArrayList<>();
        expected.path("areas").forEach(a -> expectedAreaTitles.add(a.path("title").asText()));
        assertEquals(expectedAreaTitles, areas.stream().map(a -> a.get("title")).toList());
        List<String> expectedTasks = new ArrayList<>();
        expected.path("areas").forEach(a -> a.path("tasks").forEach(t -> expectedTasks.add(t.path("title").asText())));
        assertEquals(expectedTasks, o.titlesInOrder(planId));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static Response post(String token, String text, String query) {
        return given().header("Authorization", token).contentType("text/plain; charset=UTF-8")
                .body(text.getBytes(StandardCharsets.UTF_8)).post(IMPORTS + (query == null ? "" : query));
    }

    /** The expected task titles, area by area. */
    private static List<List<String>> expectedAreas(JsonNode plan) {
        List<List<String>> areas = new ArrayList<>();
        plan.path("areas").forEach(a -> {
            List<String> titles = new ArrayList<>();
            titles.add(a.path("title").asText());
            a.path("tasks").forEach(t -> titles.add(t.path("number").asInt() + " " + t.path("title").asText()));
            areas.add(titles);
        });
        return areas;
    }

    /** The same shape from an import's answer: each area's title, then its tasks as "number title". */
    private static List<List<String>> areasOf(List<Map<String, Object>> areas) {
        List<List<String>> out = new ArrayList<>();
        for (Map<String, Object> a : areas) {
            List<String> titles = new ArrayList<>();
            titles.add((String) a.get("title"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> tasks = (List<Map<String, Object>>) a.get("tasks");
            tasks.forEach(t -> titles.add(t.get("number") + " " + t.get("title")));
            out.add(titles);
        }
        return out;
    }
}
