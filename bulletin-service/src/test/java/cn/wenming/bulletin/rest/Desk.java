package cn.wenming.bulletin.rest;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import cn.wenming.common.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The editorial desk in tests: people with roles, and the steps of the workflow. Every call makes
 * its own data (a fresh series, unique names), so tests never share state.
 */
final class Desk {

    static {
        // once for every test that works at the desk: a failing assertion shows the exchange
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static final String BULLETINS = "/api/v1/bulletins";
    final String editorName = "编辑-" + UUID.randomUUID();
    final String reviewerName = "审核-" + UUID.randomUUID();
    final String editor = TestTokens.bearer(editorName, "editor");
    final String reviewer = TestTokens.bearer(reviewerName, "reviewer");
    final String admin = TestTokens.bearer("admin-" + UUID.randomUUID(), "admin");
    final String reader = TestTokens.bearer("reader-" + UUID.randomUUID(), "reader");

    static RequestSpecification as(String token) {
        return given().header("Authorization", token).contentType(ContentType.JSON.withCharset("UTF-8"));
    }

    /** A new series of its own, so numbers start at 1. */
    String newSeries() {
        return as(admin).body(Map.of("title", "测试简报-" + UUID.randomUUID(), "issuingOrg", "首都精神文明办", "kind", "REGULAR"))
                .post("/api/v1/bulletin-series").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> article(String title, String... paragraphs) {
        return Map.of("title", title, "source", "本刊", "paragraphs", List.of(paragraphs));
    }

    static Map<String, Object> draft(String seriesId, LocalDate issueDate, String editor) {
        var body = new java.util.HashMap<String, Object>();
        body.put("seriesId", seriesId);
        if (issueDate != null) {
            body.put("issueDate", issueDate.toString());
        }
        body.put("editor", editor);
        body.put("reviewer", "田文松");
        body.put("articles", List.of(article("首都精神文明建设工作动员部署大会召开", "4月17日上午,北京市召开首都精神文明建设工作动员部署大会。")));
        body.put("distribution", Map.of("REPORT", List.of("中央文明办"), "SEND", List.of("首都文明委委员"), "ISSUE", List.of("各区文明办")));
        return body;
    }

    /** A back issue, PUBLISHED at once, with {@code number} as its issue and cumulative number; its id. */
    String historical(String seriesId, int number, LocalDate issueDate, List<Map<String, Object>> articles) {
        var body = new java.util.HashMap<String, Object>();
        body.put("seriesId", seriesId);
        body.put("issueNo", number);
        body.put("cumulativeNo", number);
        body.put("issueDate", issueDate.toString());
        body.put("articles", articles);
        return as(admin).body(body).post(BULLETINS + "/historical").then().statusCode(201).extract().path("id");
    }

    Response create(String seriesId, LocalDate issueDate) {
        return as(editor).body(draft(seriesId, issueDate, "梅雪峰")).post(BULLETINS);
    }

    String createDraft(String seriesId, LocalDate issueDate) {
        return create(seriesId, issueDate).then().statusCode(201).extract().path("id");
    }

    Response step(String token, String id, String action) {
        return as(token).post(BULLETINS + "/" + id + "/" + action);
    }

    Response step(String token, String id, String action, Object body) {
        return as(token).body(body).post(BULLETINS + "/" + id + "/" + action);
    }

    String approved(String seriesId, LocalDate issueDate) {
        String id = createDraft(seriesId, issueDate);
        step(editor, id, "submit").then().statusCode(200);
        step(reviewer, id, "approve").then().statusCode(200);
        return id;
    }

    Response published(String seriesId, LocalDate issueDate) {
        String id = approved(seriesId, issueDate);
        Response r = step(reviewer, id, "publish");
        r.then().statusCode(200);
        return r;
    }

    Response get(String token, String id) {
        return as(token).get(BULLETINS + "/" + id);
    }
}
