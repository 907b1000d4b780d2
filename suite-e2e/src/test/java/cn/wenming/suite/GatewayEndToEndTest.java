package cn.wenming.suite;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
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

    /**
     * The README's quick start, run as written (the block after its quick-start marker) against this
     * suite: only the gateway's address and the folder of the keys ./suite token signs with differ.
     */
    @Test
    void theReadmesQuickStartWorksAsWritten() throws Exception {
        Path root = Path.of("..").toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"), java.nio.charset.StandardCharsets.UTF_8);
        int marker = readme.indexOf("<!-- quick-start");
        assertTrue(marker > 0, "the README marks its quick start");
        int start = readme.indexOf("```bash\n", marker) + "```bash\n".length();
        String block = readme.substring(start, readme.indexOf("```", start));
        assertTrue(block.contains("http://localhost:8080/api/v1"), block);
        String script = "set -u\n" + block.replace("http://localhost:8080", gateway) + "\necho \"ISSUE=$ISSUE DELIVERY=$DELIVERY\"\n";
        ProcessBuilder pb = new ProcessBuilder("timeout", "120", "bash", "-c", script).directory(root.toFile()).redirectErrorStream(true);
        pb.environment().put("SUITE_JWT_DIR", suite.keys().jwksFile().getParent().toString());
        Process bash = pb.start();
        String out = new String(bash.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), out);
        java.util.regex.Matcher ids = java.util.regex.Pattern.compile("ISSUE=([0-9a-f-]{36}) DELIVERY=([0-9a-f-]{36})").matcher(out);
        assertTrue(ids.find(), out);
        String reviewer = "Bearer " + suite.token("e2e-quick-start", "reviewer");
        given().header("Authorization", reviewer).get(gateway + "/api/v1/bulletins/" + ids.group(1)).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("submittedBy", equalTo("editor")).body("approvedBy", equalTo("reviewer"));
        given().header("Authorization", reviewer).get(gateway + "/api/v1/deliveries/" + ids.group(2)).then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
    }
}
