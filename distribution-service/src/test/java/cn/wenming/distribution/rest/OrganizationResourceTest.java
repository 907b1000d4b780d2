package cn.wenming.distribution.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.security.Roles;
import cn.wenming.common.seed.Seed;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The rules of organizations, one test each; every test makes its own organizations. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class OrganizationResourceTest {

    private static final String PATH = "/api/v1/organizations";

    /** The seed's 报/送/发 parts and the kind each gives, highest first. */
    private static final List<Map.Entry<String, String>> PARTS = List.of(
            Map.entry("REPORT", "SUPERIOR"), Map.entry("SEND", "PEER"), Map.entry("ISSUE", "SUBORDINATE"));

    @Inject
    Seed seed;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void duplicateNameIsAConflictNamingTheName() {
        String name = unique("市委宣传部");
        create(json(name, "PEER")).then().statusCode(201);
        assertProblem(create(json(name, "SUBORDINATE")).then(), 409, "conflict")
                .body("detail", containsString(name));
        // surrounding spaces do not make another name
        assertProblem(create(json("  " + name + " ", "PEER")).then(), 409, "conflict")
                .body("detail", containsString(name));
        assertEquals(1, all("").stream().filter(o -> name.equals(o.get("name"))).count(), "the name is stored once");
    }

    @Test
    void concurrentCreatesOfOneNameStoreItOnce() throws Exception {
        String name = unique("各区文明办");
        int callers = 8;
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return create(json(name, "SUBORDINATE")).statusCode();
                }));
            }
            go.countDown();
            Map<Integer, Integer> counts = new LinkedHashMap<>();
            for (Future<Integer> answer : answers) {
                counts.merge(answer.get(60, TimeUnit.SECONDS), 1, Integer::sum);
            }
            assertEquals(Map.of(201, 1, 409, callers - 1), counts, "one create wins, the others are conflicts");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, all("").stream().filter(o -> name.equals(o.get("name"))).count());
    }

    @Test
    void createdOrganizationShowsWhatWasSetInOfficeTime() {
        String name = unique("  中央文明办");
        Response created = create("""
                {"name":"%s","shortName":" 文明办 ","kind":"SUPERIOR","contactPerson":"梅雪峰","contactPhone":"+86 (10) 5556-9506"}"""
                .formatted(name));
        created.then().statusCode(201)
                .header("Location", endsWith(PATH + "/" + created.path("id")))
                .body("name", equalTo(name.strip()))
                .body("shortName", equalTo("文明办"))
                .body("kind", equalTo("SUPERIOR"))
                .body("contactPerson", equalTo("梅雪峰"))
                .body("contactPhone", equalTo("+86 (10) 5556-9506"))
                .body("createdAt", endsWith("+08:00"))
                .body("version", equalTo(0));
        String createdAt = created.path("createdAt");
        given().header("Authorization", as(Roles.READER)).get(PATH + "/" + created.path("id"))
                .then().statusCode(200)
                .body("name", equalTo(name.strip()))
                .body("createdAt", equalTo(createdAt))
                .body("updatedAt", equalTo(createdAt));
    }

    @Test
    void optionalFieldsMayBeLeftOut() {
        String name = unique("有关新闻单位");
        create("{\"name\":\"%s\",\"kind\":\"SUBORDINATE\"}".formatted(name)).then().statusCode(201)
                .body("shortName", nullValue())
                .body("contactPerson", nullValue())
                .body("contactPhone", nullValue());
    }

    @Test
    void missingNameAndKindAreValidationProblemsNamingTheFields() {
        assertProblem(create("{\"shortName\":\"文明办\"}").then(), 400, "validation")
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("kind"));
        assertProblem(create("{\"name\":\"   \",\"kind\":\"PEER\"}").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("name")));
    }

    @Test
    void tooLongTextIsAValidationProblemNamingTheField() {
        assertProblem(create(json("单".repeat(101), "PEER")).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("name")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"shortName\":\"%s\"}"
                .formatted(unique("市级群众团体"), "简".repeat(31))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("shortName")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"contactPerson\":\"%s\"}"
                .formatted(unique("市级群众团体"), "人".repeat(51))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("contactPerson")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"contactPhone\":\"%s\"}"
                .formatted(unique("市级群众团体"), "1".repeat(31))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("contactPhone")));
    }

    @Test
    void phoneWithLettersIsAValidationProblem() {
        String name = unique("首都文明委委员");
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"contactPhone\":\"call 55569506\"}".formatted(name)).then(),
                400, "validation").body("errors.field", equalTo(List.of("contactPhone")));
        assertTrue(all("").stream().noneMatch(o -> name.equals(o.get("name"))), "nothing was stored");
    }

    @Test
    void unknownKindIsAValidationProblemNamingKind() {
        assertProblem(create(json(unique("市委、市政府各部委办局"), "SIDEWAYS")).then(), 400, "validation")
                .body("errors.field", hasItem("kind"));
        assertProblem(given().header("Authorization", as(Roles.READER)).queryParam("kind", "SIDEWAYS").get(PATH).then(),
                400, "validation").body("errors.field", hasItem("kind"));
    }

    @Test
    void onlyAnAdminCreates() {
        for (String token : List.of(as(Roles.READER), as(Roles.EDITOR), as(Roles.REVIEWER), TestTokens.serviceBearer("bulletin-service"),
                TestTokens.bearerForBody("朝阳区管理员", UUID.randomUUID(), Roles.ADMIN))) {
            String name = unique("各总公司、高等院校");
            assertProblem(given().header("Authorization", token).contentType(ContentType.JSON).body(json(name, "PEER"))
                    .post(PATH).then(), 403, "forbidden");
        }
        create(json(unique("各总公司、高等院校"), "PEER")).then().statusCode(201);
    }

    @Test
    void everyRoleOfTheOfficeAndOtherBodiesStaffRead() {
        String id = create(json(unique("市委、市人大、市政府、市政协"), "SUPERIOR")).then().statusCode(201).extract().path("id");
        for (String token : List.of(as(Roles.READER), as(Roles.EDITOR), as(Roles.REVIEWER), as(Roles.ADMIN),
                TestTokens.bearerForBody("朝阳区编辑", UUID.randomUUID(), Roles.EDITOR))) {
            given().header("Authorization", token).get(PATH + "/" + id).then().statusCode(200)
                    .header("ETag", equalTo("\"0\"")).body("id", equalTo(id));
            given().header("Authorization", token).queryParam("limit", 1).get(PATH).then().statusCode(200);
        }
        // recipient systems and services of the suite have no business with the register of bodies
        for (String token : List.of(TestTokens.recipient(UUID.fromString(id)), TestTokens.serviceBearer("bulletin-service"))) {
            assertProblem(given().header("Authorization", token).get(PATH + "/" + id).then(), 403, "forbidden");
        }
    }

    @Test
    void listKeepsOneKindWhenAsked() {
        String peer = unique("平级单位");
        String subordinate = unique("下级单位");
        create(json(peer, "PEER")).then().statusCode(201);
        create(json(subordinate, "SUBORDINATE")).then().statusCode(201);
        List<Map<String, Object>> peers = all("kind=PEER");
        assertTrue(peers.stream().allMatch(o -> "PEER".equals(o.get("kind"))), "only peers");
        assertTrue(peers.stream().anyMatch(o -> peer.equals(o.get("name"))), "the new peer is listed");
        assertTrue(peers.stream().noneMatch(o -> subordinate.equals(o.get("name"))), "the subordinate is not");
    }

    @Test
    void listIsByNameUnlessSortedOtherwise() {
        String stem = unique("排序单位");
        for (String n : List.of("2", "3", "1")) {
            create(json(stem + n, "PEER")).then().statusCode(201);
        }
        assertEquals(List.of(stem + "1", stem + "2", stem + "3"), mine(all(""), stem), "by name by default");
        assertEquals(List.of(stem + "3", stem + "2", stem + "1"), mine(all("sort=-name"), stem), "-name reverses");
        assertEquals(List.of(stem + "2", stem + "3", stem + "1"), mine(all("sort=createdAt"), stem), "oldest first");
        assertEquals(List.of(stem + "1", stem + "3", stem + "2"), mine(all("sort=-createdAt"), stem), "newest first");
    }

    @Test
    void seedRecipientGroupsExistWithTheKindOfTheirHighestPart() {
        JsonNode distribution = seed.expected().orElseThrow(() -> new AssertionError("the test profile reads the seed"))
                .path("bulletin").path("distribution");
        Map<String, String> expected = new LinkedHashMap<>();
        for (var part : PARTS) {
            distribution.path(part.getKey()).forEach(name -> expected.putIfAbsent(name.asText(), part.getValue()));
        }
        assertEquals(10, expected.size(), "the seed names ten recipient groups");
        Map<String, String> stored = new LinkedHashMap<>();
        all("limit=100").forEach(o -> stored.put((String) o.get("name"), (String) o.get("kind")));
        expected.forEach((name, kind) -> assertEquals(kind, stored.get(name), name));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String json(String name, String kind) {
        return "{\"name\":\"%s\",\"kind\":\"%s\"}".formatted(name, kind);
    }

    private static String as(String role) {
        return TestTokens.bearer(role + "-" + UUID.randomUUID(), role);
    }

    private static Response create(String json) {
        return given().header("Authorization", as(Roles.ADMIN)).contentType(ContentType.JSON).body(json).post(PATH);
    }

    private static List<String> mine(List<Map<String, Object>> items, String stem) {
        return items.stream().map(o -> (String) o.get("name")).filter(n -> n.startsWith(stem)).toList();
    }

    /** Every organization through all pages, for a query such as {@code kind=PEER&sort=-name}. */
    private static List<Map<String, Object>> all(String query) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", as(Roles.READER)).queryParam("limit", 100);
            for (String pair : query.isEmpty() ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (!kv[0].equals("limit")) {
                    request.queryParam(kv[0], kv[1]);
                }
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(PATH);
            page.then().statusCode(200);
            items.addAll(page.path("items"));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 1_000);
        return items;
    }
}
