package cn.wenming.common.testing;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import io.agroal.api.AgroalDataSource;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The API conventions every service must keep (../shared/API-CONVENTIONS.md), tested once and run
 * in each service against one of its collections: a service's test extends this and says which
 * collection, how to make a valid new item, and which role may not create one.
 */
public abstract class ConventionsContract {

    private final String collection;
    private final String writerRole;
    private final String deniedRole;
    private final String uniqueField;

    /**
     * @param collection  e.g. {@code /api/v1/bulletin-series}
     * @param writerRole  a role allowed to create items of the collection
     * @param deniedRole  a role not allowed to create them
     * @param uniqueField the field of an item that {@link #newItemJson()} makes unique, to find the items again
     */
    protected ConventionsContract(String collection, String writerRole, String deniedRole, String uniqueField) {
        this.collection = collection;
        this.writerRole = writerRole;
        this.deniedRole = deniedRole;
        this.uniqueField = uniqueField;
    }

    /** A JSON object for a new, valid item, unique on every call (tests run in any order). */
    protected abstract String newItemJson();

    protected final String collection() {
        return collection;
    }

    protected final String writerRole() {
        return writerRole;
    }

    protected final String deniedRole() {
        return deniedRole;
    }

    protected final String uniqueField() {
        return uniqueField;
    }

    /** The service's own database, for what only SQL can try (the audit trail's triggers). */
    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    protected String writer() {
        return TestTokens.bearer("writer-" + UUID.randomUUID(), writerRole());
    }

    protected String reader() {
        return TestTokens.bearer("reader-" + UUID.randomUUID(), "reader", writerRole());
    }

    protected Response create(String json) {
        return given().header("Authorization", writer()).contentType(ContentType.JSON).body(json)
                .post(collection());
    }

