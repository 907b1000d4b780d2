package cn.wenming.distribution.rest;

import static cn.wenming.distribution.rest.DispatchDesk.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * What the webhook sender itself refuses, against real local receivers: it reads at most
 * DISTRIBUTION_WEBHOOK_MAX_ANSWER_BYTES (4096) of an answer and then closes the connection, and it
 * applies the URL policy again when it connects.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class WebhookSenderLimitsTest {

    @Inject
    DataSource database;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anEndlessAcceptingAnswerIsCutAndTheDeliveryIsSent() throws Exception {
        try (EndlessReceiver endless = new EndlessReceiver(200)) {
            String delivery = deliverTo(webhookOrganization(endless.url()));
            // without the limit the sender would read until its timeout and record 超时 (timed out)
            await(() -> !delivery(delivery).<List<?>>path("attemptLog").isEmpty(), "the attempt is recorded");
            delivery(delivery).then().body("status", equalTo("SENT")).body("attempts", equalTo(1))
                    .body("attemptLog[0].outcome", equalTo("SENT")).body("attemptLog[0].httpStatus", equalTo(200));
            await(() -> endless.cutOff.get() == 1, "the sender stopped reading and closed the connection");
            assertEquals(1, endless.calls.get());
        }
    }

    @Test
    void anEndlessRefusalIsRecordedWithItsStatusAndABoundedExcerpt() throws Exception {
        try (EndlessReceiver endless = new EndlessReceiver(503)) {
            String delivery = deliverTo(webhookOrganization(endless.url()));
            await(() -> !delivery(delivery).<List<?>>path("attemptLog").isEmpty(), "the attempt is recorded");
            Response d = delivery(delivery);
            d.then().body("attemptLog[0].outcome", equalTo("RETRY")).body("attemptLog[0].httpStatus", equalTo(503))
                    .body("attemptLog[0].error", containsString("HTTP 503"))
                    .body("attemptLog[0].error", containsString("服务器忙"))
                    .body("attemptLog[0].error", containsString("cut at 4096 bytes"))
                    .body("attemptLog[0].error", not(containsString("超时")));
            String error = d.path("attemptLog[0].error");
            assertTrue(error.length() <= 500, error.length() + " characters: " + error);
            assertTrue(error.chars().filter(c -> c == 'x').count() <= 200, "at most the excerpt of the body: " + error);
            await(() -> endless.cutOff.get() >= 1, "the sender stopped reading and closed the connection");
        }
    }

    @Test
    void aConnectionClosedBeforeAnyAnswerIsTriedOnceMoreAtOnceOnAFreshOne() throws Exception {
        try (HangUpReceiver receiver = new HangUpReceiver(1)) {
            String delivery = deliverTo(webhookOrganization(receiver.url()));
            await(() -> !delivery(delivery).<List<?>>path("attemptLog").isEmpty(), "the attempt is recorded");
            delivery(delivery).then().body("status", equalTo("SENT")).body("attempts", equalTo(1))
                    .body("attemptLog[0].outcome", equalTo("SENT"));
            assertEquals(2, receiver.connections.get(), "the hung-up call, then one on a new connection");
        }
    }

    @Test
    void aReceiverThatAlwaysHangsUpIsTriedTwiceAnAttemptAndTheAttemptFails() throws Exception {
        try (HangUpReceiver receiver = new HangUpReceiver(Integer.MAX_VALUE)) {
            String delivery = deliverTo(webhookOrganization(receiver.url()));
            await(() -> !delivery(delivery).<List<?>>path("attemptLog").isEmpty(), "the attempt is recorded");
            delivery(delivery).then().body("attemptLog[0].outcome", equalTo("RETRY"))
                    .body("attemptLog[0].httpStatus", equalTo(null)).body("attemptLog[0].error", containsString("无法送达"));
            assertTrue(receiver.requests.get() >= 2, receiver.requests.get() + " calls: not given up after the first");
        }
    }

    @Test
    void aUrlThatTurnedPrivateIsRefusedWhenTheCallIsMade() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String org = webhookOrganization(receiver.url());
            // the saved URL no longer passes (changed under the service): the sender checks again and calls nothing
            try (Connection db = database.getConnection();
                    PreparedStatement s = db.prepareStatement("update organization set webhook_url = ? where id = ?")) {
                s.setString(1, "https://[64:ff9b::a9fe:a9fe]/latest/meta-data");
                s.setObject(2, UUID.fromString(org));
                assertEquals(1, s.executeUpdate());
            }
            String delivery = deliverTo(org);
            await(() -> "FAILED".equals(delivery(delivery).path("status")), "FAILED after its attempts");
            delivery(delivery).then().body("attemptLog[0].error", containsString("64:ff9b"))
                    .body("attemptLog[0].httpStatus", equalTo(null));
            assertTrue(receiver.calls.isEmpty());
        }
    }

    @Test
    void transitionAndNumericFormsOfPrivateAddressesAreRefusedNamingWebhookUrl() {
        for (String url : List.of("https://[64:ff9b::a9fe:a9fe]/", "https://[64:ff9b:1::a00:1]/", "https://[2002:a9fe:a9fe::1]/",
                "https://[2001:0:4136:e378:8000:63bf:f5ff:fffe]/", "https://[::ffff:169.254.169.254]/", "https://[::a9fe:a9fe]/",
                "https://[::ffff:0:a9fe:a9fe]/", "http://2852039166/", "https://2852039166/", "https://0251.0376.0251.0376/",
                "https://0xa9fea9fe/", "https://0xa9.0xfe.0xa9.0xfe/", "https://127.1/", "https://10.1/", "http://0x7f000001:8080/")) {
            String name = Fixtures.unique("首都文明委委员");
            Response answer = given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType("application/json")
                    .body("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"%s\",\"webhookSecret\":\"%s\"}"
                            .formatted(name, url, SECRET))
                    .post("/api/v1/organizations");
            cn.wenming.common.testing.ProblemAssertions.assertProblem(answer.then(), 400, "validation")
                    .body("errors.field", equalTo(List.of("webhookUrl")));
            given().header("Authorization", Fixtures.as(Roles.ADMIN)).queryParam("limit", 100).get("/api/v1/organizations").then()
                    .body("items.name", not(org.hamcrest.Matchers.hasItem(name)));
        }
    }
}
