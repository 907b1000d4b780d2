package cn.wenming.distribution.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Delivery channels of organizations: the secret is write-only, webhook URLs pass the SSRF policy. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class OrganizationChannelTest {

    private static final String PATH = "/api/v1/organizations";
    private static final String SECRET = "s3cr3t-中央文明办-2020-key";

    @Test
    void webhookSecretIsStoredButNeverShown() {
        String name = Fixtures.unique("中央文明办");
        Response created = create(webhook(name, "http://127.0.0.1:9/inbox"));
        created.then().statusCode(201)
                .body("channel", equalTo("WEBHOOK"))
                .body("webhookUrl", equalTo("http://127.0.0.1:9/inbox"))
                .body("webhookSecretSet", equalTo(true))
                .body("$", not(org.hamcrest.Matchers.hasKey("webhookSecret")));
        assertFalse(created.asString().contains(SECRET), "the answer does not carry the secret");
        String read = given().header("Authorization", Fixtures.as(Roles.ADMIN)).get(PATH + "/" + created.path("id")).asString();
        assertFalse(read.contains(SECRET), "a read does not carry the secret");
        assertFalse(given().header("Authorization", Fixtures.as(Roles.ADMIN)).queryParam("limit", 100).get(PATH).asString().contains(SECRET));
    }

    @Test
    void channelIsPaperUnlessSet() {
        create("{\"name\":\"%s\",\"kind\":\"PEER\"}".formatted(Fixtures.unique("市级群众团体"))).then().statusCode(201)
                .body("channel", equalTo("PAPER")).body("webhookSecretSet", equalTo(false));
    }

    @Test
    void loopbackPrivateAndPlainHttpUrlsAreRefusedNamingWebhookUrl() {
        // the test profile allows 127.0.0.1 only: localhost, private ranges and plain http elsewhere are refused
        for (String url : List.of("https://localhost/inbox", "https://10.0.0.8/inbox", "https://192.168.1.1/inbox",
                "https://169.254.169.254/latest/meta-data", "http://202.106.0.20/inbox", "ftp://127.0.0.1/inbox", "not a url")) {
            String name = Fixtures.unique("首都文明委委员");
            assertProblem(create(webhook(name, url)).then(), 400, "validation").body("errors.field", equalTo(List.of("webhookUrl")));
            given().header("Authorization", Fixtures.as(Roles.ADMIN)).queryParam("limit", 100).get(PATH).then()
                    .body("items.name", not(hasItem(name)));
        }
    }

    @Test
    void aChannelNeedsWhatItUses() {
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"http://127.0.0.1:9/x\"}"
                .formatted(Fixtures.unique("甲"))).then(), 400, "validation").body("errors.field", equalTo(List.of("webhookSecret")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"WEBHOOK\",\"webhookSecret\":\"%s\"}"
                .formatted(Fixtures.unique("乙"), SECRET)).then(), 400, "validation").body("errors.field", equalTo(List.of("webhookUrl")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"EMAIL\"}".formatted(Fixtures.unique("丙"))).then(),
                400, "validation").body("errors.field", equalTo(List.of("email")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"EMAIL\",\"email\":\"不是邮箱\"}"
                .formatted(Fixtures.unique("丁"))).then(), 400, "validation").body("errors.field", equalTo(List.of("email")));
        assertProblem(create("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"http://127.0.0.1:9/x\","
                + "\"webhookSecret\":\"short\"}".formatted(Fixtures.unique("戊"))).then(), 400, "validation")
                .body("errors.field", equalTo(List.of("webhookSecret")));
    }

    @Test
    void editKeepsTheSecretWhenLeftOutAndHonoursIfMatch() {
        String name = Fixtures.unique("各区文明办");
        String id = create(webhook(name, "http://127.0.0.1:9/inbox")).then().statusCode(201).extract().path("id");
        String edit = "{\"name\":\"%s\",\"kind\":\"SUBORDINATE\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"http://127.0.0.1:10/inbox\"}"
                .formatted(name);
        given().header("Authorization", Fixtures.as(Roles.ADMIN)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(edit).put(PATH + "/" + id).then().statusCode(200)
                .header("ETag", equalTo("\"1\""))
                .body("webhookUrl", equalTo("http://127.0.0.1:10/inbox"))
                .body("webhookSecretSet", equalTo(true));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.ADMIN)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body(edit).put(PATH + "/" + id).then(), 412, "precondition-failed");
        assertProblem(given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(edit.replace("127.0.0.1:10", "localhost:10")).put(PATH + "/" + id).then(), 400, "validation")
                .body("detail", containsString("webhookUrl"));
        given().header("Authorization", Fixtures.as(Roles.READER)).get(PATH + "/" + id).then()
                .body("webhookUrl", equalTo("http://127.0.0.1:10/inbox")).body("version", equalTo(1));
    }

    @Test
    void editOfAnUnknownIdIsNotFoundAndOnlyAdminsEdit() {
        String body = "{\"name\":\"%s\",\"kind\":\"PEER\"}".formatted(Fixtures.unique("市委"));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType(ContentType.JSON).body(body)
                .put(PATH + "/" + java.util.UUID.randomUUID()).then(), 404, "not-found");
        String id = create(body).then().statusCode(201).extract().path("id");
        assertProblem(given().header("Authorization", Fixtures.as(Roles.EDITOR)).contentType(ContentType.JSON).body(body)
                .put(PATH + "/" + id).then(), 403, "forbidden");
    }

    private static String webhook(String name, String url) {
        return "{\"name\":\"%s\",\"kind\":\"SUPERIOR\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"%s\",\"webhookSecret\":\"%s\"}"
                .formatted(name, url, SECRET);
    }

    private static Response create(String json) {
        return given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType(ContentType.JSON).body(json).post(PATH);
    }
}
