package cn.wenming.suite.probe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.wenming.suite.Suite;

/**
 * The number of rows in every table of the four databases: what "nothing was stored" is checked by.
 * The audit trails (schema {@code audit}) are left out: every refused request is recorded there, by
 * design; the probe verifies them at its end instead ({@link AuditProbe}).
 */
final class Rows {

    private Rows() {
    }

    /** database.schema.table → rows; Flyway's history and the audit trail are left out. */
    static Map<String, Long> count(Suite suite) {
        Map<String, Long> counts = new TreeMap<>();
        for (String service : Suite.SERVICES) {
            String db = Suite.database(service);
            String url = "jdbc:postgresql://127.0.0.1:" + suite.postgresPort() + "/" + db;
            try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement()) {
                List<String> tables = new ArrayList<>();
                try (ResultSet r = s.executeQuery("select table_schema || '.' || table_name from information_schema.tables "
                        + "where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') "
                        + "and table_schema <> 'audit' and table_name <> 'flyway_schema_history'")) {
                    while (r.next()) {
                        tables.add(r.getString(1));
                    }
                }
                for (String table : tables) {
                    try (ResultSet r = s.executeQuery("select count(*) from " + table)) {
                        r.next();
                        counts.put(db + "." + table, r.getLong(1));
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot count the rows of " + db + ": " + e.getMessage(), e);
            }
        }
        return counts;
    }

    /** What changed between two counts, as "table: before → after". */
    static List<String> changes(Map<String, Long> before, Map<String, Long> after) {
        List<String> changed = new ArrayList<>();
        after.forEach((table, n) -> {
            long was = before.getOrDefault(table, 0L);
            if (was != n) {
                changed.add(table + ": " + was + " → " + n);
            }
        });
        return changed;
    }
}
