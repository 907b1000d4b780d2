package cn.wenming.bulletin.rest;

import static cn.wenming.bulletin.rest.Desk.as;
import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.bulletin.service.Outbox;
import cn.wenming.common.testing.Await;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * bulletin-service's hand-offs to the other services, against them as real HTTP peers
 * ({@link PeerServices}): references checked at submission (400 naming each missing one, 503 when
 * a service cannot answer), 报/送/发 names taken from the lists at publication (kept when the lists
 * cannot be read), and the dispatch request relayed from the outbox until accepted, with the
 * issue's id as Idempotency-Key and the service's token.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(PeerServices.class)
class HandOffTest {

    private final Desk desk = new Desk();
    private final ObjectMapper json = new ObjectMapper();

    @Inject
    Outbox outbox;

    @AfterEach
    void servicesBackUp() {
        PeerServices.down = false;
        PeerServices.DISPATCH_FAILURES.set(0);
    }

    @Test
    void submittingNamesEveryMissingTaskAndHonorAndChangesNothing() {
        UUID task = UUID.randomUUID();
        UUID honor = UUID.randomUUID();
        PeerServices.TASKS.add(task);
        PeerServices.HONORS.add(honor);
        UUID missingTask = UUID.randomUUID();
        UUID missingHonor = UUID.randomUUID();
        String id = draftWith(desk, List.of(task, missingTask), List.of(missingHonor, honor), Map.of());
        assertProblem(desk.step(desk.editor, id, "submit").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("articles[0].taskIds[1]", "articles[0].honorIds[0]")))
                .body("detail", org.hamcrest.Matchers.containsString(missingTask.toString()));
        desk.get(desk.editor, id).then().body("status", equalTo("DRAFT"));

