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