    @Test
    void createdItemIsReadBackWithLocationAndETag() {
        Response created = create(newItemJson());
        created.then().statusCode(201).header("Location", containsString(collection() + "/"))
                .header("ETag", equalTo("\"0\"")).body("id", notNullValue());
        String id = created.path("id");
        given().header("Authorization", reader()).get(collection() + "/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("id", equalTo(id));
    }

    @Test
    void malformedJsonIsAProblem() {
        assertProblem(given().header("Authorization", writer()).contentType(ContentType.JSON)
                .body("{\"oops\": ").post(collection()).then(), 400, "malformed-json");
    }

    @Test
    void unknownFieldIsAProblemNamingTheField() {
        String json = newItemJson();
        String withExtra = json.substring(0, json.lastIndexOf('}')) + ",\"colour\":\"红\"}";
        assertProblem(create(withExtra).then(), 400, "unknown-field")
                .body("errors.field", hasItem("colour"));
    }

    @Test
    void serverOwnedFieldsCannotBeSet() {
        String json = newItemJson();
        for (String owned : List.of("\"id\":\"" + UUID.randomUUID() + "\"", "\"version\":7", "\"createdAt\":\"2020-01-01T00:00:00Z\"")) {
            String withOwned = json.substring(0, json.lastIndexOf('}')) + "," + owned + "}";
            assertProblem(create(withOwned).then(), 400, "unknown-field");
        }
    }

    @Test
    void wrongJsonTypesAreProblemsNotConversions() {
        String json = newItemJson();
        String key = uniqueKey();
        for (String wrong : List.of("12345", "true", "{\"a\":1}")) {
            String withWrong = json.replaceFirst("\"" + key + "\"\\s*:\\s*\"[^\"]*\"", "\"" + key + "\":" + wrong);
            assertTrue(!withWrong.equals(json), "the unique field is a string in " + json);
            assertProblem(create(withWrong).then(), 400, "validation").body("errors.field", hasItem(uniqueField()));
        }
    }

    @Test
    void controlCharactersInTextAreProblemsNotServerErrors() {
        String json = newItemJson();
        for (String bad : List.of("\\u0000", "a\\u0001b", "\\ud800")) {
            // inside the value, not at its ends: Jackson trims the ends of ids and dates before parsing them
            String withBad = json.replaceFirst("(\"" + uniqueKey() + "\"\\s*:\\s*\"[^\"\\\\])", "$1" + java.util.regex.Matcher.quoteReplacement(bad));
            assertTrue(!withBad.equals(json), "the unique field is a string in " + json);
            assertProblem(create(withBad).then(), 400, "validation").body("errors.field", hasItem(uniqueField()));
        }
        for (String bad : List.of("%00", "a%01b", "%7F")) {
            assertProblem(given().header("Authorization", reader()).urlEncodingEnabled(false)
                    .get(collection() + "?q=" + bad).then(), 400, "validation").body("errors.field", hasItem("q"));
        }
    }

    /** The JSON key of {@link #uniqueField()} ({@code recipient.name} → {@code name}). */
    private String uniqueKey() {
        return uniqueField().substring(uniqueField().lastIndexOf('.') + 1);
    }

    @Test
    void missingBodyIsAValidationProblem() {
        assertProblem(given().header("Authorization", writer()).contentType(ContentType.JSON)
                .post(collection()).then(), 400, "validation");
    }

    @Test
    void oversizedBodyIsAProblem() {
        String big = "{\"title\":\"" + "长".repeat(1_100_000) + "\"}";
        assertProblem(given().header("Authorization", writer()).contentType(ContentType.JSON.withCharset("UTF-8"))
                .body(big).post(collection()).then(), 413, "payload-too-large");
    }

    @Test
    void wrongMediaTypeIsAProblem() {
        assertProblem(given().header("Authorization", writer()).contentType("text/plain; charset=UTF-8")
                .body(newItemJson()).post(collection()).then(), 415, "unsupported-media-type");
    }

    @Test
    void getWithAnyContentTypeStillWorks() {
        // load tools such as hey send Content-Type on GET; a read must not answer 415
        given().header("Authorization", reader()).contentType("text/html").get(collection())
                .then().statusCode(200);
    }

    @Test
    void unknownIdIsAProblem() {
        assertProblem(given().header("Authorization", reader()).get(collection() + "/" + UUID.randomUUID()).then(),
                404, "not-found");
    }

    @Test
    void idThatIsNotAUuidIsAProblem() {
        assertProblem(given().header("Authorization", reader()).get(collection() + "/1").then(), 404, "not-found");
    }

    @Test
    void unknownPathIsAProblem() {
        assertProblem(given().header("Authorization", reader()).get("/api/v1/no-such-resource").then(), 404, "not-found");
        assertProblem(given().get("/favicon.ico").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIsAProblem() {
        assertProblem(given().header("Authorization", writer()).delete(collection()).then(), 405, "method-not-allowed");
    }

    @Test
    void noTokenIsUnauthenticated() {
        assertProblem(given().get(collection()).then(), 401, "unauthenticated")
                .header("WWW-Authenticate", containsString("Bearer"));
        assertProblem(given().contentType(ContentType.JSON).body(newItemJson()).post(collection()).then(),
                401, "unauthenticated");
    }

    @Test
    void badTokensAreUnauthenticated() {
        assertProblem(given().header("Authorization", "Bearer " + TestTokens.signedByStranger("mallory", writerRole()))
                .get(collection()).then(), 401, "unauthenticated");
        assertProblem(given().header("Authorization", "Bearer not.a.jwt").get(collection()).then(), 401, "unauthenticated");
    }

    @Test
    void wrongRoleIsForbiddenAndChangesNothing() {
        String json = newItemJson();
        assertProblem(given().header("Authorization", TestTokens.bearer("someone", deniedRole()))
                .contentType(ContentType.JSON).body(json).post(collection()).then(), 403, "forbidden");
        String unique = uniqueValue(json);
        assertTrue(allItems().stream().noneMatch(unique::equals), "a refused create stored nothing");
    }

    @Test
    void listsArePagedByCursor() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String json = newItemJson();
            create(json).then().statusCode(201);
            mine.add(uniqueValue(json));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", reader()).queryParam("limit", 2);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(collection());
            page.then().statusCode(200).body("items.size()", lessThanOrEqualTo(2));
            seen.addAll(page.path("items." + uniqueField()));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        assertTrue(pages >= 3, "5 items at 2 a page take at least 3 pages");
        assertTrue(seen.containsAll(mine), "every item is on some page");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no item is on two pages");
    }

    @Test
    void badPagingParametersAreProblems() {
        assertProblem(given().header("Authorization", reader()).queryParam("limit", 101).get(collection()).then(),
                400, "validation").body("errors.field", hasItem("limit"));
        assertProblem(given().header("Authorization", reader()).queryParam("limit", "many").get(collection()).then(),
                400, "validation").body("errors.field", hasItem("limit"));
        assertProblem(given().header("Authorization", reader()).queryParam("cursor", "garbage!").get(collection()).then(),
                400, "validation").body("errors.field", hasItem("cursor"));
        assertProblem(given().header("Authorization", reader()).queryParam("sort", "nonsense").get(collection()).then(),
                400, "validation").body("errors.field", hasItem("sort"));
    }

    @Test
    void requestIdIsEchoedOrCreated() {
        String mine = "test-" + UUID.randomUUID();
        given().header("Authorization", reader()).header("X-Request-Id", mine).get(collection())
                .then().statusCode(200).header("X-Request-Id", equalTo(mine));
        given().header("Authorization", reader()).get(collection())
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Request-Id", mine).get(collection())
                .then().statusCode(401).body("requestId", equalTo(mine));
        // an id that could forge log lines is replaced
        given().header("Authorization", reader()).header("X-Request-Id", "bad id\tinjected").get(collection())
                .then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void everyAnswerHasItsAccessLogLine() throws IOException {
        // the tests' access log is a file (suite-common's config, %test profile)
        Path log = Path.of(ConfigProvider.getConfig().getValue("suite.http.access-log.path", String.class));
        String found = "log-" + UUID.randomUUID();
        String missing = "log-" + UUID.randomUUID();
        String missingPath = collection() + "/" + UUID.randomUUID();
        given().header("Authorization", reader()).header("X-Request-Id", found).queryParam("limit", 1)
                .get(collection()).then().statusCode(200);
        given().header("Authorization", reader()).header("X-Request-Id", missing).get(missingPath).then().statusCode(404);
        List<String> lines = new ArrayList<>();
        Await.until(() -> {
            lines.clear();
            try (var all = Files.lines(log, StandardCharsets.UTF_8)) {
                all.filter(l -> l.contains(" rid=" + found + " ") || l.contains(" rid=" + missing + " ")).forEach(lines::add);
            } catch (IOException | UncheckedIOException notYet) {
                return false;
            }
            return lines.size() == 2;
        }, Duration.ofSeconds(10), Duration.ofMillis(20), "both requests' lines in " + log);
        String stamp = "\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3} INFO  \\[access\\] \\(.+\\) ";
        String ok = lines.stream().filter(l -> l.contains(found)).findFirst().orElseThrow();
        assertTrue(ok.matches(stamp + "rid=" + found + " \\S+ \"GET " + Pattern.quote(collection()) + "\\?\\S*limit=1\\S* HTTP/1.1\" 200 [1-9]\\d* \\d+ms"), ok);
        String notFound = lines.stream().filter(l -> l.contains(missing)).findFirst().orElseThrow();
        assertTrue(notFound.matches(stamp + "rid=" + missing + " \\S+ \"GET " + Pattern.quote(missingPath) + " HTTP/1.1\" 404 [1-9]\\d* \\d+ms"), notFound);
    }

    @Test
    void healthMetricsAndOpenApiAreOpen() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
        given().get("/q/metrics").then().statusCode(200).body(containsString("http_server_requests"));
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", notNullValue())
                .body("info.version", equalTo("1.0.0"))
                .body("paths.'" + collection() + "'.post.responses.'400'.content.'application/problem+json'", notNullValue());
    }

    // --- the audit trail (SECURITY.md, "Audit trail") -------------------------------------------------

    @Test
    void aCreateWritesItsRecordInItsTransaction() {
        String requestId = AuditRecords.requestId();
        String user = "writer-" + UUID.randomUUID();
        String org = TestTokens.OFFICE.toString();   // a writer acts for the office
        Response created = given().header("Authorization", TestTokens.bearer(user, writerRole()))
                .header("X-Request-Id", requestId).header("X-Forwarded-For", "203.0.113.7")
                .contentType(ContentType.JSON).body(newItemJson()).post(collection());
        created.then().statusCode(201);
        Map<String, Object> record = AuditRecords.only(requestId);
        assertEquals("SUCCESS", record.get("outcome"), record.toString());
        assertNull(record.get("status"), "a change's record is written in its transaction, before the answer: " + record);
        assertEquals(user, record.get("user"));
        assertEquals(org, record.get("org"));
        assertEquals(List.of(writerRole()), record.get("roles"));
        assertEquals(requestId, record.get("requestId"));
        assertEquals("203.0.113.7", record.get("clientAddress"), "the forwarded address of a trusted proxy (loopback)");
        assertEquals("POST", record.get("method"));
        assertEquals(collection(), record.get("path"));
        assertEquals(operationId("post", collection()), record.get("operation"), "the operationId of the OpenAPI document");
        assertEquals(created.path("id"), record.get("resourceId"));
        assertNull(record.get("versionBefore"));
        assertEquals(Integer.valueOf(created.header("ETag").replace("\"", "")), record.get("versionAfter"));
        assertNotNull(record.get("resourceType"));
    }

    @Test
    void refusedWritesAreRecorded() {
        String forbidden = AuditRecords.requestId();
        String someone = "denied-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(someone, deniedRole())).header("X-Request-Id", forbidden)
                .contentType(ContentType.JSON).body(newItemJson()).post(collection()).then().statusCode(403);
        Map<String, Object> refusal = AuditRecords.only(forbidden);
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals(403, refusal.get("status"));
        assertEquals(someone, refusal.get("user"));
        assertEquals(List.of(deniedRole()), refusal.get("roles"));
        assertEquals(operationId("post", collection()), refusal.get("operation"));

        String invalid = AuditRecords.requestId();
        given().header("Authorization", writer()).header("X-Request-Id", invalid).contentType(ContentType.JSON)
                .body("{\"oops\": ").post(collection()).then().statusCode(400);
        Map<String, Object> malformed = AuditRecords.only(invalid);
        assertEquals("REFUSED", malformed.get("outcome"));
        assertEquals(400, malformed.get("status"));
        assertTrue(((String) malformed.get("user")).startsWith("writer-"), malformed.toString());
    }

    @Test
    void aStaleIfMatchIsARecordedRefusal() {
        String item = collection() + "/{id}";
        Map<String, Object> put = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .path("paths.'" + item + "'.put");
        if (put == null) {
            // no conditional write on this collection: the service's other conventions test proves the 412's record
            assertNull(given().queryParam("format", "json").get("/q/openapi").then().extract().path("paths.'" + item + "'.patch"));
            return;
        }
        String id = create(newItemJson()).then().statusCode(201).extract().path("id");
        String requestId = AuditRecords.requestId();
        given().header("Authorization", writer()).header("X-Request-Id", requestId).header("If-Match", "\"99\"")
                .contentType(ContentType.JSON).body(newItemJson()).put(collection() + "/" + id).then().statusCode(412);
        Map<String, Object> refusal = AuditRecords.only(requestId);
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals(412, refusal.get("status"));
        assertEquals(id, refusal.get("resourceId"));
        assertEquals(operationId("put", item), refusal.get("operation"));
    }

    @Test
    void aWriteWithoutATokenIsRecorded() {
        String requestId = AuditRecords.requestId();
        given().header("X-Request-Id", requestId).contentType(ContentType.JSON).body(newItemJson()).post(collection())
                .then().statusCode(401);
        Map<String, Object> refusal = AuditRecords.only(requestId);
        assertEquals("REFUSED", refusal.get("outcome"));
        assertEquals(401, refusal.get("status"));
        assertNull(refusal.get("user"));
        assertEquals(List.of(), refusal.get("roles"));
    }

    @Test
    void theTrailVerifies() {
        create(newItemJson()).then().statusCode(201);
        var verification = AuditRecords.verify();
        assertEquals(Boolean.TRUE, verification.get("valid"), verification.prettify());
        assertTrue(verification.getLong("checked") > 0, verification.prettify());
        assertEquals(AuditRecords.service(), verification.get("service"));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAuditRecords() throws SQLException {
        create(newItemJson()).then().statusCode(201);
        for (String sql : List.of("update audit.audit_record set user_name = 'mallory' where seq = (select max(seq) from audit.audit_record)",
                "delete from audit.audit_record where seq = (select max(seq) from audit.audit_record)",
                "truncate audit.audit_record")) {
            try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                SQLException refused = assertThrows(SQLException.class, () -> s.execute(sql), sql);
                assertTrue(refused.getMessage().contains("append-only"), refused.getMessage());
            }
        }
        assertEquals(Boolean.TRUE, AuditRecords.verify().get("valid"));
    }

    @Test
    void theTrailIsForAdminsAndForThisServiceOnly() {
        String records = AuditRecords.base() + "/records";
        String everyRoleButAdmin = TestTokens.bearer("not-admin-" + UUID.randomUUID(), Roles.READER, Roles.EDITOR, Roles.REVIEWER,
                Roles.SERVICE);
        assertProblem(given().header("Authorization", everyRoleButAdmin).get(records).then(), 403, "forbidden");
        assertProblem(given().get(records).then(), 401, "unauthenticated");
        assertProblem(given().header("Authorization", AuditRecords.admin()).get("/api/v1/audit/no-such-service/records").then(),
                404, "not-found");
        given().header("Authorization", AuditRecords.admin()).queryParam("limit", 1).get(records).then().statusCode(200)
                .body("items.size()", lessThanOrEqualTo(1));
        for (String bad : List.of("from=yesterday", "to=2026-13-01", "outcome=MAYBE", "status=abc", "limit=0", "cursor=garbage!")) {
            String name = bad.substring(0, bad.indexOf('='));
            assertProblem(given().header("Authorization", AuditRecords.admin()).get(records + "?" + bad).then(), 400, "validation")
                    .body("errors.field", hasItem(name));
        }
    }

    /** The operationId the service's OpenAPI document gives an operation. */
    private static String operationId(String method, String path) {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .path("paths.'" + path + "'." + method + ".operationId");
    }

    /** Every unique value of the collection, through all pages. */
    protected List<String> allItems() {
        List<String> all = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().header("Authorization", reader()).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response page = request.get(collection());
            page.then().statusCode(200);
            all.addAll(page.path("items." + uniqueField()));
            cursor = page.path("nextCursor");
            pages++;
        } while (cursor != null && pages < 10_000);
        return all;
    }

    private String uniqueValue(String json) {
        return io.restassured.path.json.JsonPath.from(json).getString(uniqueField());
    }

    protected static Set<String> set(String... values) {
        return Set.of(values);
    }
}
