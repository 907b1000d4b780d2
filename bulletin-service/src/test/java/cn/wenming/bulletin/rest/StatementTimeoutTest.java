package cn.wenming.bulletin.rest;

import static cn.wenming.bulletin.rest.HandOffTest.draftWith;
import static cn.wenming.bulletin.rest.HandOffTest.list;
import static cn.wenming.bulletin.rest.HandOffTest.received;
import static cn.wenming.common.testing.ProblemAssertions.assertProblem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.testing.Await;
import cn.wenming.common.testing.LockWaits;
import cn.wenming.common.testing.SuiteTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Every statement has a timeout (issue 18, SUITE_DB_STATEMENT_TIMEOUT, 5 s by default): a request
 * whose statement PostgreSQL cancels is a 503 with Retry-After, not a stuck thread nor a 500, and the
 * workers go on. What makes a statement slow here is real: the test takes a lock the statement needs
 * and holds it past the timeout, as a long migration or a forgotten transaction would. No lock_timeout
 * is set: statement_timeout counts the wait for a lock too.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(PeerServices.class)
class StatementTimeoutTest {

    @Inject
    DataSource database;

    @ConfigProperty(name = "quarkus.datasource.jdbc.new-connection-sql")
    String newConnectionSql;

    private final Desk desk = new Desk();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theServiceSetsTheSuitesTimeoutOnItsConnections() throws SQLException {
        assertTrue(newConnectionSql.contains("statement_timeout"), newConnectionSql);
        try (Connection c = database.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery("show statement_timeout")) {
            r.next();
            assertTrue(r.getString(1).equals("5s"), "the default of SUITE_DB_STATEMENT_TIMEOUT: " + r.getString(1));
        }
    }

    @Test
    void aSearchThatWaitsPastTheTimeoutIs503WithRetryAfterAndTheNextSearchAnswers() throws SQLException {
        try (Connection holder = database.getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("lock table article in access exclusive mode"); // a search reads article: it waits
            Instant asked = Instant.now();
            Response slow = given().header("Authorization", desk.editor).queryParam("q", "背街小巷").get(SearchTest.SEARCH);
            Duration took = Duration.between(asked, Instant.now());
            assertProblem(slow.then(), 503, "unavailable").header("Retry-After", "5");
            assertTrue(took.compareTo(Duration.ofSeconds(4)) >= 0 && took.compareTo(Duration.ofSeconds(30)) < 0,
                    "PostgreSQL cancelled it at its timeout, while the lock was still held: " + took);
            holder.rollback();
        }
        given().header("Authorization", desk.editor).queryParam("q", "背街小巷").get(SearchTest.SEARCH).then().statusCode(200);
    }

    @Test
    void aWorkflowStepThatWaitsForItsRowPastTheTimeoutIs503AndTheIssueIsUnchanged() throws SQLException {
        String id = Desk.as(desk.editor).body(Desk.draft(desk.newSeries(), null, desk.editorName)).post(Desk.BULLETINS)
                .then().statusCode(201).extract().path("id");
        try (Connection holder = database.getConnection(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("select id from bulletin where id = '" + UUID.fromString(id) + "' for update"); // the submit locks this row
            // (without a statement timeout it would wait for good: Quarkus's test client gives up after 30 s)
            assertProblem(desk.step(desk.editor, id, "submit").then(), 503, "unavailable").header("Retry-After", "5");
            holder.rollback();
        }
        desk.get(desk.editor, id).then().statusCode(200).body("status", equalTo("DRAFT"));
        desk.step(desk.editor, id, "submit").then().statusCode(200).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void theOutboxRelaySurvivesItsClaimBeingCancelledAndRelaysTheNextPublication() throws SQLException {
        // the relay polls every second (test profile); its claim waits for the lock, is cancelled, and comes again
        LockWaits.awaitClaimCancelledAndTakenAgain(database, "outbox_message",
                "the relay's claim cancelled at the timeout, and the relay claiming again");
        UUID send = list("SEND", "首都文明委委员");
        String id = draftWith(desk, List.of(), List.of(), Map.of("SEND", List.of(send)));
        desk.step(desk.editor, id, "submit").then().statusCode(200);
        desk.step(desk.reviewer, id, "approve").then().statusCode(200);
        desk.step(desk.reviewer, id, "publish").then().statusCode(200);
        Await.until(() -> received(id).stream().anyMatch(r -> r.answered() == 201), Duration.ofSeconds(15), Duration.ofMillis(50),
                "the publication's dispatch request reached distribution-service");
    }
}
