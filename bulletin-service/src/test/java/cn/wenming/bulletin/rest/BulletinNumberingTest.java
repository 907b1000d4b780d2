package cn.wenming.bulletin.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class BulletinNumberingTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void fiftyParallelPublishesGetEachNumberExactlyOnce() throws Exception {
        Desk d = new Desk();
        String series = d.newSeries();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            ids.add(d.approved(series, LocalDate.of(2021, 6, 1)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> answers = new ArrayList<>();
        try {
            for (String id : ids) {
                answers.add(pool.submit(() -> d.step(d.reviewer, id, "publish")));
            }
            List<Integer> numbers = new ArrayList<>();
            List<Integer> cumulative = new ArrayList<>();
            for (Future<Response> f : answers) {
                Response r = f.get();
                r.then().statusCode(200).body("status", equalTo("PUBLISHED"));
                numbers.add(r.path("issueNo"));
                cumulative.add(r.path("cumulativeNo"));
            }
            Set<Integer> expected = IntStream.rangeClosed(1, 50).boxed().collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, new TreeSet<>(numbers), "第1期 to 第50期");
            assertEquals(50, numbers.stream().distinct().count(), "no issue number twice");
            assertEquals(expected, new TreeSet<>(cumulative), "总第1期 to 总第50期");
            assertEquals(50, cumulative.stream().distinct().count(), "no cumulative number twice");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theFirstIssueOfANewYearIsNumberOneWhileTheCumulativeNumberRunsOn() {
        Desk d = new Desk();
        String series = d.newSeries();
        d.published(series, LocalDate.of(2031, 12, 30)).then().body("issueNo", equalTo(1)).body("cumulativeNo", equalTo(1));
        d.published(series, LocalDate.of(2031, 12, 31)).then().body("issueNo", equalTo(2)).body("cumulativeNo", equalTo(2));
        d.published(series, LocalDate.of(2032, 1, 2)).then().body("year", equalTo(2032)).body("issueNo", equalTo(1))
                .body("cumulativeNo", equalTo(3)).body("label", equalTo("2032年第1期（总第3期）"));
    }

    @Test
    void anUndatedIssueTakesTodayInShanghaiWhenPublished() {
        Desk d = new Desk();
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
        var r = d.published(d.newSeries(), null);
        // published around midnight the date may be either side: it is Shanghai's today or the day before/after
        LocalDate printed = LocalDate.parse(r.path("issueDate"));
        assertTrue(Math.abs(printed.toEpochDay() - today.toEpochDay()) <= 1, "issue date is today in Asia/Shanghai: " + printed);
        assertEquals(printed.getYear(), (int) r.path("year"));
    }

    @Test
    void historicalIssuesKeepTheirNumbersAndClashesAreConflicts() {
        Desk d = new Desk();
        String series = d.newSeries();
        Map<String, Object> back = historical(series, 17, 2126, "2020-04-24");
        Desk.as(d.admin).body(back).post(Desk.BULLETINS + "/historical").then().statusCode(201)
                .body("status", equalTo("PUBLISHED")).body("historical", equalTo(true))
                .body("issueNo", equalTo(17)).body("cumulativeNo", equalTo(2126)).body("year", equalTo(2020));

        assertProblem(Desk.as(d.admin).body(historical(series, 17, 3000, "2020-05-01")).post(Desk.BULLETINS + "/historical").then(),
                409, "conflict").body("detail", org.hamcrest.Matchers.containsString("第17期"));
        assertProblem(Desk.as(d.admin).body(historical(series, 18, 2126, "2020-05-01")).post(Desk.BULLETINS + "/historical").then(),
                409, "conflict").body("detail", org.hamcrest.Matchers.containsString("总第2126期"));
        // the same issue number in another year is no clash
        Desk.as(d.admin).body(historical(series, 17, 2000, "2019-04-24")).post(Desk.BULLETINS + "/historical").then().statusCode(201);

        d.published(series, LocalDate.of(2020, 5, 8)).then().body("issueNo", equalTo(18)).body("cumulativeNo", equalTo(2127));
    }

    @Test
    void aScheduledIssuePublishesItselfWhenItsTimeComes() {
        Desk d = new Desk();
        String id = d.approved(d.newSeries(), LocalDate.of(2022, 3, 1));
        OffsetDateTime at = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(2);
        d.step(d.reviewer, id, "publish", Map.of("publishAt", at.toString())).then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("publishAt", notNullValue());
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        String status = "APPROVED";
        while (!status.equals("PUBLISHED") && Instant.now().isBefore(deadline)) {
            status = d.get(d.editor, id).path("status");
        }
        assertEquals("PUBLISHED", status, "published by the scheduler within 30 s");
        d.get(d.editor, id).then().body("issueNo", equalTo(1)).body("publishAt", org.hamcrest.Matchers.nullValue());
        Desk.as(d.editor).get(Desk.BULLETINS + "/" + id + "/revisions").then()
                .body("action", org.hamcrest.Matchers.hasItems("schedule", "publish"))
                .body("find { it.action == 'publish' }.actor", equalTo("scheduler"));
    }

    @Test
    void aScheduleInThePastIsRefused() {
        Desk d = new Desk();
        String id = d.approved(d.newSeries(), LocalDate.of(2022, 3, 1));
        assertProblem(d.step(d.reviewer, id, "publish", Map.of("publishAt", "2020-01-01T00:00:00+08:00")).then(), 400, "validation")
                .body("errors.field", org.hamcrest.Matchers.hasItem("publishAt"));
        d.get(d.editor, id).then().body("status", equalTo("APPROVED"));
    }

    static Map<String, Object> historical(String series, int issueNo, int cumulativeNo, String date) {
        Map<String, Object> body = new HashMap<>(Desk.draft(series, LocalDate.parse(date), "梅雪峰"));
        body.put("issueNo", issueNo);
        body.put("cumulativeNo", cumulativeNo);
        return body;
    }
}
