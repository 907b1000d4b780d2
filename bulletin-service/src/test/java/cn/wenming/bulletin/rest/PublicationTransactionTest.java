package cn.wenming.bulletin.rest;

import static cn.wenming.bulletin.rest.Desk.as;
import static cn.wenming.bulletin.rest.HandOffTest.draftWith;
import static cn.wenming.bulletin.rest.HandOffTest.list;
import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.Await;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * A publication asks distribution-service for the names of its lists before its transaction, never
 * inside it: while distribution-service is slow (here: while the fake runs what the test does before
 * it answers), another transaction can lock the series row that serializes the numbering and the
 * issue's row, and the lists being edited meanwhile are read again before the numbers are given.
 */
@QuarkusTest
@TestProfile(PeerServices.Patient.class)
@WithTestResource(SuiteTestResource.class)
@WithTestResource(PeerServices.class)
class PublicationTransactionTest {

    private static final List<String> BOTH_ROWS = List.of("bulletin_series", "bulletin");

    @Inject
    DataSource database;

    private final Desk desk = new Desk();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void whileDistributionServiceIsSlowAPublicationHoldsNoLock() {
        Watched issue = approvedWatchingLocks();
        String id = issue.id();

        desk.step(desk.reviewer, id, "publish").then().statusCode(200)
                .body("issueNo", equalTo(1)).body("distribution.SEND", equalTo(List.of("首都文明委委员")));
        assertEquals(BOTH_ROWS, issue.lockable(), "while the lists were read, another transaction locked the series row and the issue's row");
    }

    @Test
    void whileDistributionServiceIsSlowAScheduledPublicationHoldsNoLock() {
        Watched issue = approvedWatchingLocks();
        String id = issue.id();

        String soon = OffsetDateTime.now(ZoneOffset.ofHours(8)).plusSeconds(5).toString();
        desk.step(desk.reviewer, id, "publish", Map.of("publishAt", soon)).then().statusCode(200).body("status", equalTo("APPROVED"));
        Await.until(() -> "PUBLISHED".equals(desk.get(desk.editor, id).path("status")), Duration.ofSeconds(60), Duration.ofMillis(100),
                "the scheduler publishes the issue");
        desk.get(desk.editor, id).then().body("issueNo", equalTo(1)).body("distribution.SEND", equalTo(List.of("首都文明委委员")));
        assertEquals(BOTH_ROWS, issue.lockable(), "while the lists were read, another transaction locked the series row and the issue's row");
    }

    @Test
    void listsEditedWhileTheyWereReadAreReadAgainBeforeThePublicationCommits() {
        UUID first = list("SEND", "首都文明委委员");
        UUID replacing = list("SEND", "各区文明办", "有关新闻单位");
        String id = draftWith(desk, List.of(), List.of(), Map.of("SEND", List.of(first)));
        // asked to publish while a draft; as distribution-service reads the draft's list, the editor
        // replaces it, submits, and a reviewer approves: the transaction finds an approved issue with other lists
        List<Integer> meanwhile = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LISTS_READ.put(first, () -> meanwhile.addAll(replaceListsSubmitApprove(id, replacing)));

        desk.step(desk.admin, id, "publish").then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("issueNo", equalTo(1))
                .body("distribution.SEND", equalTo(List.of("各区文明办", "有关新闻单位")));
        assertEquals(List.of(200, 200, 200), meanwhile, "the edit, the submission and the approval, while the first list was read");
        desk.get(desk.editor, id).then().body("distributionLists.SEND", equalTo(List.of(replacing.toString())));
    }

    @Test
    void withIfMatchAnIssueChangedWhileItsListsWereReadIsA412AndStaysUnpublished() {
        UUID first = list("SEND", "首都文明委委员");
        UUID replacing = list("SEND", "各区文明办");
        String id = draftWith(desk, List.of(), List.of(), Map.of("SEND", List.of(first)));
        String asRead = desk.get(desk.editor, id).header("ETag");
        List<Integer> meanwhile = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LISTS_READ.put(first, () -> meanwhile.addAll(replaceListsSubmitApprove(id, replacing)));

        assertProblem(as(desk.admin).header("If-Match", asRead).post(Desk.BULLETINS + "/" + id + "/publish").then(), 412,
                "precondition-failed");
        assertEquals(List.of(200, 200, 200), meanwhile);
        desk.get(desk.editor, id).then().body("status", equalTo("APPROVED")).body("issueNo", nullValue());
    }

    // --- helpers -------------------------------------------------------------------------------

    /** An approved issue, and the rows another transaction could lock while its list was read (filled then). */
    private record Watched(String id, List<String> lockable) {
    }

    private Watched approvedWatchingLocks() {
        UUID send = list("SEND", "首都文明委委员");
        String id = approvedWith(Map.of("SEND", List.of(send)));
        String series = desk.get(desk.editor, id).path("seriesId");
        List<String> lockable = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LISTS_READ.put(send, () -> lockable.addAll(lockableRows(series, id)));
        return new Watched(id, lockable);
    }

    private String approvedWith(Map<String, List<UUID>> lists) {
        String id = draftWith(desk, List.of(), List.of(), lists);
        desk.step(desk.editor, id, "submit").then().statusCode(200);
        desk.step(desk.reviewer, id, "approve").then().statusCode(200);
        return id;
    }

    /** Over HTTP, as people would: the draft's SEND list replaced, then submitted and approved; the three statuses. */
    private List<Integer> replaceListsSubmitApprove(String id, UUID sendList) {
        String series = desk.get(desk.editor, id).path("seriesId");
        Map<String, Object> body = Desk.draft(series, LocalDate.of(2020, 4, 24), "梅雪峰");
        body.put("distributionLists", Map.of("SEND", List.of(sendList)));
        return List.of(as(desk.editor).body(body).put(Desk.BULLETINS + "/" + id).statusCode(),
                desk.step(desk.editor, id, "submit").statusCode(),
                desk.step(desk.reviewer, id, "approve").statusCode());
    }

    /**
     * Which of the series row and the issue's row a transaction of its own can lock now, each within
     * 2 s (the lock timeout is the deadline: a row locked by the publication waiting for this answer
     * would stay locked until then).
     */
    private List<String> lockableRows(String seriesId, String bulletinId) {
        List<String> lockable = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local lock_timeout = '2s'");
            for (String[] row : List.of(new String[] { "bulletin_series", seriesId }, new String[] { "bulletin", bulletinId })) {
                s.execute("savepoint probe");
                try {
                    s.executeQuery("select id from " + row[0] + " where id = '" + UUID.fromString(row[1]) + "' for update").close();
                    lockable.add(row[0]);
                } catch (SQLException locked) {
                    s.execute("rollback to savepoint probe");
                }
            }
            c.rollback();
        } catch (SQLException e) {
            lockable.add("failed: " + e.getMessage());
        }
        return lockable;
    }
}
