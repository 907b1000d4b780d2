package cn.wenming.task.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.AuditRecords;
import cn.wenming.common.testing.SuiteTestResource;

/**
 * The client address is the gateway's X-Forwarded-For only when the gateway sent it: here the trusted
 * proxy is elsewhere (SUITE_TRUSTED_PROXIES), so the tests' own requests from loopback are any client's,
 * and what they claim to forward is ignored.
 */
@QuarkusTest
@TestProfile(UntrustedProxyTest.GatewayElsewhere.class)
@WithTestResource(SuiteTestResource.class)
class UntrustedProxyTest {

    public static class GatewayElsewhere implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.trusted-proxies", "192.0.2.10");
        }
    }

    @Test
    void forwardedHeadersFromAnyoneButATrustedProxyAreIgnored() {
        String requestId = AuditRecords.requestId();
        given().header("X-Request-Id", requestId).header("X-Forwarded-For", "203.0.113.7").contentType(ContentType.JSON)
                .body(Map.of("year", 2099, "title", "伪造来源")).post(Office.PLANS).then().statusCode(401);
        assertEquals("127.0.0.1", AuditRecords.only(requestId).get("clientAddress"), "the connection's own address");

        Office o = new Office();
        String plan = o.plan();
        Office.as(o.editor).header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example:8443")
                .body(Map.of("title", "推进新时代文明实践中心建设")).post(Office.PLANS + "/" + plan + "/areas").then().statusCode(201)
                .header("Location", startsWith("http://localhost:" + RestAssured.port + "/"));
    }
}
