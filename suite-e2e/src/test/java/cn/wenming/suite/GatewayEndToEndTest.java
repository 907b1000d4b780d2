package cn.wenming.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The suite as one: the four packaged services on one embedded PostgreSQL, with the seed, behind
 * the real nginx gateway, started as {@code ./suite run} starts them (same launcher, other ports).
 */
class GatewayEndToEndTest {

    /** A resource of each service and a value the seed puts in it. */
    private static final Map<String, String[]> SEEDED = Map.of(
            "bulletin-service", new String[] { "/api/v1/bulletin-series", "title", "首都精神文明建设情况简报" },
            "task-service", new String[] { "/api/v1/work-plans", "title", "2020年首都精神文明建设工作" },
            "honors-service", new String[] { "/api/v1/honor-programs", "name", "首都道德模范" },
            "distribution-service", new String[] { "/api/v1/organizations", "name", "中央文明办" });

    private static Suite suite;
    private static String gateway;

    @BeforeAll
    static void startSuite() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        Path root = Path.of("..").toAbsolutePath().normalize();
        Path seed = root.resolve("../shared/seed").normalize();
        assertTrue(Files.isDirectory(seed), "the seed folder ../shared/seed is beside the project");
        suite = Suite.start(Suite.Config.forTests(root, Path.of("target/e2e-" + UUID.randomUUID()).toAbsolutePath(), Optional.of(seed)));
        gateway = suite.gatewayUrl();
    }

    @AfterAll
    static void stopSuite() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyServiceIsReadyOnItsOwnPort() {
        for (String service : Suite.SERVICES) {
            given().get(suite.serviceUrl(service) + "/q/health/ready").then()
                    .statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void gatewayRoutesEachResourceToItsServiceWithTheSeedLoaded() {
        String token = suite.token("e2e-reader", "reader");
        SEEDED.forEach((service, r) -> given().header("Authorization", "Bearer " + token).queryParam("limit", 100)
                .get(gateway + r[0]).then().statusCode(200).body("items." + r[1], hasItem(r[2])));
    }

    @Test
    void writesGoThroughTheGatewayInUtf8() {
        String title = "首都精神文明建设情况简报（增刊）" + UUID.randomUUID();
        String id = given().header("Authorization", "Bearer " + suite.token("e2e-editor", "editor"))
                .contentType(ContentType.JSON.withCharset("UTF-8"))
                .body(Map.of("title", title, "issuingOrg", "首都精神文明办", "kind", "SUPPLEMENT"))
                .post(gateway + "/api/v1/bulletin-series")
                .then().statusCode(201).header("Location", containsString("/api/v1/bulletin-series/"))
                .extract().path("id");
        given().header("Authorization", "Bearer " + suite.token("e2e-reader", "reader"))
                .get(gateway + "/api/v1/bulletin-series/" + id)
                .then().statusCode(200).body("title", equalTo(title));
    }

    @Test
    void eachServicesAuditTrailIsReadThroughTheGatewayWithTheRealClientAddress() {
        String admin = "Bearer " + suite.token("e2e-auditor", "admin");
        for (String service : Suite.SERVICES) {
            given().header("Authorization", admin).get(gateway + "/api/v1/audit/" + service + "/verify").then().statusCode(200)
                    .body("service", equalTo(service)).body("valid", equalTo(true));
        }
        given().header("Authorization", admin).get(gateway + "/api/v1/audit/no-such-service/verify").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().header("Authorization", "Bearer " + suite.token("e2e-editor", "editor"))
                .get(gateway + "/api/v1/audit/task-service/records").then().statusCode(403);
        // a client that claims another address through the gateway is recorded with its own
        String requestId = "e2e-audit-" + UUID.randomUUID();
        given().header("X-Request-Id", requestId).header("X-Forwarded-For", "198.51.100.77").contentType(ContentType.JSON)
                .body(Map.of("year", 2099, "title", "无令牌")).post(gateway + "/api/v1/work-plans").then().statusCode(401);
        given().header("Authorization", admin).queryParam("requestId", requestId).get(gateway + "/api/v1/audit/task-service/records")
                .then().statusCode(200).body("items.size()", equalTo(1)).body("items[0].status", equalTo(401))
                .body("items[0].clientAddress", equalTo("127.0.0.1"));
    }

    @Test
    void theGatewayKeepsThePublicHonorRollButNeverAnAuthenticatedAnswer() {
        String token = "Bearer " + suite.token("e2e-reader", "reader");
        String roll = gateway + "/api/v1/honor-roll?limit=37";
        given().get(roll).then().statusCode(200).header("X-Cache", "MISS");
        given().get(roll).then().statusCode(200).header("X-Cache", "HIT").header("X-Request-Id", notNullValue());
        given().header("Authorization", token).get(roll).then().statusCode(200).header("X-Cache", "BYPASS");

        // an answer to a request with a token is not stored: the next anonymous one still misses
        String other = gateway + "/api/v1/honor-roll?limit=38";
        given().header("Authorization", token).get(other).then().statusCode(200).header("X-Cache", "BYPASS");
        given().get(other).then().statusCode(200).header("X-Cache", "MISS");

        // nothing else passes through the cache
        given().header("Authorization", token).get(gateway + "/api/v1/bulletin-series").then().statusCode(200)
                .header("X-Cache", nullValue());
    }

    @Test
    void openApiDocumentsAndTheDocsPageAreServedByTheGateway() {
        for (String service : Suite.SERVICES) {
            given().get(gateway + "/openapi/" + service).then().statusCode(200)
                    .body("info.title", startsWith(service))
                    .body("openapi", startsWith("3."));
        }
        given().get(gateway + "/docs/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("bulletin-service")).body(containsString("distribution-service"));
    }

    @Test
    void requestIdReachesTheServiceAndComesBack() {
        String mine = "e2e-" + UUID.randomUUID();
        given().header("X-Request-Id", mine).get(gateway + "/api/v1/work-plans").then()
                .statusCode(401).header("X-Request-Id", equalTo(mine)).body("requestId", equalTo(mine));
        String generated = given().get(gateway + "/api/v1/work-plans").then().statusCode(401)
                .extract().header("X-Request-Id");
        assertTrue(generated != null && generated.length() >= 16, "the gateway made an id: " + generated);
    }

    @Test
    void servicesAnswerProblemsThroughTheGateway() {
        given().get(gateway + "/api/v1/organizations").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).body("type", equalTo("urn:wenming:problem:unauthenticated"));
        given().get(gateway + "/api/v1/no-such-thing").then().statusCode(404)
                .contentType(startsWith("application/problem+json")).body("type", equalTo("urn:wenming:problem:not-found"));
        given().get(gateway + "/q/health").then().statusCode(404);
    }

    @Test
    void oversizedBodyIs413AtTheGateway() {
        byte[] body = new byte[3 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) 'a');
        given().header("Authorization", "Bearer " + suite.token("e2e-editor", "editor"))
                .contentType(ContentType.JSON).body(body).post(gateway + "/api/v1/bulletin-series")
                .then().statusCode(413).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("urn:wenming:problem:payload-too-large"));
    }

    @Test
    void tooManyRequestsAre429WithRetryAfterAndTheGatewayRecovers() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        Response limited = null;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            while (limited == null && Instant.now().isBefore(deadline)) {
                List<Future<Response>> burst = new ArrayList<>();
                for (int i = 0; i < 400; i++) {
                    burst.add(pool.submit(() -> given().get(gateway + "/api/v1/honor-programs")));
                }
                for (Future<Response> f : burst) {
                    Response r = f.get();
                    if (r.statusCode() == 429 && limited == null) {
                        limited = r;
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(limited != null, "400 requests at once exceed the gateway's rate limit");
        limited.then().contentType(startsWith("application/problem+json"))
                .header("Retry-After", equalTo("1"))
                .body("type", equalTo("urn:wenming:problem:too-many-requests"));
        // the limit is a rate, not a ban: the gateway serves again once the burst has drained
        int status = 0;
        Instant recovery = Instant.now().plus(Duration.ofSeconds(30));
        while (status != 401 && Instant.now().isBefore(recovery)) {
            status = given().get(gateway + "/api/v1/honor-programs").statusCode();
        }
        assertTrue(status == 401, "after the burst, requests reach the service again (401 without a token)");
    }

    @Test
    void corsAllowsTheAppsAndNobodyElse() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .options(gateway + "/api/v1/bulletin-series").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("http://localhost:3000"));
        String evil = given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options(gateway + "/api/v1/bulletin-series").then().extract().header("Access-Control-Allow-Origin");
        assertTrue(evil == null, "no CORS grant for a foreign origin");
    }
}
