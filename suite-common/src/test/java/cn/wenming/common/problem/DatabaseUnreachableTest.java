package cn.wenming.common.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** A database that is down is a 503 with Retry-After, not a 500: the probe's outage found the 500s. */
class DatabaseUnreachableTest {

    @Test
    void connectionFailuresAreRecognisedThroughTheirCauses() {
        assertTrue(ProblemMappers.databaseUnreachable(new JDBCConnectionException("no", new SQLException("refused", "08001"))));
        assertTrue(ProblemMappers.databaseUnreachable(new PersistenceException(new RuntimeException(new SQLException("closed", "08003")))));
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException(new SQLException("terminating connection", "57P01"))));
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException(new SQLException("Acquisition timeout while waiting for new connection"))));
        // a commit cut off by the server's shutdown: the driver's exception is a suppressed one
        RuntimeException rollback = new RuntimeException("Could not commit transaction.");
        rollback.addSuppressed(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        assertTrue(ProblemMappers.databaseUnreachable(new RuntimeException("Error invoking subclass method", rollback)));
    }

    @Test
    void otherFailuresStayBugs() {
        assertFalse(ProblemMappers.databaseUnreachable(new IllegalStateException("bug")));
        assertFalse(ProblemMappers.databaseUnreachable(new PersistenceException(new SQLException("syntax error", "42601"))));
    }

    @Test
    void theAnswerIsA503UnavailableProblemWithRetryAfter() {
        var answer = new ProblemMappers().unexpected(new JDBCConnectionException("no", new SQLException("refused", "08001")), null);
        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals(ProblemType.UNAVAILABLE.uri(), ((Problem) answer.getEntity()).type());
    }
}
