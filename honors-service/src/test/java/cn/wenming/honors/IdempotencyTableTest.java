package cn.wenming.honors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;

import org.junit.jupiter.api.Test;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.idempotency.IdempotencyJanitor;
import cn.wenming.common.idempotency.SuiteIdempotencyConfig;
import cn.wenming.common.testing.SuiteTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Idempotency-Key answers live in suite-common's schema {@code idempotency}, which this service's V3
 * moved them to: the answers are stored and replayed there, the previous release (during a rolling
 * update) still reaches the same table by its old name, and the janitor forgets what is older than the
 * retention. One service stands for the three that had the table (their moves are the same script).
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class IdempotencyTableTest {

    private static final String TABLE = "idempotency.idempotency_record";

    @Inject
    Idempotency idempotency;

    @Inject
    IdempotencyJanitor janitor;

    @Inject
    SuiteIdempotencyConfig config;

    @Inject
    AgroalDataSource db;

    @Test
    void anAnswerIsStoredInSuiteCommonsTableAndReplayedFromIt() {
        String key = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();
        // as a service method calls it: inside the transaction that does the work (it never begins one)
        Idempotency.Answer first = QuarkusTransaction.requiringNew().call(() -> idempotency.once(key, "测试员", "test-op", Map.of("n", 1), () -> {
            runs.incrementAndGet();
            return idempotency.current(Map.of("done", runs.get()), 4L);
        }));
        Idempotency.Answer again = QuarkusTransaction.requiringNew().call(() -> idempotency.once(key, "测试员", "test-op", Map.of("n", 1), () -> {
            runs.incrementAndGet();
            return idempotency.current(Map.of("done", runs.get()), 5L);
        }));

        assertEquals(1, runs.get(), "the work ran once");
        assertFalse(first.replayed());
        assertTrue(again.replayed());
        assertEquals(first.body(), again.body());
        assertEquals(first.etag(), again.etag());
        assertEquals(1, count(TABLE, key));
    }

    @Test
    void outsideATransactionItRefusesAndNeitherRunsTheWorkNorStoresAnything() {
        String key = UUID.randomUUID().toString();
        AtomicInteger runs = new AtomicInteger();
        assertThrows(TransactionalException.class, () -> idempotency.once(key, "测试员", "test-op", Map.of("n", 1), () -> {
            runs.incrementAndGet();
            return idempotency.current(Map.of("done", runs.get()), 1L);
        }), "it never begins a transaction of its own");
        assertEquals(0, runs.get());
        assertEquals(0, count(TABLE, key));
    }

    @Test
    void thePreviousReleaseStillReachesTheSameTableByItsOldName() throws SQLException {
        String key = UUID.randomUUID().toString();
        // the previous release's Idempotency.once, word for word, against the table it had in public
        String old = "insert into idempotency_record (key, principal, operation, request_hash, status, created_at) "
                + "values (?, ?, ?, ?, 0, ?) on conflict do nothing";
        assertEquals(1, update(old, key, "旧版本", "test-op", "hash", Timestamp.from(Instant.now())));
        assertEquals(0, update(old, key, "旧版本", "test-op", "hash", Timestamp.from(Instant.now())),
                "the key is taken: a retry replays");

        assertEquals(1, count(TABLE, key), "written to suite-common's table");
        assertEquals(1, count("idempotency_record", key));
    }

    @Test
    void theJanitorForgetsAnswersOlderThanTheRetentionAndKeepsYoungerOnes() throws SQLException {
        Duration retention = config.retention();
        assertEquals(Duration.ofHours(24), retention, "the default");
        String old = UUID.randomUUID().toString();
        String young = UUID.randomUUID().toString();
        store(old, Instant.now().minus(retention).minus(Duration.ofHours(1)));
        store(young, Instant.now().minus(retention).plus(Duration.ofHours(1)));

        janitor.forgetOldAnswers();

        assertEquals(0, count(TABLE, old));
        assertEquals(1, count(TABLE, young));
    }

    private void store(String key, Instant at) throws SQLException {
        update("insert into " + TABLE + " (key, principal, operation, request_hash, status, body, created_at) "
                + "values (?, ?, ?, ?, 201, '{}', ?)", key, "测试员", "test-op", "hash", Timestamp.from(at));
    }

    private int update(String sql, Object... values) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement p = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                p.setObject(i + 1, values[i]);
            }
            return p.executeUpdate();
        }
    }

    private int count(String table, String key) {
        try (Connection c = db.getConnection();
                PreparedStatement p = c.prepareStatement("select count(*) from " + table + " where key = ?")) {
            p.setString(1, key);
            try (ResultSet r = p.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
