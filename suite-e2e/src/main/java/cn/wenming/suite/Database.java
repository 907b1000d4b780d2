package cn.wenming.suite;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The suite's database server: one embedded PostgreSQL with a database per service, which fault
 * tests may stop and start again as a failing server would.
 */
final class Database implements AutoCloseable {

    private final Path workDir;
    private final EmbeddedPostgres postgres;
    /** PostgreSQL as {@link #startAgain} started it after a fault test, if it did. */
    private Process restarted;

    private Database(Path workDir, EmbeddedPostgres postgres) {
        this.workDir = workDir;
        this.postgres = postgres;
    }

    /** bulletin-service → bulletin */
    static String name(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    /** Starts PostgreSQL with its data in {@code workDir/pgdata} and creates each service's database if missing. */
    static Database start(Path workDir, int port, boolean keepData, List<String> services) {
        Path data = workDir.resolve("pgdata");
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(workDir.resolve("pg-binaries").toFile())
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(!keepData)
                    .setPort(port)
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log(workDir).toFile()))
                    .start();
            Database database = new Database(workDir, postgres);
            database.createDatabases(services);
            return database;
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start in " + data + ": " + e.getMessage(), e);
        }
    }

    private void createDatabases(List<String> services) throws SQLException {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            for (String service : services) {
                String db = name(service);
                try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                    if (!r.next()) {
                        s.execute("create database " + db + " encoding 'UTF8'");
                    }
                }
            }
        }
    }

    int port() {
        return postgres.getPort();
    }

    /** The JDBC URL of a service's own database. */
    String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + name(service);
    }

    /**
     * Stops PostgreSQL as a failing database server would go away (a fast shutdown, SIGINT: open
     * connections are cut), keeping its data directory; {@link #startAgain} brings it back on
     * the same port with the same settings. (Signals, not pg_ctl: pg_ctl refuses to run as root,
     * which CI is.)
     */
    void stop() {
        long pid = Long.parseLong(Processes.read(workDir.resolve("pgdata/postmaster.pid")).lines().findFirst().orElseThrow().trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL (pid " + pid + ") is not running"));
        Processes.signal("INT", pid);
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop within 60 s: " + e, e);
        }
    }

    /** Starts PostgreSQL again with the command line it last ran with (its postmaster.opts); waits until it takes connections. */
    void startAgain() {
        List<String> command = lastCommand();
        try {
            restarted = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log(workDir).toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start again: " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                return;
            } catch (SQLException notYet) {
                failIfEnded(command);
            }
        }
        throw new IllegalStateException("PostgreSQL did not take connections within 60 s of starting again; see " + log(workDir));
    }

    private List<String> lastCommand() {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; like the embedded launcher, run it in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        String opts = Processes.read(workDir.resolve("pgdata/postmaster.opts")).trim();
        command.add(opts.substring(0, opts.indexOf(' ')));
        Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(opts.substring(opts.indexOf(' ')));
        while (quoted.find()) {
            command.add(quoted.group(1));
        }
        return command;
    }

    /** Waits a moment for the restarted server, failing if it has ended meanwhile. */
    private void failIfEnded(List<String> command) {
        try {
            if (restarted.waitFor(200, TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("PostgreSQL stopped while starting again (" + String.join(" ", command)
                        + "): " + Processes.tail(log(workDir)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while PostgreSQL started");
        }
    }

    private static Path log(Path workDir) {
        return workDir.resolve("logs/postgres.log");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
        }
        if (restarted != null && restarted.isAlive()) {
            Processes.signal("INT", restarted.pid());
            try {
                if (!restarted.waitFor(30, TimeUnit.SECONDS)) {
                    restarted.destroyForcibly();
                }
            } catch (InterruptedException e) {
                restarted.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
