package cn.wenming.bulletin.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Back issues from text, through HTTP: one, a batch with a broken file, the text round trip. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class ImportTest {

    private static final String IMPORTS = "/api/v1/bulletins/imports";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String seed() throws IOException {
        return Files.readString(Path.of("../../shared/seed/bulletin-2020-17.txt"), StandardCharsets.UTF_8);
    }

    /** The seed text made into another issue of a series of the test's own, so tests never clash. */
    static String issueOfOwnSeries(String seriesTitle, int issueNo, int cumulativeNo) throws IOException {
        return seed().replaceFirst("首都精神文明建设情况简报", seriesTitle)
                .replace("第 17 期", "第 " + issueNo + " 期").replace("(总第 2126 期)", "(总第 " + cumulativeNo + " 期)");
    }

    static Response post(String token, String text, String query) {
        return given().header("Authorization", token).contentType(ContentType.TEXT.withCharset("UTF-8")).body(text)
                .post(IMPORTS + query);
    }

    @Test
    void theSeedPreviewIsItsExpectedReadingAndStoresNothing() throws IOException {
        Desk d = new Desk();
        JsonPath reading = post(d.editor, seed(), "").then().statusCode(200)
                .body("warnings", equalTo(List.of()))
                .body("bulletin.issueNo", equalTo(17)).body("bulletin.cumulativeNo", equalTo(2126))
                .body("bulletin.issueDate", equalTo("2020-04-24")).body("bulletin.editor", equalTo("梅雪峰"))
                .body("bulletin.reviewer", equalTo("田文松")).body("bulletin.contact.email", equalTo("jswmzhxhc@163.com"))
                .body("bulletin.articles.paragraphCount", equalTo(List.of(4, 5)))
                .body("bulletin.articles.source", equalTo(List.of("本刊", "本刊")))
                .body("bulletin.distribution.REPORT", equalTo(List.of("中央文明办", "首都文明委主任、副主任", "市委、市人大、市政府、市政协")))
                .body("bulletin.distribution.SEND.size()", equalTo(4)).body("bulletin.distribution.ISSUE.size()", equalTo(3))
                .extract().jsonPath();
        assertTrue(reading.get("id") == null, "a preview stores nothing");
    }

    @Test
    void anAdminStoresABackIssueWithItsNumbersAndAnEditorADraft() throws IOException {
        Desk d = new Desk();
        String series = "导入测试简报" + UUID.randomUUID();
        Response stored = post(d.admin, issueOfOwnSeries(series, 17, 2126), "?commit=true");
        stored.then().statusCode(201).header("Location", containsString("/api/v1/bulletins/"));
        String id = stored.path("id");
        d.get(d.reader, id).then().statusCode(200).body("status", equalTo("PUBLISHED")).body("historical", equalTo(true))
                .body("label", equalTo("2020年第17期（总第2126期）")).body("seriesTitle", equalTo(series))
                .body("articles.size()", equalTo(2));
        assertProblem(post(d.admin, issueOfOwnSeries(series, 17, 2999), "?commit=true").then(), 409, "conflict");
        assertProblem(post(d.editor, issueOfOwnSeries(series, 18, 2127), "?commit=true").then(), 403, "forbidden");
        String draft = post(d.editor, issueOfOwnSeries(series, 18, 2127), "?commit=true&as=draft").then().statusCode(201)
                .extract().path("id");
        d.get(d.editor, draft).then().body("status", equalTo("DRAFT")).body("issueNo", equalTo(null));
        assertProblem(post(d.editor, seed(), "?commit=true&as=copy").then(), 400, "validation").body("errors.field", hasItem("as"));
    }

    @Test
    void aTextThatIsNotABulletinIsA400AndStoresNothing() {
        Desk d = new Desk();
        String title = "通知" + UUID.randomUUID();
        assertProblem(post(d.admin, title + "\n\n各处室:\n\n定于下周一召开年度总结会。\n\n办公室", "?commit=true").then(), 400, "validation")
                .body("errors.field", hasItem("issueNo")).body("errors.field", hasItem("issueDate"));
        assertProblem(post(d.admin, "", "?commit=true").then(), 400, "validation");
        List<String> titles = given().header("Authorization", d.reader).queryParam("limit", 100).get("/api/v1/bulletin-series")
                .path("items.title");
        assertTrue(titles.stream().noneMatch(t -> t.startsWith(title)), "no series was made");
    }

    @Test
    void aBatchWithOneBrokenFileStoresTheOthers() throws IOException {
        Desk d = new Desk();
        String series = "批量导入简报" + UUID.randomUUID();
        Response batch = given().header("Authorization", d.admin)
                .multiPart("file", "2020-17.txt", issueOfOwnSeries(series, 17, 2126).getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "broken.txt", new byte[] { (byte) 0xff, (byte) 0xfe, 0, 1, 2 }, "text/plain")
                .multiPart("file", "2020-18.txt", issueOfOwnSeries(series, 18, 2127).getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "clash.txt", issueOfOwnSeries(series, 18, 2200).getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(IMPORTS + "/batch?commit=true");
        batch.then().statusCode(200).body("imported", equalTo(2)).body("failed", equalTo(2))
                .body("results.file", equalTo(List.of("2020-17.txt", "broken.txt", "2020-18.txt", "clash.txt")))
                .body("results.status", equalTo(List.of(201, 400, 201, 409)))
                .body("results[1].problem.type", equalTo("urn:wenming:problem:validation"))
                .body("results[3].problem.type", equalTo("urn:wenming:problem:conflict"));
        // the clash left nothing behind: the series holds exactly the two good issues
        String seriesId = given().header("Authorization", d.reader).get(Desk.BULLETINS + "/" + batch.path("results[0].id")).path("seriesId");
        List<Integer> numbers = given().header("Authorization", d.reader).queryParam("seriesId", seriesId).get(Desk.BULLETINS)
                .then().statusCode(200).extract().path("items.issueNo");
        assertEquals(List.of(17, 18), numbers.stream().sorted().toList());
    }

    @Test
    void aZipBatchReadsEachFile() throws IOException {
        Desk d = new Desk();
        String series = "压缩包导入简报" + UUID.randomUUID();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry("第17期.txt"));
            zip.write(issueOfOwnSeries(series, 17, 2126).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("说明.txt"));
            zip.write("这是一个说明文件。".getBytes(StandardCharsets.UTF_8));
        }
        given().header("Authorization", d.editor).contentType("application/zip").body(bytes.toByteArray())
                .post(IMPORTS + "/batch").then().statusCode(200)
                .body("imported", equalTo(1)).body("failed", equalTo(1))
                .body("results.file", equalTo(List.of("第17期.txt", "说明.txt")))
                .body("results[0].bulletin.issueNo", equalTo(17)).body("results[1].status", equalTo(400));
        assertProblem(given().header("Authorization", d.editor).contentType("application/zip").body("not a zip".getBytes())
                .post(IMPORTS + "/batch").then(), 400, "validation");
    }

    @Test
    void anImportedIssueRenderedToTextAndImportedAgainHasTheSameStructure() throws IOException {
        Desk d = new Desk();
        String series = "往返测试简报" + UUID.randomUUID();
        String original = issueOfOwnSeries(series, 17, 2126);
        Map<String, Object> first = post(d.editor, original, "").then().statusCode(200).extract().path("bulletin");
        String id = post(d.admin, original, "?commit=true").then().statusCode(201).extract().path("id");
        String text = given().header("Authorization", d.reader).accept("text/plain").get(Desk.BULLETINS + "/" + id)
                .then().statusCode(200).contentType(containsString("text/plain")).extract().asString();
        assertTrue(text.startsWith(series + "\n\n第17期\n\n(总第2126期)"), text);
        Map<String, Object> again = post(d.editor, text, "").then().statusCode(200).body("warnings", equalTo(List.of()))
                .extract().path("bulletin");
        assertEquals(first, again);
    }

    @Test
    void anIssueRendersAsThePrintedLayoutForBrowsersAndStaysJsonForApis() throws IOException {
        Desk d = new Desk();
        String id = post(d.admin, issueOfOwnSeries("版式测试简报" + UUID.randomUUID(), 17, 2126), "?commit=true").then().statusCode(201)
                .extract().path("id");
        given().header("Authorization", d.reader).accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get(Desk.BULLETINS + "/" + id).then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("第17期")).body(containsString("总第2126期")).body(containsString("梅雪峰"));
        given().header("Authorization", d.reader).get(Desk.BULLETINS + "/" + id).then().statusCode(200)
                .contentType(containsString("application/json"));
        given().header("Authorization", d.reader).accept("*/*").get(Desk.BULLETINS + "/" + id).then().statusCode(200)
                .contentType(containsString("application/json"));
        given().header("Authorization", d.reader).queryParam("format", "html").get(Desk.BULLETINS + "/" + id + "/render").then()
                .statusCode(200).contentType(containsString("text/html")).body(not(containsString("<script")));
        given().header("Authorization", d.reader).queryParam("format", "text").get(Desk.BULLETINS + "/" + id + "/render").then()
                .statusCode(200).contentType(containsString("text/plain")).body(containsString("报:中央文明办"));
        assertProblem(given().header("Authorization", d.reader).queryParam("format", "pdfx").get(Desk.BULLETINS + "/" + id + "/render").then(),
                400, "validation");
    }
}
