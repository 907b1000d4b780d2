package cn.wenming.honors.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The rules of honor programs, one test each, over HTTP against a real PostgreSQL. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class HonorProgramResourceTest {

    private static final String PROGRAMS = "/api/v1/honor-programs";
    private static final List<String> MORAL_MODEL_CATEGORIES = List.of("助人为乐", "见义勇为", "诚实守信", "敬业奉献", "孝老爱亲");

    @Inject
    SessionFactory sessionFactory;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    // --- the seed ------------------------------------------------------------------------------

    @Test
    void seededProgramsMatchTheSeedJson() throws IOException {
        JsonNode honors = new ObjectMapper()
                .readTree(Path.of("../../shared/seed/bulletin-2020-17.expected.json").toFile()).path("honors");
        List<Map<String, Object>> all = allPrograms(Map.of());

        List<String> categories = new ArrayList<>();
        honors.path("moralModelCategories").forEach(c -> categories.add(c.asText()));
        Map<String, Object> moralModels = only(all, "首都道德模范");
        assertEquals(categories, moralModels.get("categories"), "首都道德模范 has the seed's categories, in order");
        assertEquals("PERSON", moralModels.get("recipientKind"));
        assertEquals("SESSION", moralModels.get("periodKind"));
        assertNull(moralModels.get("termYears"));

        honors.path("mentions").forEach(m -> {
            Map<String, Object> program = only(all, m.path("program").asText());
            assertEquals(m.has("session") ? "SESSION" : "YEAR", program.get("periodKind"), m.path("program").asText());
        });
        assertEquals("PERSON", only(all, "北京榜样").get("recipientKind"));
        assertEquals("UNIT", only(all, "背街小巷环境整治提升和深化文明创建先进典型").get("recipientKind"));

        Map<String, String> holders = Map.of("文明城区", "UNIT", "文明村镇", "VILLAGE", "文明单位", "UNIT",
                "文明家庭", "FAMILY", "文明校园", "CAMPUS");
        assertEquals(holders.size(), honors.path("creationPrograms").size());
        honors.path("creationPrograms").forEach(c -> {
            Map<String, Object> program = only(all, c.asText());
            assertEquals(holders.get(c.asText()), program.get("recipientKind"), c.asText());
            assertEquals("YEAR", program.get("periodKind"), c.asText());
            assertEquals(3, program.get("termYears"), c.asText());
            assertEquals(List.of(), program.get("categories"), c.asText());
        });
    }

    // --- creating ------------------------------------------------------------------------------

    @Test
    void categoriesKeepTheirOrderAndTimesAreTheOffices() {
        List<String> order = List.of("孝老爱亲", "助人为乐", "敬业奉献", "见义勇为", "诚实守信");
        Response created = create(program(unique("首都道德模范"), "PERSON", "SESSION", order, null));
        created.then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("categories", equalTo(order))
                .body("termYears", nullValue())
                .body("createdAt", endsWith("+08:00"))
                .body("updatedAt", endsWith("+08:00"));
        String id = created.path("id");
        given().header("Authorization", reader()).get(created.header("Location"))
                .then().statusCode(200)
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(id))
                .body("categories", equalTo(order))
                .body("createdAt", equalTo(created.<String>path("createdAt")));
    }

    @Test
    void aUnitTitleKeepsItsTerm() {
        String name = unique("文明单位");
        create(program(name, "UNIT", "YEAR", List.of(), 3)).then().statusCode(201).body("termYears", equalTo(3));
        assertEquals(3, only(allPrograms(Map.of("recipientKind", "UNIT")), name).get("termYears"));
    }

    @Test
    void absentCategoriesAreAnEmptyList() {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", unique("北京榜样"), "recipientKind", "PERSON", "periodKind", "YEAR"));
        Response created = create(body);
        created.then().statusCode(201).body("categories", equalTo(List.of()));
        given().header("Authorization", reader()).get(created.header("Location"))
                .then().statusCode(200).body("categories", equalTo(List.of()));
    }

    @Test
    void namesAndCategoriesAreTrimmed() {
        String name = unique("北京榜样");
        create(program("  " + name + " ", "PERSON", "YEAR", List.of(" 助人为乐 ", "见义勇为"), null))
                .then().statusCode(201)
                .body("name", equalTo(name))
                .body("categories", equalTo(List.of("助人为乐", "见义勇为")));
    }

    @Test
    void aDuplicateNameIsAConflictNamingTheName() {
        String name = unique("首都道德模范");
        String first = create(program(name, "PERSON", "SESSION", MORAL_MODEL_CATEGORIES, null)).then().statusCode(201)
                .extract().path("id");
        assertProblem(create(program(name, "UNIT", "YEAR", List.of(), 3)).then(), 409, "conflict")
                .body("detail", containsString(name));
        // the same name with blanks around it is the same name
        assertProblem(create(program(" " + name + " ", "PERSON", "YEAR", List.of(), null)).then(), 409, "conflict")
                .body("detail", containsString(name));
        Map<String, Object> kept = only(allPrograms(Map.of()), name);
        assertEquals(first, kept.get("id"), "the first program stays, unchanged");
        assertEquals("PERSON", kept.get("recipientKind"));
    }

    @Test
    void parallelCreatesOfOneNameMakeOneProgram() throws Exception {
        String name = unique("文明校园");
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return create(program(name, "CAMPUS", "YEAR", List.of(), 3)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> a : answers) {
                codes.add(a.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, Collections.frequency(codes, 201), "one create wins: " + codes);
            assertEquals(writers - 1, Collections.frequency(codes, 409), "every other is a conflict: " + codes);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, allPrograms(Map.of("recipientKind", "CAMPUS")).stream().filter(p -> name.equals(p.get("name"))).count());
    }

    @Test
    void aCreateThatLosesTheRaceForTheNameIsAConflict() throws Exception {
        // another transaction holds the name, uncommitted: the create passes its check, then waits
        // on the unique index, and must answer 409 (not 500) once that transaction commits
        String name = unique("文明单位");
        var config = ConfigProvider.getConfig();
        try (Connection other = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class))) {
            other.setAutoCommit(false);
            try (PreparedStatement insert = other.prepareStatement("insert into honor_program "
                    + "(id, name, recipient_kind, period_kind, term_years, created_at, updated_at, version) "
                    + "values (?, ?, 'UNIT', 'YEAR', 3, now(), now(), 0)")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, name);
                insert.executeUpdate();
            }
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Response> answer = pool.submit(() -> create(program(name, "UNIT", "YEAR", List.of(), 3)));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!waitingOnALock(other) && !answer.isDone()) {
                    assertTrue(System.nanoTime() < deadline, "the create never reached the unique index");
                }
                other.commit();
                assertProblem(answer.get(60, TimeUnit.SECONDS).then(), 409, "conflict").body("detail", containsString(name));
            } finally {
                pool.shutdownNow();
            }
        }
        assertEquals(1, allPrograms(Map.of("recipientKind", "UNIT")).stream().filter(p -> name.equals(p.get("name"))).count());
    }

    private static boolean waitingOnALock(Connection connection) throws SQLException {
        try (var query = connection.createStatement();
                var rows = query.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'")) {
            rows.next();
            return rows.getInt(1) > 0;
        }
    }

    // --- invalid input -------------------------------------------------------------------------

    @Test
    void aTermOnAPersonProgramIsRejectedNamingTermYears() {
        String name = unique("北京榜样");
        assertProblem(create(program(name, "PERSON", "YEAR", List.of(), 3)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("termYears")));
        assertNotStored(name);
    }

    @Test
    void aTermOutsideOneToTenIsRejectedNamingTermYears() {
        for (int years : new int[] { 0, 11, -3 }) {
            String name = unique("文明家庭");
            assertProblem(create(program(name, "FAMILY", "YEAR", List.of(), years)).then(), 400, "validation")
                    .body("errors.field", hasItem("termYears"));
            assertNotStored(name);
        }
        create(program(unique("文明家庭"), "FAMILY", "YEAR", List.of(), 1)).then().statusCode(201);
        create(program(unique("文明家庭"), "FAMILY", "YEAR", List.of(), 10)).then().statusCode(201);
    }

    @Test
    void repeatedCategoriesAreRejectedNamingCategories() {
        String name = unique("首都道德模范");
        assertProblem(create(program(name, "PERSON", "SESSION", List.of("助人为乐", "见义勇为", "助人为乐"), null)).then(),
                400, "validation")
                .body("errors.field", equalTo(List.of("categories")))
                .body("detail", containsString("助人为乐"));
        assertProblem(create(program(name, "PERSON", "SESSION", List.of("见义勇为", " 见义勇为"), null)).then(),
                400, "validation")
                .body("errors.field", equalTo(List.of("categories")));
        assertNotStored(name);
    }

    @Test
    void aBlankOrLongCategoryIsRejectedNamingIt() {
        String name = unique("首都道德模范");
        assertProblem(create(program(name, "PERSON", "SESSION", List.of("助人为乐", " "), null)).then(), 400, "validation")
                .body("errors.field", hasItem("categories[1]"));
        assertProblem(create(program(name, "PERSON", "SESSION", List.of("助".repeat(31)), null)).then(), 400, "validation")
                .body("errors.field", hasItem("categories[0]"));
        List<String> withNull = new ArrayList<>(List.of("助人为乐"));
        withNull.add(null);
        assertProblem(create(program(name, "PERSON", "SESSION", withNull, null)).then(), 400, "validation")
                .body("errors.field", hasItem("categories[1]"));
        assertNotStored(name);
        create(program(name, "PERSON", "SESSION", List.of("助".repeat(30)), null)).then().statusCode(201);
    }

    @Test
    void moreThanTwentyCategoriesAreRejectedNamingCategories() {
        String name = unique("首都道德模范");
        List<String> many = IntStream.rangeClosed(1, 21).mapToObj(i -> "类别" + i).toList();
        assertProblem(create(program(name, "PERSON", "SESSION", many, null)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("categories")));
        assertNotStored(name);
        create(program(name, "PERSON", "SESSION", many.subList(0, 20), null)).then().statusCode(201)
                .body("categories.size()", equalTo(20));
    }

    @Test
    void requiredFieldsAreNamed() {
        assertProblem(create(Map.of()).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("name", "periodKind", "recipientKind")));
        assertProblem(create(program(" ", "PERSON", "YEAR", List.of(), null)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("name")));
    }

    @Test
    void aNameLongerThanOneHundredIsRejected() {
        String name = "先".repeat(101);
        assertProblem(create(program(name, "PERSON", "YEAR", List.of(), null)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("name")));
        assertNotStored(name);
    }

    @Test
    void unknownKindsAreRejectedNamingTheField() {
        assertProblem(create(program(unique("北京榜样"), "PERSONS", "YEAR", List.of(), null)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("recipientKind")));
        assertProblem(create(program(unique("北京榜样"), "PERSON", "MONTH", List.of(), null)).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("periodKind")));
    }

    // --- roles ---------------------------------------------------------------------------------

    @Test
    void onlyAnAdminCreatesButEveryRoleReads() {
        String name = unique("文明城区");
        for (String token : List.of(TestTokens.bearer("u-reader", Roles.READER), TestTokens.bearer("u-editor", Roles.EDITOR),
                TestTokens.bearer("u-reviewer", Roles.REVIEWER), TestTokens.serviceBearer("bulletin-service"))) {
            assertProblem(given().header("Authorization", token).contentType(ContentType.JSON)
                    .body(program(name, "UNIT", "YEAR", List.of(), 3)).post(PROGRAMS).then(), 403, "forbidden");
        }
        assertNotStored(name);
        String location = create(program(name, "UNIT", "YEAR", List.of(), 3)).then().statusCode(201).extract().header("Location");
        for (String role : List.of(Roles.READER, Roles.EDITOR, Roles.REVIEWER, Roles.ADMIN)) {
            String token = TestTokens.bearer("u-" + role, role);
            given().header("Authorization", token).get(location).then().statusCode(200).body("name", equalTo(name));
            given().header("Authorization", token).get(PROGRAMS).then().statusCode(200);
        }
        assertProblem(given().header("Authorization", TestTokens.recipient(java.util.UUID.randomUUID())).get(location).then(), 403, "forbidden");
    }

    // --- lists ---------------------------------------------------------------------------------

    @Test
    void listsFilterByRecipientKind() {
        String family = unique("文明家庭");
        String village = unique("文明村镇");
        create(program(family, "FAMILY", "YEAR", List.of(), 3)).then().statusCode(201);
        create(program(village, "VILLAGE", "YEAR", List.of(), 3)).then().statusCode(201);
        List<Map<String, Object>> families = allPrograms(Map.of("recipientKind", "FAMILY"));
        assertTrue(families.stream().allMatch(p -> "FAMILY".equals(p.get("recipientKind"))), "only FAMILY programs");
        assertTrue(names(families).contains(family));
        assertFalse(names(families).contains(village));
        assertTrue(names(allPrograms(Map.of("recipientKind", "VILLAGE"))).contains(village));
    }

    @Test
    void anUnknownRecipientKindFilterIsAProblem() {
        assertProblem(given().header("Authorization", reader()).queryParam("recipientKind", "ALIEN").get(PROGRAMS).then(),
                400, "validation").body("errors.field", equalTo(List.of("recipientKind")));
    }

    @Test
    void listsSortByNameOrByCreationTime() {
        String prefix = unique("排序测试");
        List<String> mine = List.of(prefix + "-B", prefix + "-A", prefix + "-C");
        for (String name : mine) {
            create(program(name, "COMMUNITY", "YEAR", List.of(), 2)).then().statusCode(201);
        }
        List<String> byName = names(allPrograms(Map.of("recipientKind", "COMMUNITY", "limit", 2))).stream()
                .filter(n -> n.startsWith(prefix)).toList();
        assertEquals(List.of(prefix + "-A", prefix + "-B", prefix + "-C"), byName);

        List<Map<String, Object>> newestFirst = allPrograms(Map.of("recipientKind", "COMMUNITY", "sort", "-createdAt", "limit", 2));
        List<OffsetDateTime> times = newestFirst.stream().map(p -> OffsetDateTime.parse((String) p.get("createdAt"))).toList();
        for (int i = 1; i < times.size(); i++) {
            assertFalse(times.get(i).isAfter(times.get(i - 1)), "newest first: " + times);
        }
        assertEquals(List.of(prefix + "-C", prefix + "-A", prefix + "-B"),
                names(newestFirst).stream().filter(n -> n.startsWith(prefix)).toList());
        assertEquals(newestFirst.size(), newestFirst.stream().map(p -> p.get("id")).distinct().count(), "no item twice");
    }

    @Test
    void aListLoadsTheCategoriesOfAPageInOneQuery() {
        for (int i = 0; i < 3; i++) {
            create(program(unique("首都道德模范"), "PERSON", "SESSION", MORAL_MODEL_CATEGORIES, null)).then().statusCode(201);
        }
        var statistics = sessionFactory.getStatistics();
        statistics.clear();
        Response page = given().header("Authorization", reader()).queryParam("limit", 100).get(PROGRAMS);
        page.then().statusCode(200).body("items.size()", greaterThanOrEqualTo(4));
        List<List<String>> categories = page.path("items.categories");
        assertTrue(categories.stream().filter(MORAL_MODEL_CATEGORIES::equals).count() >= 4, "categories are shown");
        assertEquals(2, statistics.getPrepareStatementCount(),
                "one query for the page, one for all its categories (no query per program)");
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    private static String admin() {
        return TestTokens.bearer("admin-" + UUID.randomUUID(), Roles.ADMIN);
    }

    private static String reader() {
        return TestTokens.bearer("reader-" + UUID.randomUUID(), Roles.READER);
    }

    private static Map<String, Object> program(String name, String recipientKind, String periodKind, List<String> categories,
            Integer termYears) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("recipientKind", recipientKind);
        body.put("periodKind", periodKind);
        body.put("categories", categories);
        if (termYears != null) {
            body.put("termYears", termYears);
        }
        return body;
    }

    private static Response create(Map<String, Object> body) {
        return given().header("Authorization", admin()).contentType(ContentType.JSON).body(body).post(PROGRAMS);
    }

    /** Every program of the list under these query parameters, through all pages. */
    private static List<Map<String, Object>> allPrograms(Map<String, Object> query) {
        return Office.everyItem(reader(), PROGRAMS, query);
    }

    private static List<String> names(List<Map<String, Object>> programs) {
        return programs.stream().map(p -> (String) p.get("name")).toList();
    }

    private static Map<String, Object> only(List<Map<String, Object>> programs, String name) {
        List<Map<String, Object>> found = programs.stream().filter(p -> name.equals(p.get("name"))).toList();
        assertEquals(1, found.size(), "exactly one program named " + name);
        assertNotNull(found.get(0).get("id"));
        return found.get(0);
    }

    private static void assertNotStored(String name) {
        assertTrue(names(allPrograms(Map.of())).stream().noneMatch(name.strip()::equals), name + " was not stored");
    }
}
