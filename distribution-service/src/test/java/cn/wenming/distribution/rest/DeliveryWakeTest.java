package cn.wenming.distribution.rest;

import static cn.wenming.distribution.rest.DispatchDesk.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.WithoutPolls;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The worker sends a dispatch's deliveries as soon as the dispatch commits: here nothing polls (the
 * scheduler is off), so only the wake after the commit can have sent them, and it keeps claiming
 * until every one is sent.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
@TestProfile(WithoutPolls.class)
class DeliveryWakeTest {

    /** More than one claim takes (at most twice the concurrency of 16): the worker claims again until none is due. */
    private static final int RECIPIENTS = 150;

    @Test
    void aDispatchIsSentRightAfterItCommitsWithoutAPollEachDeliveryOnce() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < RECIPIENTS; i++) {
                members.add(webhookOrganization(receiver.url()));
            }
            String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("SEND", members.toArray(String[]::new))), null))
                    .then().statusCode(201).extract().path("id");
            await(() -> receiver.accepted.size() == RECIPIENTS, Duration.ofSeconds(20), "every delivery reached the receiver without a poll");
            await(() -> given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch)
                    .<Integer>path("counts.sent") == RECIPIENTS, Duration.ofSeconds(10), "every delivery recorded SENT");
            given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch).then()
                    .body("counts.pending", equalTo(0)).body("counts.failed", equalTo(0));
            assertTrue(receiver.calls.values().stream().allMatch(n -> n.get() == 1), "no delivery id was sent twice");
            assertEquals(0, receiver.badSignatures.get(), "every signature verifies");
            Map<String, Object> one = deliveries(dispatch, "status=SENT").get(0);
            assertEquals(1, delivery((String) one.get("id")).<List<?>>path("attemptLog").size(), "one attempt kept");
            assertEquals("SENT", delivery((String) one.get("id")).path("attemptLog[0].outcome"));
        }
    }
}
