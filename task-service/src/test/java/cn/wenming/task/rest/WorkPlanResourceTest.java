package cn.wenming.task.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The rules of /api/v1/work-plans. Every plan made here takes its year from {@link PlanYears}: never the seed's. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class WorkPlanResourceTest {

    private static final String PLANS = "/api/v1/work-plans";
    private static final String SUMMARY = "聚焦四个方面 23项重点任务";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void newPlanIsADraftShownInOfficeTimeWithETagAndLocation() {
        int year = PlanYears.next();
        String title = uniqueTitle();
        Response created = post(Roles.EDITOR, plan(year, title, SUMMARY));
        created.then().statusCode(201)
                .header("Location", containsString(PLANS + "/"))
                .header("ETag", equalTo("\"0\""))
                .body("year", equalTo(year))
                .body("title", equalTo(title))
                .body("summary", equalTo(SUMMARY))
                .body("status", equalTo("DRAFT"))
                .body("createdAt", endsWith("+08:00"))
                .body("version", equalTo(0));
        String id = created.path("id");
        given().header("Authorization", bearer(Roles.READER)).get(PLANS + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("year", equalTo(year)).body("title", equalTo(title)).body("status", equalTo("DRAFT"))
                .body("updatedAt", endsWith("+08:00"));
    }

    @Test
    void secondPlanForAYearIsAConflictNamingTheYear() {
        Map<String, Object> first = createPlan(uniqueTitle());
        int year = (Integer) first.get("year");
        String second = uniqueTitle();
        assertProblem(post(Roles.EDITOR, plan(year, second, SUMMARY)).then(), 409, "conflict")
                .body("detail", containsString(Integer.toString(year)));
        List<Map<String, Object>> ofYear = all("-year", null).stream().filter(p -> p.get("year").equals(year)).toList();
        assertEquals(1, ofYear.size(), "one plan for " + year);
        assertEquals(first.get("title"), ofYear.get(0).get("title"), "the first plan stays");
    }

    @Test
    void parallelCreatesForOneYearMakeExactlyOnePlan() throws Exception {
        int year = PlanYears.next();
        int writers = 8;
        List<Integer> statuses = AllAtOnce.statuses(writers, i -> post(Roles.EDITOR, plan(year, uniqueTitle(), SUMMARY)).statusCode());
        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one create wins: " + statuses);
        assertEquals(writers - 1, statuses.stream().filter(s -> s == 409).count(), "the others are conflicts: " + statuses);
        assertEquals(1, all("-year", null).stream().filter(p -> p.get("year").equals(year)).count(), "one plan for " + year);
    }

    @Test
    void yearBoundsAreAccepted() {
        // 2000 and 2100 are reserved for this test by PlanYears
        for (int year : new int[] { PlanYears.FIRST, PlanYears.LAST }) {
            post(Roles.EDITOR, plan(year, uniqueTitle(), SUMMARY)).then().statusCode(201).body("year", equalTo(year));
        }
    }

    @Test
    void yearOutsideTheRangeIsAValidationProblemNamingYear() {
        for (int year : new int[] { PlanYears.FIRST - 1, PlanYears.LAST + 1 }) {
            String title = uniqueTitle();
            assertProblem(post(Roles.EDITOR, plan(year, title, SUMMARY)).then(), 400, "validation")
                    .body("errors.field", hasItem("year"));
            assertTrue(titles().stream().noneMatch(title::equals), "nothing stored for " + year);
        }
    }

    @Test
    void missingOrNonNumericYearIsAValidationProblemNamingYear() {
        Map<String, Object> noYear = new HashMap<>(Map.of("title", uniqueTitle(), "summary", SUMMARY));
        assertProblem(post(Roles.EDITOR, noYear).then(), 400, "validation").body("errors.field", hasItem("year"));
        assertProblem(post(Roles.EDITOR, Map.of("year", "二〇二〇", "title", uniqueTitle())).then(), 400, "validation")
                .body("errors.field", hasItem("year"));
    }

    @Test
    void blankOrOverlongTitleIsAValidationProblemNamingTitle() {
        int year = PlanYears.next();
        for (String title : new String[] { "", "   ", "工".repeat(201) }) {
            assertProblem(post(Roles.EDITOR, plan(year, title, SUMMARY)).then(), 400, "validation")
                    .body("errors.field", hasItem("title"));
        }
        Map<String, Object> noTitle = new HashMap<>(Map.of("year", year));
        assertProblem(post(Roles.EDITOR, noTitle).then(), 400, "validation").body("errors.field", hasItem("title"));
        // the year is still free: nothing was stored
        post(Roles.EDITOR, plan(year, "工".repeat(200), null)).then().statusCode(201);
    }

    @Test
    void overlongSummaryIsAValidationProblemNamingSummary() {
        String title = uniqueTitle();
        assertProblem(post(Roles.EDITOR, plan(PlanYears.next(), title, "要".repeat(501))).then(), 400, "validation")
                .body("errors.field", hasItem("summary"));
        assertTrue(titles().stream().noneMatch(title::equals), "nothing stored");
    }

    @Test
    void statusIsTheServersAndCannotBeSet() {
        String title = uniqueTitle();
        Map<String, Object> body = plan(PlanYears.next(), title, SUMMARY);
        body.put("status", "ACTIVE");
        assertProblem(post(Roles.EDITOR, body).then(), 400, "unknown-field").body("errors.field", hasItem("status"));
        assertTrue(titles().stream().noneMatch(title::equals), "nothing stored");
    }

    @Test
    void editorsAndAdminsCreateAndEveryRoleReads() {
        String byAdmin = uniqueTitle();
        String id = post(Roles.ADMIN, plan(PlanYears.next(), byAdmin, SUMMARY)).then().statusCode(201).extract().path("id");
        for (String denied : new String[] { Roles.READER, Roles.REVIEWER, Roles.SERVICE }) {
            String title = uniqueTitle();
            assertProblem(post(denied, plan(PlanYears.next(), title, SUMMARY)).then(), 403, "forbidden");
            assertTrue(titles().stream().noneMatch(title::equals), denied + " stored nothing");
        }
        for (String role : new String[] { Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN }) {
            given().header("Authorization", bearer(role)).get(PLANS + "/" + id).then().statusCode(200)
                    .body("title", equalTo(byAdmin));
        }
        // a service of the suite may call only what it needs: bulletin-service reads tasks, not plans
        assertProblem(given().header("Authorization", TestTokens.serviceBearer("bulletin-service")).get(PLANS + "/" + id).then(),
                403, "forbidden");
    }

    @Test
    void listIsNewestYearFirstByDefault() {
        createPlan(uniqueTitle());
        createPlan(uniqueTitle());
        List<Integer> years = all(null, null).stream().map(p -> (Integer) p.get("year")).toList();
        assertTrue(years.size() >= 3, "the seed and two plans: " + years);
        for (int i = 1; i < years.size(); i++) {
            assertTrue(years.get(i - 1) > years.get(i), "newest year first: " + years);
        }
    }

    @Test
    void sortByYearIsOldestFirst() {
        createPlan(uniqueTitle());
        createPlan(uniqueTitle());
        List<Integer> years = all("year", null).stream().map(p -> (Integer) p.get("year")).toList();
        assertTrue(years.size() >= 3, "the seed and two plans: " + years);
        for (int i = 1; i < years.size(); i++) {
            assertTrue(years.get(i - 1) < years.get(i), "oldest year first: " + years);
        }
    }

    @Test
    void sortByCreatedAtPagesInCreationOrder() {
        String earlier = (String) createPlan(uniqueTitle()).get("id");
        String later = (String) createPlan(uniqueTitle()).get("id");

        List<Map<String, Object>> oldestFirst = pages("createdAt", null, 2);
        List<String> ids = oldestFirst.stream().map(p -> (String) p.get("id")).toList();
        assertEquals(ids.size(), new HashSet<>(ids).size(), "no plan on two pages");
        assertTrue(ids.indexOf(earlier) >= 0 && ids.indexOf(earlier) < ids.indexOf(later), "earlier before later");
        for (int i = 1; i < oldestFirst.size(); i++) {
            assertTrue(!createdAt(oldestFirst.get(i)).isBefore(createdAt(oldestFirst.get(i - 1))), "by creation time");
        }

        List<String> newestFirst = pages("-createdAt", null, 2).stream().map(p -> (String) p.get("id")).toList();
        assertTrue(newestFirst.indexOf(later) >= 0 && newestFirst.indexOf(later) < newestFirst.indexOf(earlier),
                "later before earlier");
    }

    @Test
    void statusFilterKeepsOnlyPlansInThatStatus() {
        String title = (String) createPlan(uniqueTitle()).get("title");
        List<Map<String, Object>> drafts = all(null, "DRAFT");
        assertTrue(drafts.stream().anyMatch(p -> p.get("title").equals(title)), "a new plan is a draft");
        assertTrue(drafts.stream().allMatch(p -> p.get("status").equals("DRAFT")), "drafts only");
        for (String other : new String[] { "ACTIVE", "CLOSED" }) {
            List<Map<String, Object>> plans = all(null, other);
            assertTrue(plans.stream().noneMatch(p -> p.get("title").equals(title)), "a draft is not " + other);
            assertTrue(plans.stream().allMatch(p -> p.get("status").equals(other)), other + " only");
        }
    }

    @Test
    void unknownStatusFilterIsAValidationProblemNamingStatus() {
        assertProblem(given().header("Authorization", bearer(Roles.READER)).queryParam("status", "PUBLISHED")
                .get(PLANS).then(), 400, "validation").body("errors.field", hasItem("status"));
    }

    @Test
    void seedPlanIsLoadedOnceWithTheSeedsTitleAndSummary() {
        JsonNode seed = SeedFile.workPlan();
        int year = seed.path("year").asInt();
        List<Map<String, Object>> ofYear = all(null, null).stream().filter(p -> p.get("year").equals(year)).toList();
        assertEquals(1, ofYear.size(), "one plan for the seed's year " + year);
        assertEquals(seed.path("title").asText(), ofYear.get(0).get("title"));
        assertEquals(seed.path("summary").asText(), ofYear.get(0).get("summary"));
        assertEquals("DRAFT", ofYear.get(0).get("status"));
    }

    // --- helpers -----------------------------------------------------------------------------

    private static String uniqueTitle() {
        return "首都精神文明建设工作（测试 " + UUID.randomUUID() + "）";
    }

    private static String bearer(String role) {
        return TestTokens.bearer(role + "-" + UUID.randomUUID(), role);
    }

    private static Map<String, Object> plan(int year, String title, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("year", year);
        body.put("title", title);
        if (summary != null) {
            body.put("summary", summary);
        }
        return body;
    }

    private static Response post(String role, Map<String, Object> body) {
        return given().header("Authorization", bearer(role)).contentType(ContentType.JSON).body(body).post(PLANS);
    }

    /** A new plan with a year of its own (should that year be taken after all, the next). */
    private static Map<String, Object> createPlan(String title) {
        Response created = post(Roles.EDITOR, plan(PlanYears.next(), title, SUMMARY));
        for (int tries = 0; created.statusCode() == 409 && tries < 3; tries++) {
            created = post(Roles.EDITOR, plan(PlanYears.next(), title, SUMMARY));
        }
        created.then().statusCode(201);
        return created.path("");
    }

    private static List<Map<String, Object>> all(String sort, String status) {
        return pages(sort, status, 100);
    }

    /** Every plan, page by page. */
    private static List<Map<String, Object>> pages(String sort, String status, int limit) {
        List<Map<String, Object>> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", bearer(Roles.READER)).queryParam("limit", limit);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (status != null) {
                request.queryParam("status", status);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(PLANS);
            page.then().statusCode(200);
            all.addAll(page.path("items"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1_000);
        return all;
    }

    private static List<String> titles() {
        return all(null, null).stream().map(p -> (String) p.get("title")).toList();
    }

    private static OffsetDateTime createdAt(Map<String, Object> plan) {
        return OffsetDateTime.parse((String) plan.get("createdAt"));
    }
}