        PeerServices.TASKS.add(missingTask);
        PeerServices.HONORS.add(missingHonor);
        desk.step(desk.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aServiceThatCannotAnswerIsA503AndTheIssueStaysADraft() {
        UUID task = UUID.randomUUID();
        PeerServices.TASKS.add(task);
        String id = draftWith(desk, List.of(task), List.of(), Map.of());
        PeerServices.down = true;
        assertProblem(desk.step(desk.editor, id, "submit").then(), 503, "unavailable")
                .body("detail", org.hamcrest.Matchers.containsString("task-service"));
        desk.get(desk.editor, id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void publishingTakesTheListedNamesAndRelaysTheDispatchUntilAcceptedOnce() throws Exception {
        UUID report = list("REPORT", "中央文明办", "首都文明委主任、副主任");
        UUID alsoReport = list("REPORT", "市委、市人大、市政府、市政协", "中央文明办");
        UUID issue = list("ISSUE", "各区文明办", "有关新闻单位");
        String id = draftWith(desk, List.of(), List.of(), Map.of("REPORT", List.of(report, alsoReport), "ISSUE", List.of(issue)));
        PeerServices.DISPATCH_FAILURES.set(2); // distribution-service answers 503 twice, then accepts
        desk.step(desk.editor, id, "submit").then().statusCode(200);
        desk.step(desk.reviewer, id, "approve").then().statusCode(200);
        int readsBefore = PeerServices.LIST_READS.get();
        desk.step(desk.reviewer, id, "publish").then().statusCode(200)
                .body("distribution.REPORT", equalTo(List.of("中央文明办", "首都文明委主任、副主任", "市委、市人大、市政府、市政协")))
                .body("distribution.ISSUE", equalTo(List.of("各区文明办", "有关新闻单位")))
                .body("distribution.SEND", org.hamcrest.Matchers.nullValue());
        assertEquals(1, PeerServices.LIST_READS.get() - readsBefore, "the three lists are read in one call");

        await(() -> received(id).stream().anyMatch(r -> r.answered() == 201), "the dispatch is accepted");
        List<PeerServices.Received> mine = received(id);
        assertEquals(List.of(503, 503, 201), mine.stream().map(PeerServices.Received::answered).toList(), "retried until accepted");
        assertTrue(mine.stream().allMatch(r -> id.equals(r.idempotencyKey())), "the issue's id is the Idempotency-Key");
        assertTrue(mine.stream().allMatch(r -> r.authorization() != null && r.authorization().startsWith("Bearer ")), "a service token");
        assertTrue(mine.stream().allMatch(r -> r.requestId() != null), "a request id");
        JsonNode body = json.readTree(mine.get(2).body());
        // the request names the issue and the deadline only: distribution-service reads what it says and whom it goes to
        assertEquals(id, body.get("bulletinId").asText());
        assertTrue(body.get("acknowledgeBy").asText().endsWith("+08:00"), body.toString());
        assertEquals(2, body.size(), body.toString());
        // with bulletin-service's own identity, the only caller distribution-service takes a dispatch from (besides admins)
        String claims = new String(java.util.Base64.getUrlDecoder().decode(mine.get(2).authorization().substring(7).split("\\.")[1]),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(claims.contains("\"sub\":\"bulletin-service\""), claims);
        await(() -> !hasOutboxMessage(id), "the accepted message is removed from the outbox");
        assertEquals(3, received(id).size(), "nothing is sent after acceptance");
    }

    @Test
    void whenTheListsCannotBeReadThePublicationKeepsItsStoredNames() {
        UUID send = list("SEND", "首都文明委委员");
        String id = draftWith(desk, List.of(), List.of(), Map.of("SEND", List.of(send)));
        desk.step(desk.editor, id, "submit").then().statusCode(200);
        desk.step(desk.reviewer, id, "approve").then().statusCode(200);
        PeerServices.down = true;
        desk.step(desk.reviewer, id, "publish").then().statusCode(200).body("status", equalTo("PUBLISHED"))
                .body("distribution.REPORT", equalTo(List.of("中央文明办")))
                .body("distribution.SEND", hasItems("首都文明委委员"));
        as(desk.reader).get(Desk.BULLETINS + "/" + id + "/render").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("中央文明办"));
    }

    // --- helpers -------------------------------------------------------------------------------

    static String draftWith(Desk desk, List<UUID> taskIds, List<UUID> honorIds, Map<String, List<UUID>> lists) {
        Map<String, Object> body = Desk.draft(desk.newSeries(), LocalDate.of(2020, 4, 24), "梅雪峰");
        body.put("articles", List.of(Map.of("title", "首都精神文明建设工作动员部署大会召开", "source", "本刊",
                "paragraphs", List.of("4月17日上午,北京市召开首都精神文明建设工作动员部署大会。"),
                "taskIds", taskIds, "honorIds", honorIds)));
        body.put("distributionLists", lists);
        return as(desk.editor).body(body).post(Desk.BULLETINS).then().statusCode(201).extract().path("id");
    }

    /** A list distribution-service (the fake) knows, of PAPER members with these names. */
    static UUID list(String type, String... members) {
        UUID id = UUID.randomUUID();
        StringBuilder m = new StringBuilder();
        for (String name : members) {
            m.append(m.length() == 0 ? "" : ",").append("{\"id\":\"").append(UUID.randomUUID()).append("\",\"name\":\"").append(name)
                    .append("\",\"kind\":\"SUPERIOR\",\"channel\":\"PAPER\"}");
        }
        PeerServices.LISTS.put(id, "{\"id\":\"" + id + "\",\"name\":\"名单-" + id + "\",\"type\":\"" + type + "\",\"members\":[" + m + "]}");
        return id;
    }

    static List<PeerServices.Received> received(String bulletinId) {
        return PeerServices.DISPATCHES.stream().filter(r -> bulletinId.equals(r.idempotencyKey())).toList();
    }

    private boolean hasOutboxMessage(String bulletinId) {
        return outbox.waiting(UUID.fromString(bulletinId));
    }

    private static void await(BooleanSupplier condition, String what) {
        Await.until(condition, Duration.ofSeconds(30), Duration.ofMillis(50), what);
    }
}
