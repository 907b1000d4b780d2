package cn.wenming.bulletin.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class BulletinWorkflowTest {

    private static final LocalDate DAY = LocalDate.of(2020, 4, 24);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void everyAllowedTransition() {
        Desk d = new Desk();
        String id = d.createDraft(d.newSeries(), DAY);
        d.get(d.editor, id).then().body("status", equalTo("DRAFT")).body("issueNo", nullValue());
        d.step(d.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("submittedBy", equalTo(d.editorName));
        d.step(d.reviewer, id, "return", Map.of("reason", "第二篇文章标题需与工作要点一致")).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("statusReason", equalTo("第二篇文章标题需与工作要点一致"));
        d.step(d.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        d.step(d.reviewer, id, "approve").then().statusCode(200).body("status", equalTo("APPROVED"))
                .body("approvedBy", equalTo(d.reviewerName));
        d.step(d.reviewer, id, "publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("issueNo", equalTo(1)).body("cumulativeNo", equalTo(1)).body("year", equalTo(2020))
                .body("label", equalTo("2020年第1期（总第1期）"));
        d.step(d.reviewer, id, "recall", Map.of("reason", "文中数据有误")).then().statusCode(200)
                .body("status", equalTo("RECALLED")).body("statusReason", equalTo("文中数据有误")).body("issueNo", equalTo(1));
    }

    @Test
    void everyOtherTransitionIsAConflictNamingTheCurrentStatus() {
        Desk d = new Desk();
        String series = d.newSeries();
        String draft = d.createDraft(series, DAY);
        assertProblem(d.step(d.reviewer, draft, "approve").then(), 409, "conflict").body("detail", containsString("DRAFT"));
        assertProblem(d.step(d.reviewer, draft, "publish").then(), 409, "conflict").body("detail", containsString("DRAFT"));
        assertProblem(d.step(d.reviewer, draft, "recall", Map.of("reason", "x")).then(), 409, "conflict").body("detail", containsString("DRAFT"));
        assertProblem(d.step(d.reviewer, draft, "return", Map.of("reason", "x")).then(), 409, "conflict").body("detail", containsString("DRAFT"));

        d.step(d.editor, draft, "submit").then().statusCode(200);
        assertProblem(d.step(d.editor, draft, "submit").then(), 409, "conflict").body("detail", containsString("SUBMITTED"));
        assertProblem(d.step(d.reviewer, draft, "publish").then(), 409, "conflict").body("detail", containsString("SUBMITTED"));
        assertProblem(Desk.as(d.editor).body(Desk.draft(series, DAY, "梅雪峰")).put(Desk.BULLETINS + "/" + draft).then(),
                409, "conflict").body("detail", containsString("SUBMITTED"));

        d.step(d.reviewer, draft, "approve").then().statusCode(200);
        assertProblem(d.step(d.editor, draft, "submit").then(), 409, "conflict").body("detail", containsString("APPROVED"));
        assertProblem(d.step(d.reviewer, draft, "return", Map.of("reason", "x")).then(), 409, "conflict").body("detail", containsString("APPROVED"));

        d.step(d.reviewer, draft, "publish").then().statusCode(200);
        assertProblem(d.step(d.reviewer, draft, "approve").then(), 409, "conflict").body("detail", containsString("PUBLISHED"));
        assertProblem(d.step(d.reviewer, draft, "publish").then(), 409, "conflict").body("detail", containsString("PUBLISHED"));

        d.step(d.reviewer, draft, "recall", Map.of("reason", "更正")).then().statusCode(200);
        assertProblem(d.step(d.reviewer, draft, "publish").then(), 409, "conflict").body("detail", containsString("RECALLED"));
        assertProblem(d.step(d.reviewer, draft, "recall", Map.of("reason", "x")).then(), 409, "conflict").body("detail", containsString("RECALLED"));
        d.get(d.editor, draft).then().body("status", equalTo("RECALLED"));
    }

    @Test
    void approvingOwnSubmissionIsForbidden() {
        Desk d = new Desk();
        String both = TestTokens.bearer("兼任-" + java.util.UUID.randomUUID(), "editor", "reviewer");
        String id = Desk.as(both).body(Desk.draft(d.newSeries(), DAY, "梅雪峰")).post(Desk.BULLETINS).then().statusCode(201).extract().path("id");
        d.step(both, id, "submit").then().statusCode(200);
        assertProblem(d.step(both, id, "approve").then(), 403, "forbidden").body("detail", containsString("four eyes"));
        d.get(d.editor, id).then().body("status", equalTo("SUBMITTED"));
        d.step(d.reviewer, id, "approve").then().statusCode(200).body("status", equalTo("APPROVED"));
    }

    @Test
    void rolesAreChecked() {
        Desk d = new Desk();
        String id = d.createDraft(d.newSeries(), DAY);
        assertProblem(d.step(d.reviewer, id, "submit").then(), 403, "forbidden");
        d.step(d.editor, id, "submit").then().statusCode(200);
        assertProblem(d.step(d.editor, id, "approve").then(), 403, "forbidden");
        assertProblem(Desk.as(d.reader).body(Desk.draft(d.newSeries(), DAY, "x")).post(Desk.BULLETINS).then(), 403, "forbidden");
        assertProblem(Desk.as(d.editor).body(Map.of()).post(Desk.BULLETINS + "/historical").then(), 403, "forbidden");
    }

    @Test
    void readersSeeOnlyPublishedIssuesAsIfNothingElseExisted() {
        Desk d = new Desk();
        String series = d.newSeries();
        String draft = d.createDraft(series, DAY);
        String submitted = d.createDraft(series, DAY);
        d.step(d.editor, submitted, "submit").then().statusCode(200);
        String published = d.published(series, DAY).path("id");

        assertProblem(d.get(d.reader, draft).then(), 404, "not-found");
        assertProblem(d.get(d.reader, submitted).then(), 404, "not-found");
        assertProblem(Desk.as(d.reader).get(Desk.BULLETINS + "/" + draft + "/articles").then(), 404, "not-found");
        assertProblem(Desk.as(d.reader).get(Desk.BULLETINS + "/" + draft + "/revisions").then(), 403, "forbidden");
        d.get(d.reader, published).then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<String> seen = Desk.as(d.reader).queryParam("seriesId", series).get(Desk.BULLETINS).then().statusCode(200)
                .extract().path("items.id");
        assertEquals(List.of(published), seen);
        List<String> asked = Desk.as(d.reader).queryParam("seriesId", series).queryParam("status", "DRAFT").get(Desk.BULLETINS)
                .then().statusCode(200).extract().path("items.id");
        assertTrue(asked.isEmpty(), "asking for drafts shows a reader nothing");
        List<String> staff = Desk.as(d.editor).queryParam("seriesId", series).get(Desk.BULLETINS).then().statusCode(200)
                .extract().path("items.id");
        assertEquals(3, staff.size());
    }

    @Test
    void publishedIssueIsCacheableAndAnswers304() {
        Desk d = new Desk();
        String id = d.published(d.newSeries(), DAY).path("id");
        var first = d.get(d.reader, id);
        first.then().statusCode(200).header("Cache-Control", containsString("max-age=60"));
        String etag = first.header("ETag");
        Desk.as(d.reader).header("If-None-Match", etag).get(Desk.BULLETINS + "/" + id).then().statusCode(304);
        Desk.as(d.reader).header("If-None-Match", "\"999\"").get(Desk.BULLETINS + "/" + id).then().statusCode(200);
        String draft = d.createDraft(d.newSeries(), DAY);
        d.get(d.editor, draft).then().statusCode(200).header("Cache-Control", not(containsString("max-age")));
    }

    @Test
    void revisionsRecordWhoWhenAndEachFieldBeforeAndAfter() {
        Desk d = new Desk();
        String series = d.newSeries();
        String id = d.createDraft(series, DAY);
        var changed = Desk.draft(series, DAY, "田文松");
        Desk.as(d.editor).body(changed).put(Desk.BULLETINS + "/" + id).then().statusCode(200).body("editor", equalTo("田文松"));
        d.step(d.editor, id, "submit").then().statusCode(200);
        var revisions = Desk.as(d.reviewer).get(Desk.BULLETINS + "/" + id + "/revisions").then().statusCode(200);
        revisions.body("action", equalTo(List.of("create", "update", "submit")))
                .body("[1].actor", equalTo(d.editorName))
                .body("[1].changes.field", equalTo(List.of("editor")))
                .body("[1].changes[0].before", equalTo("梅雪峰"))
                .body("[1].changes[0].after", equalTo("田文松"))
                .body("[2].changes[0].field", equalTo("status"))
                .body("[2].changes[0].before", equalTo("DRAFT"))
                .body("[2].changes[0].after", equalTo("SUBMITTED"))
                .body("[0].at", containsString("+08:00"));
    }

    @Test
    void submittingAnIssueWithoutArticlesIsRefused() {
        Desk d = new Desk();
        var empty = Desk.draft(d.newSeries(), DAY, "梅雪峰");
        empty.put("articles", List.of());
        String id = Desk.as(d.editor).body(empty).post(Desk.BULLETINS).then().statusCode(201).extract().path("id");
        assertProblem(d.step(d.editor, id, "submit").then(), 400, "validation").body("errors.field", hasItem("articles"));
        d.get(d.editor, id).then().body("status", equalTo("DRAFT"));
    }
}
