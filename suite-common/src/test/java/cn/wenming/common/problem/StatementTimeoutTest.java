package cn.wenming.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.junit.jupiter.api.Test;

/**
 * A statement PostgreSQL cancelled at its timeout (SQLSTATE 57014) is a 503 with Retry-After
 * wherever it surfaces, not a 500 and not a 409: the request may be tried again.
 */
class StatementTimeoutTest {

    private static final SQLException CANCELLED = new SQLException("ERROR: canceling statement due to statement timeout", "57014");

    @Test
    void aCancelledStatementIsRecognisedHoweverItIsWrapped() {
        assertTrue(ProblemMappers.statementTimedOut(CANCELLED));
        // plain JDBC wrapped by the service (SearchService)
        assertTrue(ProblemMappers.statementTimedOut(new IllegalStateException("search failed", CANCELLED)));
        // Hibernate's translation and JPA's
        assertTrue(ProblemMappers.statementTimedOut(new org.hibernate.QueryTimeoutException("x", CANCELLED, "select 1")));
        assertTrue(ProblemMappers.statementTimedOut(new QueryTimeoutException("x")));
        assertTrue(ProblemMappers.statementTimedOut(new PersistenceException(new RuntimeException(CANCELLED))));
        // a flush at commit: the driver's exception is a suppressed one
        RuntimeException rollback = new RuntimeException("Could not commit transaction.");
        rollback.addSuppressed(CANCELLED);
        assertTrue(ProblemMappers.statementTimedOut(new RuntimeException("Error invoking subclass method", rollback)));
        // lock_timeout, should an operator set one
        assertTrue(ProblemMappers.statementTimedOut(new SQLException("canceling statement due to lock timeout", "55P03")));
    }

    @Test
    void otherFailuresAreNotTimeouts() {
        assertFalse(ProblemMappers.statementTimedOut(new IllegalStateException("bug")));
        assertFalse(ProblemMappers.statementTimedOut(new PersistenceException(new SQLException("syntax error", "42601"))));
        assertFalse(ProblemMappers.statementTimedOut(new SQLException("refused", "08001")));
        assertFalse(ProblemMappers.databaseUnreachable(CANCELLED), "a cancel is no outage");
    }

    @Test
    void theAnswerIsA503UnavailableProblemWithRetryAfter() {
        var answer = new ProblemMappers().unexpected(new PersistenceException(CANCELLED), null);
        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals(ProblemType.UNAVAILABLE.uri(), ((Problem) answer.getEntity()).type());
        assertFalse(((Problem) answer.getEntity()).detail().contains("57014"), "no SQL state or message of the driver");
    }

    @Test
    void aLockWaitCancelledAtTheTimeoutIs503NotAConflict() {
        var cancelled = new PersistenceProblemMappers().pessimisticLock(new PessimisticLockException("x", CANCELLED), null);
        assertEquals(503, cancelled.getStatus());
        assertEquals("5", cancelled.getHeaderString("Retry-After"));
        var clash = new PersistenceProblemMappers().pessimisticLock(new PessimisticLockException("x"), null);
        assertEquals(409, clash.getStatus());
    }
}
