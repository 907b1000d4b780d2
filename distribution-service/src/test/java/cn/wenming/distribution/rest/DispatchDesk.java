package cn.wenming.distribution.rest;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.eclipse.microprofile.config.ConfigProvider;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.Await;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The dispatch tests' desk: webhook organizations, lists, dispatch bodies and the calls to read them back. */
final class DispatchDesk {

    static final String PATH = "/api/v1/dispatches";
    static final String SECRET = "test-secret-首都文明办-0123456789";

    private DispatchDesk() {
    }

    static String webhookOrganization(String url) {
        return Fixtures.organization(("{\"name\":\"%s\",\"kind\":\"SUPERIOR\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"%s\","
                + "\"webhookSecret\":\"%s\"}").formatted(Fixtures.unique("中央文明办"), url, SECRET));
    }

    static String list(String type, String... members) {
        return DistributionListResourceTest.create(DistributionListResourceTest.json(Fixtures.unique("名单"), type, members))
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Publishes an issue in the bulletin-service stub (its lists, and an organization of these ids as
     * a one-off addition, named as the issue prints it) and returns the body that dispatches it.
     */
    static String body(UUID bulletin, String acknowledgeBy, List<String> lists, String addition) {
        publish(bulletin, "PUBLISHED", lists, addition == null ? List.of() : List.of(organizationName(addition)));
        return ("{\"bulletinId\":\"%s\"%s,\"resend\":false}").formatted(bulletin,
                acknowledgeBy == null ? "" : ",\"acknowledgeBy\":\"" + acknowledgeBy + "\"");
    }

    /** Puts an issue of this status into the bulletin-service stub, as bulletin-service would answer it. */
    static void publish(UUID bulletin, String status, List<String> lists, List<String> additions) {
        String json = ("{\"id\":\"%s\",\"seriesTitle\":\"首都精神文明建设情况简报\",\"status\":\"%s\",\"issueNo\":17,"
                + "\"label\":\"" + LABEL + "\","
                + "\"articles\":[{\"title\":\"%s\",\"paragraphs\":[\"%s\",\"第二段\"]}],"
                + "\"distributionLists\":{\"ISSUE\":[%s]},\"additions\":[%s]}").formatted(bulletin, status, TITLE, SUMMARY,
                String.join(",", lists.stream().map(l -> "\"" + l + "\"").toList()),
                String.join(",", additions.stream().map(a -> "\"" + a + "\"").toList()));
        given().baseUri(ConfigProvider.getConfig().getValue("quarkus.rest-client.bulletin.url", String.class))
                .contentType("application/json; charset=utf-8").body(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)).put("/stub/bulletins/" + bulletin).then().statusCode(204);
    }

    /** The label bulletin-service prints for the issue; distribution-service takes it as it is. */
    static final String LABEL = "2020年第17期（总第2126期）";
    static final String TITLE = "2020年首都精神文明建设工作 聚焦四个方面 23项重点任务";
    static final String SUMMARY = "2020年是全面建成小康社会和“十三五”规划收官之年";

    static String organizationName(String id) {
        return given().header("Authorization", Fixtures.as(Roles.ADMIN)).get("/api/v1/organizations/" + id).then().statusCode(200)
                .extract().path("name");
    }

    /** Dispatches as an admin would (bulletin-service's outbox is the other caller allowed). */
    static Response dispatch(String json) {
        return given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType(ContentType.JSON).body(json).post(PATH);
    }

    /** Dispatches to one organization (on a REPORT list of its own); returns its delivery's id. */
    static String deliverTo(String organization) {
        String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("REPORT", organization)), null)).then().statusCode(201)
                .extract().path("id");
        return (String) deliveries(dispatch, "").get(0).get("id");
    }

    static Response delivery(String id) {
        return given().header("Authorization", Fixtures.as(Roles.EDITOR)).get("/api/v1/deliveries/" + id);
    }

    static List<Map<String, Object>> deliveries(String dispatch, String query) {
        var request = given().header("Authorization", Fixtures.as(Roles.EDITOR)).queryParam("limit", 100);
        if (query.startsWith("status=")) {
            request.queryParam("status", query.substring(7));
        }
        return request.get(PATH + "/" + dispatch + "/deliveries").then().statusCode(200).extract().path("items");
    }

    static Map<String, Object> byOrganization(List<Map<String, Object>> items, String organization) {
        return items.stream().filter(i -> organization.equals(i.get("organizationId"))).findFirst()
                .orElseThrow(() -> new AssertionError("no delivery for " + organization + " in " + items));
    }

    /** Polls until the condition holds or 30 seconds pass. */
    static void await(BooleanSupplier condition, String what) {
        await(condition, Duration.ofSeconds(30), what);
    }

    /** Polls (every 20 ms) until the condition holds or {@code within} passes. */
    static void await(BooleanSupplier condition, Duration within, String what) {
        Await.until(condition, within, Duration.ofMillis(20), what);
    }
}
