package cn.wenming.common.testing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;

import cn.wenming.common.security.Roles;
import io.restassured.path.json.JsonPath;

/** The audit trail of the service under test, read as an admin reads it: through its REST operations. */
public final class AuditRecords {

    private AuditRecords() {
    }

    /** The service's name, the {@code {service}} of its audit paths. */
    public static String service() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    /** {@code /api/v1/audit/<this service>} */
    public static String base() {
        return "/api/v1/audit/" + service();
    }

    public static String admin() {
        return TestTokens.bearer("auditor-" + UUID.randomUUID(), Roles.ADMIN);
    }

    /** The records of one request (its X-Request-Id), newest first. */
    public static List<Map<String, Object>> ofRequest(String requestId) {
        return given().header("Authorization", admin()).queryParam("requestId", requestId).queryParam("limit", 100)
                .get(base() + "/records").then().statusCode(200).extract().path("items");
    }

    /** The one record of a request; fails when there is none or more. */
    public static Map<String, Object> only(String requestId) {
        List<Map<String, Object>> records = ofRequest(requestId);
        assertEquals(1, records.size(), "exactly one audit record of request " + requestId + ": " + records);
        return records.get(0);
    }

    /** The answer of the trail's verification. */
    public static JsonPath verify() {
        return given().header("Authorization", admin()).get(base() + "/verify").then().statusCode(200).extract().jsonPath();
    }

    /** A fresh request id, recognisable in the trail. */
    public static String requestId() {
        return "audit-" + UUID.randomUUID();
    }
}
