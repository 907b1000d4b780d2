package cn.wenming.bulletin.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class BulletinEditingTest {

    private static final LocalDate DAY = LocalDate.of(2020, 4, 24);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        Desk d = new Desk();
        String series = d.newSeries();
        Response created = d.create(series, DAY);
        String id = created.path("id");
        String etag = created.header("ETag");
        Response edited = Desk.as(d.editor).header("If-Match", etag).body(Desk.draft(series, DAY, "田文松")).put(Desk.BULLETINS + "/" + id);
        edited.then().statusCode(200).body("editor", equalTo("田文松"));
        assertNotEquals(etag, edited.header("ETag"), "an edit moves the ETag");
        assertProblem(Desk.as(d.editor).header("If-Match", etag).body(Desk.draft(series, DAY, "张三")).put(Desk.BULLETINS + "/" + id).then(),
                412, "precondition-failed");
        assertProblem(Desk.as(d.editor).header("If-Match", etag).post(Desk.BULLETINS + "/" + id + "/submit").then(), 412, "precondition-failed");
        d.get(d.editor, id).then().body("editor", equalTo("田文松")).body("status", equalTo("DRAFT"));
        Desk.as(d.editor).header("If-Match", edited.header("ETag")).post(Desk.BULLETINS + "/" + id + "/submit").then().statusCode(200);
    }

    @Test
    void twoEditorsRaceWithTheSameETagAndExactlyOneWins() throws Exception {
        Desk d = new Desk();
        String series = d.newSeries();
        for (int round = 0; round < 5; round++) {
            Response created = d.create(series, DAY);
            String id = created.path("id");
            String etag = created.header("ETag");
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> racers = new ArrayList<>();
                for (String editor : List.of("甲编辑", "乙编辑")) {
                    racers.add(pool.submit(() -> {
                        start.await();
                        return Desk.as(d.editor).header("If-Match", etag).body(Desk.draft(series, DAY, editor))
                                .put(Desk.BULLETINS + "/" + id).statusCode();
                    }));
                }
                start.countDown();
                List<Integer> codes = new ArrayList<>();
                for (Future<Integer> f : racers) {
                    codes.add(f.get());
                }
                Collections.sort(codes);
                assertEquals(List.of(200, 412), codes, "one edit wins, the other is told its ETag is stale");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRetriedCreateWithTheSameIdempotencyKeyReturnsTheFirstAnswer() {
        Desk d = new Desk();
        String series = d.newSeries();
        String key = UUID.randomUUID().toString();
        var body = Desk.draft(series, DAY, "梅雪峰");
        Response first = Desk.as(d.editor).header("Idempotency-Key", key).body(body).post(Desk.BULLETINS);
        first.then().statusCode(201);
        Response again = Desk.as(d.editor).header("Idempotency-Key", key).body(body).post(Desk.BULLETINS);
        again.then().statusCode(201).header("Idempotency-Replayed", equalTo("true"))
                .header("Location", equalTo(first.header("Location"))).body("id", equalTo(first.path("id")));
        List<String> stored = Desk.as(d.editor).queryParam("seriesId", series).get(Desk.BULLETINS).path("items.id");
        assertEquals(List.of((String) first.path("id")), stored, "one issue, not two");

        var other = Desk.draft(series, DAY, "田文松");
        assertProblem(Desk.as(d.editor).header("Idempotency-Key", key).body(other).post(Desk.BULLETINS).then(), 409, "conflict");
    }

    @Test
    void aRetriedPublishWithTheSameIdempotencyKeyPublishesOnce() {
        Desk d = new Desk();
        String series = d.newSeries();
        String id = d.approved(series, DAY);
        String key = UUID.randomUUID().toString();
        Response first = Desk.as(d.reviewer).header("Idempotency-Key", key).post(Desk.BULLETINS + "/" + id + "/publish");
        first.then().statusCode(200).body("issueNo", equalTo(1));
        Desk.as(d.reviewer).header("Idempotency-Key", key).post(Desk.BULLETINS + "/" + id + "/publish").then()
                .statusCode(200).header("Idempotency-Replayed", equalTo("true")).body("issueNo", equalTo(1))
                .body("version", equalTo((Integer) first.path("version")));
        // without the key, a second publish is the refused transition it is
        assertProblem(Desk.as(d.reviewer).post(Desk.BULLETINS + "/" + id + "/publish").then(), 409, "conflict");
    }

    @Test
    void invalidIssuesNameEachViolation() {
        Desk d = new Desk();
        String series = d.newSeries();
        var tooMany = new HashMap<>(Desk.draft(series, DAY, "梅雪峰"));
        List<Object> articles = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            articles.add(Desk.article("文章" + i, "段落。"));
        }
        tooMany.put("articles", articles);
        assertProblem(Desk.as(d.editor).body(tooMany).post(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("articles"));

        var bad = new HashMap<>(Desk.draft(series, DAY, "梅".repeat(51)));
        bad.put("articles", List.of(Map.of("title", "", "paragraphs", List.of("好", " ")), Map.of("title", "标", "paragraphs", List.of())));
        bad.put("printRun", 0);
        assertProblem(Desk.as(d.editor).body(bad).post(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("editor"))
                .body("errors.field", hasItem("printRun"))
                .body("errors.field", hasItem("articles[0].title"))
                .body("errors.field", hasItem("articles[0].paragraphs[1]"))
                .body("errors.field", hasItem("articles[1].paragraphs"));

        var paragraphs = new HashMap<>(Desk.draft(series, DAY, "梅雪峰"));
        paragraphs.put("articles", List.of(Map.of("title", "长", "paragraphs", Collections.nCopies(201, "段。"))));
        assertProblem(Desk.as(d.editor).body(paragraphs).post(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("articles[0].paragraphs"));

        var wrongPart = new HashMap<>(Desk.draft(series, DAY, "梅雪峰"));
        wrongPart.put("distribution", Map.of("CC", List.of("中央文明办")));
        assertProblem(Desk.as(d.editor).body(wrongPart).post(Desk.BULLETINS).then(), 400, "validation");

        var badDate = new HashMap<>(Desk.draft(series, DAY, "梅雪峰"));
        badDate.put("issueDate", "2020-02-30");
        assertProblem(Desk.as(d.editor).body(badDate).post(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("issueDate"));

        var noSeries = new HashMap<>(Desk.draft(UUID.randomUUID().toString(), DAY, "梅雪峰"));
        assertProblem(Desk.as(d.editor).body(noSeries).post(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("seriesId"));

        var ownedNumber = new HashMap<>(Desk.draft(series, DAY, "梅雪峰"));
        ownedNumber.put("issueNo", 17);
        assertProblem(Desk.as(d.editor).body(ownedNumber).post(Desk.BULLETINS).then(), 400, "unknown-field");
        List<String> stored = Desk.as(d.editor).queryParam("seriesId", series).get(Desk.BULLETINS).path("items.id");
        assertTrue(stored.isEmpty(), "nothing invalid was stored");
    }

    @Test
    void articlesAreEditedOneByOneAndReordered() {
        Desk d = new Desk();
        String series = d.newSeries();
        Response created = d.create(series, DAY);
        String id = created.path("id");
        String base = Desk.BULLETINS + "/" + id + "/articles";
        String first = created.path("articles[0].id");
        Response added = Desk.as(d.editor).body(Desk.article("2020年首都精神文明建设工作 聚焦四个方面 23项重点任务", "2020年是全面建成小康社会……"))
                .post(base);
        added.then().statusCode(201).body("seq", equalTo(2));
        String second = added.path("id");
        Desk.as(d.editor).body(Desk.article("新标题", "新段落。")).put(base + "/" + second).then().statusCode(200).body("title", equalTo("新标题"));
        Desk.as(d.editor).body(Map.of("articleIds", List.of(second, first))).put(base + "/order").then().statusCode(200)
                .body("articles.id", equalTo(List.of(second, first))).body("articles.seq", equalTo(List.of(1, 2)));
        assertProblem(Desk.as(d.editor).body(Map.of("articleIds", List.of(second))).put(base + "/order").then(), 400, "validation")
                .body("errors.field", hasItem("articleIds"));
        Desk.as(d.reader).get(base + "/" + second).then().statusCode(404);
        Desk.as(d.editor).get(base + "/" + second).then().statusCode(200).body("seq", equalTo(1));
        Desk.as(d.editor).delete(base + "/" + second).then().statusCode(200).body("articles.id", equalTo(List.of(first)))
                .body("articles[0].seq", equalTo(1));
        assertProblem(Desk.as(d.editor).get(base + "/" + UUID.randomUUID()).then(), 404, "not-found");

        d.step(d.editor, id, "submit").then().statusCode(200);
        assertProblem(Desk.as(d.editor).delete(base + "/" + first).then(), 409, "conflict");
        assertProblem(Desk.as(d.editor).body(Desk.article("迟到的文章", "段落。")).post(base).then(), 409, "conflict");
        Desk.as(d.editor).get(base).then().statusCode(200).body("id", equalTo(List.of(first)));
    }

    @Test
    void listsAreNewestFirstFilteredAndPaged() {
        Desk d = new Desk();
        String series = d.newSeries();
        for (String date : List.of("2019-03-01", "2020-04-24", "2020-01-10", "2021-07-07")) {
            Desk.as(d.admin).body(BulletinNumberingTest.historical(series, LocalDate.parse(date).getDayOfYear(),
                    1000 + LocalDate.parse(date).getYear() * 10 + LocalDate.parse(date).getMonthValue(), date))
                    .post(Desk.BULLETINS + "/historical").then().statusCode(201);
        }
        Desk.as(d.reader).queryParam("seriesId", series).get(Desk.BULLETINS).then().statusCode(200)
                .body("items.issueDate", equalTo(List.of("2021-07-07", "2020-04-24", "2020-01-10", "2019-03-01")));
        Desk.as(d.reader).queryParam("seriesId", series).queryParam("sort", "issueDate").get(Desk.BULLETINS).then().statusCode(200)
                .body("items.issueDate", equalTo(List.of("2019-03-01", "2020-01-10", "2020-04-24", "2021-07-07")));
        Desk.as(d.reader).queryParam("seriesId", series).queryParam("year", 2020).get(Desk.BULLETINS).then()
                .body("items.issueDate", equalTo(List.of("2020-04-24", "2020-01-10")));
        Desk.as(d.reader).queryParam("seriesId", series).queryParam("from", "2020-01-11").queryParam("to", "2021-07-07")
                .get(Desk.BULLETINS).then().body("items.issueDate", equalTo(List.of("2021-07-07", "2020-04-24")));
        Response page1 = Desk.as(d.reader).queryParam("seriesId", series).queryParam("limit", 3).get(Desk.BULLETINS);
        page1.then().body("items.size()", equalTo(3)).body("nextCursor", not(equalTo(null)));
        Desk.as(d.reader).queryParam("seriesId", series).queryParam("limit", 3).queryParam("cursor", (String) page1.path("nextCursor"))
                .get(Desk.BULLETINS).then().body("items.issueDate", equalTo(List.of("2019-03-01"))).body("nextCursor", equalTo(null));
        assertProblem(Desk.as(d.reader).queryParam("status", "LOST").get(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("status"));
        assertProblem(Desk.as(d.reader).queryParam("from", "2020-13-01").get(Desk.BULLETINS).then(), 400, "validation")
                .body("errors.field", hasItem("from"));
    }

    @Test
    void onlyAdminsEnterBackIssues() {
        Desk d = new Desk();
        String both = TestTokens.bearer("editor-reviewer", "editor", "reviewer");
        assertProblem(Desk.as(both).body(BulletinNumberingTest.historical(d.newSeries(), 1, 1, "2020-01-01"))
                .post(Desk.BULLETINS + "/historical").then(), 403, "forbidden");
    }
}
