package cn.wenming.suite.probe;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.suite.Suite;
import cn.wenming.suite.probe.Report.Count;

/**
 * The reliability and security probe (issue 11): against a running suite, tries what other systems
 * and apps will send and what operations will suffer, and counts what held. {@code ./suite probe}
 * runs the full form against a freshly started suite ({@link #main}); the CI test runs the same
 * probes in their {@link Options#ci() short form} inside {@code ./mvnw verify}.
 */
public final class Probe {

    /**
     * How much to do. {@code hostileRounds}: how many times the generated hostile set is sent (each
     * round with another role's token); {@code outage}: how long the database is stopped.
     */
    public record Options(int hostileRounds, Duration outage, int threads) {

        public static Options ci() {
            return new Options(1, Duration.ofSeconds(30), 6);
        }

        public static Options full() {
            return new Options(3, Duration.ofSeconds(30), 8);
        }
    }

    /** The services' extra settings the probe's suite starts with: the cluster's shutdown delay. */
    public static final Map<String, String> SERVICE_SETTINGS = Map.of("QUARKUS_SHUTDOWN_DELAY", "3s");

    /** A fresh suite for the probe: free ports, a new database, the seed, {@link #SERVICE_SETTINGS}. */
    public static Suite.Config config(Path root, Path work, Optional<Path> seed) {
        Suite.Config config = Suite.Config.forTests(root, work, seed);
        for (String service : Suite.SERVICES) {
            config = config.withServiceEnv(service, SERVICE_SETTINGS);
        }
        return config;
    }

    private final Suite suite;
    private final Options options;
    private final Report report = new Report();
    private final Http http = new Http(report);

    private Probe(Suite suite, Options options) {
        this.suite = suite;
        this.options = options;
    }

    /** Runs every probe against {@code suite} (which it may stop and restart parts of) and reports. */
    public static Report run(Suite suite, Options options) {
        return new Probe(suite, options).runAll();
    }

    private Report runAll() {
        Instant start = Instant.now();
        try (Parallel parallel = new Parallel(options.threads())) {
            List<Api.Operation> ops = documents();
            phase("access matrix", () -> {
                AccessProbe access = new AccessProbe(suite, http);
                var rules = AccessMatrix.loadMatrix();
                access.run(access.checkAgainstDocuments(ops, rules), rules, parallel);
            });
            phase("hostile input", () -> hostile(ops, parallel));
            phase("reader visibility", () -> new VisibilityProbe(suite, http).run());
            phase("output safety", () -> new OutputProbe(suite, http).run());
            phase("limits", () -> new LimitsProbe(suite, http).run(ops));
            phase("database outage", () -> new FaultProbe(suite, http).databaseOutage(options.outage()));
            phase("SIGTERM under load", () -> new FaultProbe(suite, http).sigtermUnderLoad());
            // last: every trail holds after all of the above; then one row is altered and restored
            phase("audit trails", () -> new AuditProbe(suite, http).run());
        }
        System.out.println("probe: done in " + Duration.between(start, Instant.now()).toSeconds() + " s");
        return report;
    }

    private void phase(String name, Runnable probe) {
        Instant start = Instant.now();
        long before = report.get(Count.REQUESTS);
        try {
            probe.run();
        } catch (RuntimeException e) {
            report.fail(null, name + ": the probe itself failed: " + e);
            e.printStackTrace();
        }
        System.out.printf("probe: %-20s %6d requests, %4d s%n", name, report.get(Count.REQUESTS) - before,
                Duration.between(start, Instant.now()).toSeconds());
    }

    /** The four served documents, checked (committed copy, Spectral), as operations. */
    private List<Api.Operation> documents() {
        List<Api.Operation> ops = new ArrayList<>();
        OpenApiCheck check = new OpenApiCheck(suite, http);
        for (String service : Suite.SERVICES) {
            JsonNode doc = check.served(service);
            ops.addAll(Api.operations(service, doc));
        }
        check.run();
        return ops;
    }

    private void hostile(List<Api.Operation> ops, Parallel parallel) {
        Map<String, Long> before = Rows.count(suite);
        HostileProbe probe = new HostileProbe(suite, http);
        List<HostileProbe.Attempt> attempts = probe.generate(ops);
        String[] roleSets = { "reader,editor,reviewer,admin", "admin", "editor,reviewer" };
        for (int round = 0; round < options.hostileRounds(); round++) {
            String token = suite.token("probe-hostile-" + round, roleSets[round % roleSets.length].split(","));
            probe.run(attempts, token, parallel);
        }
        List<String> stored = Rows.changes(before, Rows.count(suite));
        for (String change : stored) {
            report.fail(Count.STORED_BY_HOSTILE, "hostile input stored rows: " + change);
        }
    }

    /** {@code ./suite probe}: a fresh suite (own ports, own database), the full probe, the summary. */
    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Path seed = root.resolve("../shared/seed").normalize();
        Path work = root.resolve(".local/probe-" + UUID.randomUUID().toString().substring(0, 8));
        Options options = List.of(args).contains("--short") ? Options.ci() : Options.full();
        boolean writeOpenApi = List.of(args).contains("--write-openapi");
        System.out.println("probe: starting a fresh suite in " + work + " ...");
        Report report;
        try (Suite suite = Suite.start(config(root, work, Files.isDirectory(seed) ? Optional.of(seed) : Optional.empty()))) {
            if (writeOpenApi) {
                OpenApiCheck.write(suite, new Http(new Report()));
                report = new Report();
            } else {
                report = run(suite, options);
            }
        }
        // the logs are kept when something failed (or the suite did not even start)
        if (report.passed()) {
            deleteQuietly(work);
        } else {
            System.out.println("probe: logs in " + work.resolve("logs"));
        }
        if (!writeOpenApi) {
            System.out.println(report.summary());
        }
        System.exit(report.passed() ? 0 : 1);
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("probe: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
