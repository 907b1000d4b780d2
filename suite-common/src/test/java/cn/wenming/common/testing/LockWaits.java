package cn.wenming.common.testing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * What PostgreSQL says is waiting for a lock (pg_stat_activity): the tests of the statement timeout
 * hold a lock a worker needs and watch the worker's claim wait, get cancelled and come again.
 */
public final class LockWaits {

    private LockWaits() {
    }

    /**
     * Holds an exclusive lock on a work queue's {@code table} until the worker's claim has been seen
     * waiting for it, then gone while the lock is still held (so PostgreSQL cancelled it at the
     * statement timeout), then a later claim waiting again: the worker lived on. Fails after 30 s.
     */
    public static void awaitClaimCancelledAndTakenAgain(javax.sql.DataSource database, String table, String what) {
        try (Connection holder = database.getConnection(); Statement s = holder.createStatement();
                Connection watcher = database.getConnection()) {
            holder.setAutoCommit(false);
            s.execute("lock table " + table + " in access exclusive mode");
            List<String> seen = new ArrayList<>();
            boolean[] firstGone = { false };
            Await.until(() -> {
                List<String> now = claimsWaiting(watcher, table);
                if (seen.isEmpty()) {
                    seen.addAll(now);
                    return false;
                }
                if (!firstGone[0]) {
                    firstGone[0] = !now.contains(seen.get(0));
                    return false;
                }
                return now.stream().anyMatch(w -> !seen.contains(w));
            }, java.time.Duration.ofSeconds(30), java.time.Duration.ofMillis(100), what);
            holder.rollback();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The claims of a work queue ({@code cn.wenming.common.persistence.WorkQueue.claim} on {@code table})
     * now waiting for a lock, each as backend pid and the start of its statement.
     */
    public static List<String> claimsWaiting(Connection watcher, String table) {
        try (Statement s = watcher.createStatement(); ResultSet r = s.executeQuery(
                "select pid, query_start from pg_stat_activity where wait_event_type = 'Lock' and query like 'update "
                        + table + " set next_attempt_at%'")) {
            List<String> claims = new ArrayList<>();
            while (r.next()) {
                claims.add(r.getInt(1) + "@" + r.getTimestamp(2).toInstant());
            }
            return claims;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
