package cn.wenming.distribution.rest;

import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static cn.wenming.distribution.rest.DispatchDesk.*;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.TestTokens;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Dispatch, resolution, webhook delivery with retries against real local receivers, acknowledgement, resend, overdue. */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
class DispatchTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aBodyOnSeveralListsGetsOneCopyUnderTheHighestPartNamingEveryList() {
        String both = Fixtures.paperOrganization(Fixtures.unique("首都文明委委员"), "PEER");
        String peer = Fixtures.paperOrganization(Fixtures.unique("市级群众团体"), "PEER");
        String extra = Fixtures.paperOrganization(Fixtures.unique("有关新闻单位"), "SUBORDINATE");
        String report = list("REPORT", both);
        String send = list("SEND", peer, both);
        Response d = dispatch(body(UUID.randomUUID(), null, List.of(send, report), extra));
        d.then().statusCode(201).body("counts.total", equalTo(3)).body("counts.pending", equalTo(3)).body("round", equalTo(1));
        List<Map<String, Object>> items = deliveries(d.path("id"), "");
        Map<String, Object> shared = byOrganization(items, both);
        assertEquals("REPORT", shared.get("part"), "报 before 送");
        assertEquals(2, ((List<?>) shared.get("namedBy")).size(), "both lists are recorded: " + shared.get("namedBy"));
        assertEquals("SEND", byOrganization(items, peer).get("part"));
        assertEquals("ISSUE", byOrganization(items, extra).get("part"), "an addition takes its organization's kind");
        assertEquals(List.of("本期增发"), byOrganization(items, extra).get("namedBy"));
    }

    @Test
    void aLargeDispatchIsWrittenAtOnceAndStillGivesEachBodyOneCopyUnderItsHighestPart() {
        // 120 bodies on three overlapping lists and one addition that a list names too
        List<String> bodies = new java.util.ArrayList<>();
        for (int i = 0; i < 120; i++) {
            bodies.add(Fixtures.paperOrganization(Fixtures.unique("收文单位" + i), i < 60 ? "SUPERIOR" : i < 100 ? "PEER" : "SUBORDINATE"));
        }
        String report = list("REPORT", bodies.subList(0, 60).toArray(String[]::new));   // 0-59
        String send = list("SEND", bodies.subList(40, 100).toArray(String[]::new));     // 40-99
        List<String> issueMembers = new java.util.ArrayList<>(bodies.subList(80, 120));   // 80-119 and 0-9
        issueMembers.addAll(bodies.subList(0, 10));
        String issue = list("ISSUE", issueMembers.toArray(String[]::new));
        Response d = dispatch(body(UUID.randomUUID(), null, List.of(issue, send, report), bodies.get(119)));
        d.then().statusCode(201).body("counts.total", equalTo(120)).body("counts.pending", equalTo(120));
        List<Map<String, Object>> items = new java.util.ArrayList<>(deliveries(d.path("id"), ""));
        items.addAll(given().header("Authorization", Fixtures.as(Roles.EDITOR)).queryParam("limit", 100)
                .queryParam("cursor", (String) given().header("Authorization", Fixtures.as(Roles.EDITOR)).queryParam("limit", 100)
                        .get(PATH + "/" + d.path("id") + "/deliveries").path("nextCursor"))
                .get(PATH + "/" + d.path("id") + "/deliveries").then().statusCode(200).extract().<List<Map<String, Object>>>path("items"));
        assertEquals(120, items.stream().map(i -> i.get("organizationId")).distinct().count(), "one delivery per body: " + items.size());
        assertEquals(120, items.size());
        for (int i = 0; i < 120; i++) {
            Map<String, Object> one = byOrganization(items, bodies.get(i));
            String expected = i < 60 ? "REPORT" : i < 100 ? "SEND" : "ISSUE";
            assertEquals(expected, one.get("part"), "body " + i);
            assertEquals("PENDING", one.get("status"), "body " + i);
            int namedBy = ((List<?>) one.get("namedBy")).size();
            boolean twice = i < 10 || (i >= 40 && i < 60) || (i >= 80 && i < 100) || i == 119;
            assertEquals(twice ? 2 : 1, namedBy, "body " + i + " named by " + one.get("namedBy"));
        }
        assertEquals("本期增发", ((List<?>) byOrganization(items, bodies.get(119)).get("namedBy")).get(1), "a list first, then the addition");
    }

    @Test
    void aSecondDispatchOfOneIssueIsAConflictUnlessAResend() {
        UUID bulletin = UUID.randomUUID();
        String list = list("ISSUE", Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE"));
        dispatch(body(bulletin, null, List.of(list), null)).then().statusCode(201);
        assertProblem(dispatch(body(bulletin, null, List.of(list), null)).then(), 409, "conflict").body("detail", containsString(bulletin.toString()));
        dispatch(body(bulletin, null, List.of(list), null).replace("\"resend\":false", "\"resend\":true")).then().statusCode(201)
                .body("round", equalTo(2));
        // the collection lists one bulletin's rounds, newest first, each with its counts
        given().header("Authorization", Fixtures.as(Roles.REVIEWER)).queryParam("bulletinId", bulletin.toString()).get(PATH).then()
                .statusCode(200).body("items.round", equalTo(List.of(2, 1))).body("items[0].counts.total", equalTo(1));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.REVIEWER)).queryParam("bulletinId", "第17期").get(PATH).then(),
                400, "validation");
    }

    @Test
    void theSameRequestWithTheSameIdempotencyKeyIsAcceptedOnce() {
        UUID bulletin = UUID.randomUUID();
        String list = list("SEND", Fixtures.paperOrganization(Fixtures.unique("市委、市政府各部委办局"), "PEER"));
        String json = body(bulletin, null, List.of(list), null);
        String service = TestTokens.serviceBearer("bulletin-service");
        Response first = given().header("Authorization", service).header("Idempotency-Key", bulletin.toString())
                .contentType(ContentType.JSON).body(json).post(PATH);
        first.then().statusCode(201);
        Response again = given().header("Authorization", service).header("Idempotency-Key", bulletin.toString())
                .contentType(ContentType.JSON).body(json).post(PATH);
        again.then().statusCode(201).header("Idempotency-Replayed", "true").body("id", equalTo(first.path("id")));
        assertEquals(1, deliveries(first.path("id"), "").size());
    }

    @Test
    void theDispatchIsMadeOfThePublishedIssueItself() {
        String org = Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE");
        String extra = Fixtures.paperOrganization(Fixtures.unique("有关新闻单位"), "SUBORDINATE");
        UUID bulletin = UUID.randomUUID();
        publish(bulletin, "PUBLISHED", List.of(list("ISSUE", org)), List.of(organizationName(extra), "不存在的单位"));
        // a caller cannot set what the dispatch says: such fields are unknown to the input
        assertProblem(dispatch("{\"bulletinId\":\"" + bulletin + "\",\"title\":\"伪造\",\"link\":\"javascript:alert(1)\"}").then(),
                400, "unknown-field");
        dispatch("{\"bulletinId\":\"" + bulletin + "\"}").then().statusCode(201)
                .body("issueLabel", equalTo(DispatchDesk.LABEL)).body("title", equalTo(TITLE)).body("summary", equalTo(SUMMARY))
                .body("link", equalTo("https://wenming.local/api/v1/bulletins/" + bulletin + "/render"))
                .body("counts.total", equalTo(2)).body("additions[0].organizationId", equalTo(extra))
                .body("unresolved", equalTo(List.of("不存在的单位")));
    }

    @Test
    void anIssueThatDoesNotExistOrIsNotPublishedIsAConflictAndNothingIsDispatched() {
        String org = Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE");
        UUID unknown = UUID.randomUUID();
        assertProblem(dispatch("{\"bulletinId\":\"" + unknown + "\"}").then(), 409, "conflict")
                .body("detail", containsString(unknown.toString()));
        UUID draft = UUID.randomUUID();
        publish(draft, "SUBMITTED", List.of(list("ISSUE", org)), List.of());
        assertProblem(dispatch("{\"bulletinId\":\"" + draft + "\"}").then(), 409, "conflict");
        UUID nobody = UUID.randomUUID();
        publish(nobody, "PUBLISHED", List.of(), List.of("不存在的单位"));
        assertProblem(dispatch("{\"bulletinId\":\"" + nobody + "\"}").then(), 409, "conflict").body("detail", containsString("不存在的单位"));
        for (UUID id : List.of(unknown, draft, nobody)) {
            given().header("Authorization", Fixtures.as(Roles.REVIEWER)).queryParam("bulletinId", id.toString()).get(PATH).then()
                    .statusCode(200).body("items.size()", equalTo(0));
        }
    }

    @Test
    void onlyBulletinServiceAndAdminsDispatch() {
        String org = Fixtures.paperOrganization(Fixtures.unique("各区文明办"), "SUBORDINATE");
        String json = body(UUID.randomUUID(), null, List.of(list("ISSUE", org)), null);
        for (String token : List.of(Fixtures.as(Roles.EDITOR), Fixtures.as(Roles.REVIEWER), Fixtures.as(Roles.READER),
                TestTokens.recipient(UUID.fromString(org)), TestTokens.serviceBearer("task-service"),
                TestTokens.bearerForBody("朝阳区管理员", UUID.randomUUID(), Roles.ADMIN))) {
            assertProblem(given().header("Authorization", token).contentType(ContentType.JSON).body(json).post(PATH).then(), 403, "forbidden");
        }
        given().header("Authorization", TestTokens.serviceBearer("bulletin-service")).contentType(ContentType.JSON).body(json).post(PATH)
                .then().statusCode(201);
    }

    @Test
    void aRecipientSeesAndSignsForItsOwnDeliveriesOnly() {
        String mine = Fixtures.paperOrganization(Fixtures.unique("东城区文明办"), "SUBORDINATE");
        String theirs = Fixtures.paperOrganization(Fixtures.unique("西城区文明办"), "SUBORDINATE");
        String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("ISSUE", mine, theirs)), null)).path("id");
        String myDelivery = (String) byOrganization(deliveries(dispatch, ""), mine).get("id");
        String theirDelivery = (String) byOrganization(deliveries(dispatch, ""), theirs).get("id");
        for (String d : List.of(myDelivery, theirDelivery)) {
            given().header("Authorization", Fixtures.as(Roles.EDITOR)).post("/api/v1/deliveries/" + d + "/mark-sent").then().statusCode(200);
        }
        String me = TestTokens.recipient(UUID.fromString(mine));
        given().header("Authorization", me).get("/api/v1/deliveries").then().statusCode(200)
                .body("items.organizationId", equalTo(List.of(mine))).body("items[0].id", equalTo(myDelivery));
        given().header("Authorization", me).queryParam("organizationId", theirs).get("/api/v1/deliveries").then().statusCode(200)
                .body("items.size()", equalTo(0));
        given().header("Authorization", me).get("/api/v1/deliveries/" + myDelivery).then().statusCode(200);
        // another body's delivery is not found: its id is not confirmed
        assertProblem(given().header("Authorization", me).get("/api/v1/deliveries/" + theirDelivery).then(), 404, "not-found");
        assertProblem(given().header("Authorization", me).post("/api/v1/deliveries/" + theirDelivery + "/acknowledgement").then(), 404,
                "not-found");
        delivery(theirDelivery).then().body("status", equalTo("SENT"));
        given().header("Authorization", me).post("/api/v1/deliveries/" + myDelivery + "/acknowledgement").then().statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"));
        // dispatches, lists and other bodies' business are not a recipient's
        assertProblem(given().header("Authorization", me).get(PATH + "/" + dispatch).then(), 403, "forbidden");
        assertProblem(given().header("Authorization", me).get("/api/v1/organizations").then(), 403, "forbidden");
        assertProblem(given().header("Authorization", me).post("/api/v1/deliveries/" + myDelivery + "/mark-sent").then(), 403, "forbidden");
        // office staff see everyone's, and may keep one recipient's
        given().header("Authorization", Fixtures.as(Roles.REVIEWER)).queryParam("organizationId", theirs).get("/api/v1/deliveries").then()
                .statusCode(200).body("items.id", equalTo(List.of(theirDelivery)));
    }

    @Test
    void aWebhookThatFailsTwiceIsSentOnTheThirdAttemptOnceWithAValidSignature() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 2)) {
            String org = webhookOrganization(receiver.url());
            String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("REPORT", org)), null)).path("id");
            String delivery = (String) deliveries(dispatch, "").get(0).get("id");
            await(() -> "SENT".equals(delivery(delivery).path("status")), "the delivery is SENT");
            Response d = delivery(delivery);
            d.then().body("attempts", equalTo(3)).body("attemptLog.outcome", equalTo(List.of("RETRY", "RETRY", "SENT")))
                    .body("attemptLog[0].httpStatus", equalTo(500));
            assertEquals(1, receiver.accepted(delivery), "accepted exactly once");
            assertEquals(0, receiver.badSignatures.get(), "every signature verifies");
            assertTrue(receiver.bodies.get(delivery).contains("\"deliveryId\":\"" + delivery + "\""), receiver.bodies.get(delivery));
            assertTrue(receiver.bodies.get(delivery).contains(DispatchDesk.LABEL));
            // the receiving system signs for it with its own recipient token
            given().header("Authorization", TestTokens.recipient(UUID.fromString(org))).post("/api/v1/deliveries/" + delivery + "/acknowledgement")
                    .then().statusCode(200).body("status", equalTo("ACKNOWLEDGED"));
            given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch).then()
                    .body("counts.acknowledged", equalTo(1)).body("counts.total", equalTo(1));
        }
    }

    @Test
    void aReceiverThatAlwaysFailsEndsFailedAndResendRetriesTheFailedOnly() throws Exception {
        try (Receiver failing = new Receiver(SECRET, Integer.MAX_VALUE); Receiver fine = new Receiver(SECRET, 0)) {
            String bad = webhookOrganization(failing.url());
            String good = webhookOrganization(fine.url());
            String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("SEND", bad, good)), null)).path("id");
            await(() -> {
                Response d = given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch);
                return d.<Integer>path("counts.failed") == 1 && d.<Integer>path("counts.sent") == 1;
            }, "one FAILED after the limit, one SENT");
            String failedId = (String) deliveries(dispatch, "status=FAILED").get(0).get("id");
            delivery(failedId).then().body("attempts", equalTo(3)).body("lastError", containsString("500"));
            String sentId = (String) deliveries(dispatch, "status=SENT").get(0).get("id");
            given().header("Authorization", Fixtures.as(Roles.EDITOR)).post(PATH + "/" + dispatch + "/resend-failed").then()
                    .statusCode(200);
            await(() -> failing.calls.get(failedId).get() > 3, "the failed delivery is tried again");
            assertEquals(1, fine.accepted(sentId), "the SENT one is not sent again");
            assertEquals(1, fine.calls.get(sentId).get());
        }
    }

    @Test
    void anUnreachableReceiverEndsFailedWithTheError() {
        // nothing listens on port 1 of the allowed host: every attempt fails to connect
        String org = webhookOrganization("http://127.0.0.1:1/inbox");
        String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("ISSUE", org)), null)).path("id");
        String delivery = (String) deliveries(dispatch, "").get(0).get("id");
        await(() -> "FAILED".equals(delivery(delivery).path("status")), "FAILED after the limit");
        delivery(delivery).then().body("lastError", containsString("无法送达"));
    }

    @Test
    void paperIsRecordedByHandThenAcknowledgedAndTheOverdueListShowsWhoHasNotSigned() {
        String signs = Fixtures.paperOrganization(Fixtures.unique("首都文明委主任、副主任"), "SUPERIOR");
        String late = Fixtures.paperOrganization(Fixtures.unique("市委、市人大、市政府、市政协"), "SUPERIOR");
        String past = OffsetDateTime.now().minusDays(1).toString();
        String dispatch = dispatch(body(UUID.randomUUID(), past, List.of(list("REPORT", signs, late)), null)).path("id");
        String signsDelivery = (String) byOrganization(deliveries(dispatch, ""), signs).get("id");
        assertProblem(given().header("Authorization", TestTokens.recipient(UUID.fromString(signs))).post("/api/v1/deliveries/" + signsDelivery + "/acknowledgement")
                .then(), 409, "conflict");
        given().header("Authorization", Fixtures.as(Roles.EDITOR)).post("/api/v1/deliveries/" + signsDelivery + "/mark-sent").then()
                .statusCode(200).body("status", equalTo("SENT"));
        assertProblem(given().header("Authorization", Fixtures.as(Roles.EDITOR)).post("/api/v1/deliveries/" + signsDelivery + "/mark-sent")
                .then(), 409, "conflict");
        given().header("Authorization", Fixtures.as(Roles.EDITOR)).post("/api/v1/deliveries/" + signsDelivery + "/acknowledgement").then()
                .statusCode(200).body("status", equalTo("ACKNOWLEDGED")).body("acknowledgedAt", containsString("+08:00"));
        List<Object> overdue = given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch + "/overdue")
                .then().statusCode(200).extract().path("items.organizationId");
        assertEquals(List.of(late), overdue);
        given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch).then()
                .body("counts.acknowledged", equalTo(1)).body("counts.pending", equalTo(1));
        // before the deadline nobody is overdue
        String future = dispatch(body(UUID.randomUUID(), OffsetDateTime.now().plusDays(7).toString(), List.of(list("REPORT", late)), null))
                .path("id");
        given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + future + "/overdue").then().body("items.size()", equalTo(0));
    }

    @Test
    void aHangingReceiverTimesOutWithoutHoldingUpTheOthers() throws Exception {
        try (Receiver hanging = new Receiver(SECRET, 0); Receiver fine = new Receiver(SECRET, 0)) {
            CountDownLatch release = new CountDownLatch(1);
            hanging.hang = release;
            String slow = webhookOrganization(hanging.url());
            List<String> others = new java.util.ArrayList<>();
            for (int i = 0; i < 10; i++) {
                others.add(webhookOrganization(fine.url()));
            }
            List<String> members = new java.util.ArrayList<>(others);
            members.add(0, slow);
            String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("SEND", members.toArray(String[]::new))), null)).path("id");
            String slowDelivery = (String) byOrganization(deliveries(dispatch, ""), slow).get("id");
            await(() -> hanging.waiting.get() == 1, "the hanging receiver holds the first call");
            // while one sender waits on the hanging receiver, the others deliver
            await(() -> fine.accepted.size() == 10, "the ten other receivers are served meanwhile");
            assertEquals(0, delivery(slowDelivery).<List<?>>path("attemptLog").size(), "the hanging call is still open");
            await(() -> !delivery(slowDelivery).<List<?>>path("attemptLog").isEmpty(), "the hanging call times out");
            delivery(slowDelivery).then().body("status", equalTo("PENDING")).body("attemptLog[0].outcome", equalTo("RETRY"))
                    .body("attemptLog[0].error", containsString("超时"));
            release.countDown();
            hanging.hang = null;
            await(() -> "SENT".equals(delivery(slowDelivery).path("status")), "the receiver answers again: SENT");
            given().header("Authorization", Fixtures.as(Roles.EDITOR)).get(PATH + "/" + dispatch).then()
                    .body("counts.sent", equalTo(11)).body("counts.pending", equalTo(0));
        }
    }

    @Test
    void emailDeliveriesCannotBeRecordedByHand() {
        String org = Fixtures.organization("{\"name\":\"%s\",\"kind\":\"PEER\",\"channel\":\"EMAIL\",\"email\":\"nobody@wenming.local\"}"
                .formatted(Fixtures.unique("首都文明委委员")));
        String dispatch = dispatch(body(UUID.randomUUID(), null, List.of(list("SEND", org)), null)).path("id");
        String delivery = (String) deliveries(dispatch, "").get(0).get("id");
        assertProblem(given().header("Authorization", Fixtures.as(Roles.EDITOR)).post("/api/v1/deliveries/" + delivery + "/mark-sent")
                .then(), 409, "conflict").body("detail", containsString("电子邮件"));
    }
}
