package cn.wenming.bulletin.rest;

import static cn.wenming.bulletin.rest.Desk.as;
import static cn.wenming.bulletin.rest.HandOffTest.draftWith;
import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * A submission asks task- and honors-service whether the draft's references exist before its
 * transaction, never inside it: while task-service is slow (here: while the fake runs what the test
 * does before it answers), the row can be locked and no transaction of the submission is
 * open; a draft edited meanwhile to name a reference not checked is checked again, once, then 409.
 */
@QuarkusTest
@TestProfile(PeerServices.Patient.class)
@WithTestResource(SuiteTestResource.class)
@WithTestResource(PeerServices.class)
class SubmissionTransactionTest {

    private final Desk desk = new Desk(); // which also logs a failing exchange

    @Inject
    DataSource database;

    @Test
    void whileTaskServiceIsSlowASubmissionHoldsNoLockAndNoTransaction() {
        UUID task = existingTask();
        String id = draftWith(desk, List.of(task), List.of(), Map.of());
        List<String> seen = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LOOKED_UP.put(task, () -> seen.addAll(probe(id)));

        desk.step(desk.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
        assertEquals(List.of("bulletin", "no transaction waiting after reading articles"), seen,
                "while task-service was asked, another transaction locked the issue's row, and the submission had none open");
    }

    @Test
    void aDraftThatNamesAnotherTaskWhileTheReferencesWereCheckedIsCheckedAgainBeforeItIsSubmitted() {
        UUID first = existingTask();
        UUID added = UUID.randomUUID(); // not in task-service: the second check must find it missing
        String id = draftWith(desk, List.of(first), List.of(), Map.of());
        List<Integer> meanwhile = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LOOKED_UP.put(first, () -> meanwhile.add(editTasks(id, List.of(first, added))));

        assertProblem(desk.step(desk.editor, id, "submit").then(), 400, "validation")
                .body("errors.field", equalTo(List.of("articles[0].taskIds[1]")))
                .body("detail", containsString(added.toString()));
        assertEquals(List.of(200), meanwhile, "the edit, while the first task was looked up");
        desk.get(desk.editor, id).then().body("status", equalTo("DRAFT"));

        PeerServices.TASKS.add(added);
        desk.step(desk.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void aDraftThatNamesFewerReferencesWhileTheyWereCheckedIsSubmittedAsItIsNow() {
        UUID kept = existingTask();
        UUID dropped = existingTask();
        String id = draftWith(desk, List.of(kept, dropped), List.of(), Map.of());
        List<Integer> meanwhile = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LOOKED_UP.put(kept, () -> meanwhile.add(editTasks(id, List.of(kept))));

        desk.step(desk.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"))
                .body("articles[0].taskIds", equalTo(List.of(kept.toString())));
        assertEquals(List.of(200), meanwhile);
    }

    @Test
    void aDraftWhoseReferencesChangeAgainWhileTheyAreCheckedAgainIsA409AndStaysADraft() {
        UUID first = existingTask();
        UUID second = existingTask();
        UUID third = existingTask();
        String id = draftWith(desk, List.of(first), List.of(), Map.of());
        List<Integer> meanwhile = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LOOKED_UP.put(first, () -> meanwhile.add(editTasks(id, List.of(second))));
        PeerServices.WHILE_LOOKED_UP.put(second, () -> meanwhile.add(editTasks(id, List.of(third))));

        assertProblem(desk.step(desk.editor, id, "submit").then(), 409, "conflict")
                .body("detail", containsString("submit again"));
        assertEquals(List.of(200, 200), meanwhile, "an edit during each check");
        desk.get(desk.editor, id).then().body("status", equalTo("DRAFT"))
                .body("articles[0].taskIds", equalTo(List.of(third.toString())));
        desk.step(desk.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void withIfMatchADraftEditedWhileItsReferencesWereCheckedIsA412AndStaysADraft() {
        UUID task = existingTask();
        String id = draftWith(desk, List.of(task), List.of(), Map.of());
        String asRead = desk.get(desk.editor, id).header("ETag");
        List<Integer> meanwhile = new CopyOnWriteArrayList<>();
        PeerServices.WHILE_LOOKED_UP.put(task, () -> meanwhile.add(editTasks(id, List.of(task))));

        assertProblem(as(desk.editor).header("If-Match", asRead).post(Desk.BULLETINS + "/" + id + "/submit").then(), 412,
                "precondition-failed");
        assertEquals(List.of(200), meanwhile);
        desk.get(desk.editor, id).then().body("status", equalTo("DRAFT"));
    }

    // --- helpers -------------------------------------------------------------------------------

    private static UUID existingTask() {
        UUID id = UUID.randomUUID();
        PeerServices.TASKS.add(id);
        return id;
    }

    /** Over HTTP, as the editor would: the draft's one article now names these tasks; the status. */
    private int editTasks(String id, List<UUID> taskIds) {
        String series = desk.get(desk.editor, id).path("seriesId");
        Map<String, Object> body = Desk.draft(series, LocalDate.of(2020, 4, 24), "梅雪峰");
        body.put("articles", List.of(Map.of("title", "首都精神文明建设工作动员部署大会召开", "source", "本刊",
                "paragraphs", List.of("4月17日上午,北京市召开首都精神文明建设工作动员部署大会。"), "taskIds", taskIds, "honorIds", List.of())));
        return as(desk.editor).body(body).put(Desk.BULLETINS + "/" + id).statusCode();
    }

    /**
     * What another transaction finds now: whether it can lock the row within 2 s (the lock
     * timeout is the deadline), and whether some session sits in an open transaction after reading
     * articles (the submission's, had it read the draft in a transaction still open).
     */
    private List<String> probe(String bulletinId) {
        List<String> seen = new ArrayList<>();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("set local lock_timeout = '2s'");
            try {
                s.executeQuery("select id from bulletin where id = '" + UUID.fromString(bulletinId) + "' for update").close();
                seen.add("bulletin");
            } catch (SQLException locked) {
                c.rollback();
            }
            try (ResultSet r = s.executeQuery("select count(*) from pg_stat_activity where pid <> pg_backend_pid() "
                    + "and datname = current_database() and state like 'idle in transaction%' and query ilike '%from article%'")) {
                r.next();
                seen.add(r.getInt(1) == 0 ? "no transaction waiting after reading articles" : r.getInt(1) + " transaction(s) open after reading articles");
            }
            c.rollback();
        } catch (SQLException e) {
            seen.add("failed: " + e.getMessage());
        }
        return seen;
    }
}
