package cn.wenming.bulletin.rest;

import static cn.wenming.bulletin.rest.HandOffTest.draftWith;
import static cn.wenming.bulletin.rest.HandOffTest.list;
import static cn.wenming.bulletin.rest.HandOffTest.received;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.bulletin.service.Outbox;
import cn.wenming.common.testing.Await;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.common.testing.WithoutPolls;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The outbox relay sends a publication's dispatch request as soon as the publication commits: here
 * nothing polls (the scheduler is off), so only the wake after the commit can have sent it.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(PeerServices.class)
@TestProfile(WithoutPolls.class)
class OutboxWakeTest {

    private final Desk desk = new Desk();

    @Inject
    Outbox outbox;

    @Test
    void thePublishedIssuesDispatchIsRelayedRightAfterTheCommitWithoutAPoll() {
        UUID send = list("SEND", "首都文明委委员", "市级群众团体");
        String id = draftWith(desk, List.of(), List.of(), Map.of("SEND", List.of(send)));
        desk.step(desk.editor, id, "submit").then().statusCode(200);
        desk.step(desk.reviewer, id, "approve").then().statusCode(200);
        desk.step(desk.reviewer, id, "publish").then().statusCode(200);
        Await.until(() -> received(id).stream().anyMatch(r -> r.answered() == 201), Duration.ofSeconds(10), Duration.ofMillis(20),
                "the dispatch request reached distribution-service without a poll");
        Await.until(() -> !outbox.waiting(UUID.fromString(id)), Duration.ofSeconds(10), Duration.ofMillis(20),
                "the accepted message left the outbox");
        assertEquals(1, received(id).size(), "sent once");
    }

    @Test
    void publicationsCommittingWhileTheRelayIsBusyAreAllRelayedWithoutAPoll() throws Exception {
        UUID issue = list("ISSUE", "各区文明办");
        List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String id = draftWith(desk, List.of(), List.of(), Map.of("ISSUE", List.of(issue)));
            desk.step(desk.editor, id, "submit").then().statusCode(200);
            desk.step(desk.reviewer, id, "approve").then().statusCode(200);
            ids.add(id);
        }
        PeerServices.DISPATCH_FAILURES.set(0);
        var six = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            List<java.util.concurrent.Future<Integer>> published = new java.util.ArrayList<>();
            for (String id : ids) {
                published.add(six.submit(() -> desk.step(desk.reviewer, id, "publish").statusCode()));
            }
            for (var f : published) {
                assertEquals(200, f.get());
            }
        } finally {
            six.shutdownNow();
        }
        for (String id : ids) {
            Await.until(() -> received(id).stream().anyMatch(r -> r.answered() == 201), Duration.ofSeconds(10), Duration.ofMillis(20),
                    "issue " + id + "'s dispatch request arrived without a poll");
            assertEquals(1, received(id).size(), "sent once");
        }
    }
}
