package cn.wenming.suite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The four packaged services as processes: each on its port, with its database, the keys it
 * trusts and the addresses of the others; stopped, crashed and started again for fault tests.
 */
final class Services implements AutoCloseable {

    /**
     * How long the four services (and the gateway) may take to answer ready: a deadline polled against,
     * not a wait. A start takes 3-10 s on a quiet machine; on two shared cores with other builds
     * running (load 15-20) it was seen to take up to 190 s.
     */
    static final Duration START_WITHIN = Duration.ofSeconds(300);

    private final Suite.Config config;
    private final Database database;
    private final JwtKeys keys;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();
    /** Service processes that write their archive of classes when they end ({@link JvmOptions#classDataSharing}). */
    private final Set<Process> recording = ConcurrentHashMap.newKeySet();

    Services(Suite.Config config, Database database, JwtKeys keys) {
        this.config = config;
        this.database = database;
        this.keys = keys;
        int next = config.firstServicePort();
        for (String service : Suite.SERVICES) {
            ports.put(service, next == 0 ? Processes.freePort() : next++);
        }
    }

    /** Fails early, with the command that helps, when a service's jar is missing. */
    static void checkPackaged(Path projectRoot) {
        for (String service : Suite.SERVICES) {
            if (!Files.isRegularFile(runnerJar(projectRoot, service))) {
                throw new IllegalStateException(service + " is not packaged (" + runnerJar(projectRoot, service)
                        + " is missing): build first with ./mvnw package -DskipTests, or use ./suite run");
            }
        }
    }

    private static Path runnerJar(Path projectRoot, String service) {
        return projectRoot.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    Map<String, Integer> ports() {
        return Map.copyOf(ports);
    }

    String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    Process process(String service) {
        return running.get(service);
    }

    void startAll() {
        for (String service : Suite.SERVICES) {
            running.put(service, start(service));
        }
    }

    void awaitReady(String service, Instant deadline) {
        Processes.awaitOk(service, running.get(service), url(service) + "/q/health/ready", deadline, log(service));
    }

    private Path log(String service) {
        return config.workDir().resolve("logs/" + service + ".log");
    }

    private Process start(String service) {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        command.addAll(JvmOptions.JVM_OPTIONS);
        command.addAll(JvmOptions.EXTRA_JVM_OPTIONS);
        JvmOptions.ClassArchive archive = JvmOptions.classDataSharing(runnerJar(config.projectRoot(), service).getParent(), Runtime.version());
        command.add(archive.flag());
        command.addAll(List.of("-jar", runnerJar(config.projectRoot(), service).toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(service).toFile()));
        environment(service, pb.environment());
        try {
            Process started = pb.start();
            if (archive.records()) {
                recording.add(started);
            }
            return started;
        } catch (IOException e) {
            throw new IllegalStateException(service + " did not start: " + e.getMessage(), e);
        }
    }

    private void environment(String service, Map<String, String> env) {
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        // two malloc arenas instead of eight per core: the JVM's native memory stays compact
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SUITE_SECURITY_JWKS_LOCATION", keys.jwksFile().toString());
        env.put("SUITE_JWT_ISSUER", JwtKeys.ISSUER);
        env.put("SUITE_JWT_AUDIENCE", JwtKeys.AUDIENCE);
        config.seedDir().ifPresent(dir -> env.put("SUITE_SEED_DIR", dir.toString()));
        // how the services find each other (directly, not through the gateway) and prove who they are:
        // each its own token (sub = its name), as the identity provider would issue it
        env.put("SUITE_SERVICE_TOKEN", keys.token(JwtKeys.Claims.service(service, Duration.ofDays(365))));
        env.put("SUITE_DISTRIBUTION_URL", url("distribution-service"));
        env.put("SUITE_TASK_URL", url("task-service"));
        env.put("SUITE_HONORS_URL", url("honors-service"));
        env.put("SUITE_BULLETIN_URL", url("bulletin-service"));
        if (service.equals("distribution-service") && !env.containsKey("DISTRIBUTION_WEBHOOK_SECRETS_KEYS")) {
            // the packaged service does not start without the key of its webhook secrets
            env.putAll(WebhookSecretsKey.inFolder(config.workDir()));
        }
        env.putAll(config.serviceEnv().getOrDefault(service, Map.of()));
    }

    /**
     * Stops one service: {@code SIGTERM} and a wait for its graceful end, or, with {@code crash},
     * {@code SIGKILL} at once (what a power cut or an OOM kill does). Returns its exit code.
     */
    int stop(String service, boolean crash) {
        Process p = running.get(service);
        if (p == null) {
            throw new IllegalArgumentException("unknown service " + service);
        }
        if (crash) {
            p.destroyForcibly();
        } else {
            p.destroy();
        }
        try {
            if (!p.waitFor(stopWait(p, 30), TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping " + service);
        }
        return p.exitValue();
    }

    /** Starts a stopped service again on its port and returns when it is ready. */
    void restartStopped(String service) {
        Process old = running.get(service);
        if (old == null || old.isAlive()) {
            throw new IllegalStateException(service + " is unknown or still running");
        }
        running.put(service, start(service));
        awaitReady(service, Instant.now().plus(START_WITHIN));
    }

    /** Stops a running service and starts it again on its port, without waiting for it to be ready. */
    Process restart(String service) {
        stop(service, false);
        Process started = start(service);
        running.put(service, started);
        return started;
    }

    boolean isRunning(String service) {
        Process p = running.get(service);
        return p != null && p.isAlive();
    }

    /** Stops all of them at once, gracefully, then by force. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(running.values());
        all.forEach(Process::destroy);
        all.forEach(p -> Processes.stop(p, stopWait(p, 15)));
    }

    /**
     * Seconds to wait for a process to end after {@code SIGTERM}: a service that is writing its
     * archive of classes on the way out ({@link JvmOptions#classDataSharing}) takes longer, most when all four
     * write at once on a busy machine, and is given two minutes rather than be killed half-way.
     */
    private long stopWait(Process p, long usual) {
        return recording.contains(p) ? 120 : usual;
    }
}
