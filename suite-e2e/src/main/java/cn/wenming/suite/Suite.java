package cn.wenming.suite;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The whole suite on one machine: an embedded PostgreSQL with one database per service
 * ({@link Database}), the four packaged services (Quarkus aot-jars: every jar on the class path;
 * {@link Services}, run with {@link JvmOptions}) and the nginx gateway configured from
 * {@link #GATEWAY_FOLDER} ({@link Gateway}), with the keys the services trust ({@link JwtKeys},
 * {@link WebhookSecretsKey}). {@code ./suite run} starts it for people ({@link LocalRun}); the
 * end-to-end tests, the probe and the benchmark start it for themselves through this class, which
 * is what they use of it. {@link #close()} stops everything it started.
 */
public final class Suite implements AutoCloseable {

    /** The services in start order, each with its database name. */
    public static final List<String> SERVICES = List.of("bulletin-service", "task-service", "honors-service", "distribution-service");

    /**
     * The gateway's only folder (nginx.conf.template, docs/), relative to the project's root: inside
     * the kustomize base, which reads no file above itself, so the local run and the cluster render
     * the same files (deploy/README.md, "One gateway folder").
     */
    public static final String GATEWAY_FOLDER = "deploy/k8s/base/gateway";

    /** The gateway's rate per client address (requests a second) and burst in every suite started here ({@link Gateway#RATE}). */
    public static final int GATEWAY_RATE = Gateway.RATE;
    public static final int GATEWAY_BURST = Gateway.BURST;

    /** Where the local run keeps the key of distribution-service's webhook secrets ({@link WebhookSecretsKey}). */
    public static final String WEBHOOK_SECRETS_KEYS_FILE = WebhookSecretsKey.FILE;

    /** The JVM flags of every service ({@link JvmOptions#JVM_OPTIONS}, each measured). */
    public static final List<String> JVM_OPTIONS = JvmOptions.JVM_OPTIONS;

    private final Config config;
    private JwtKeys keys;
    private Database database;
    private Services services;
    private Gateway gateway;

    /**
     * How to start it. {@code workDir} holds the database files, keys, logs and the rendered
     * gateway configuration; {@code keepData} keeps the database between runs.
     */
    public record Config(Path projectRoot, Path workDir, Optional<Path> seedDir, int gatewayPort, int postgresPort,
            int firstServicePort, boolean keepData, Map<String, String> gatewaySettings,
            Map<String, Map<String, String>> serviceEnv) {

        public Config(Path projectRoot, Path workDir, Optional<Path> seedDir, int gatewayPort, int postgresPort,
                int firstServicePort, boolean keepData, Map<String, String> gatewaySettings) {
            this(projectRoot, workDir, seedDir, gatewayPort, postgresPort, firstServicePort, keepData, gatewaySettings, Map.of());
        }

        /** Free ports everywhere and a fresh database: for tests. */
        public static Config forTests(Path projectRoot, Path workDir, Optional<Path> seedDir) {
            return new Config(projectRoot, workDir, seedDir, Processes.freePort(), Processes.freePort(), 0, false, Map.of());
        }

        /** The same, with extra environment variables for one service (e.g. its webhook allow-list). */
        public Config withServiceEnv(String service, Map<String, String> env) {
            Map<String, Map<String, String>> all = new LinkedHashMap<>(serviceEnv);
            Map<String, String> merged = new LinkedHashMap<>(all.getOrDefault(service, Map.of()));
            merged.putAll(env);
            all.put(service, Map.copyOf(merged));
            return new Config(projectRoot, workDir, seedDir, gatewayPort, postgresPort, firstServicePort, keepData,
                    gatewaySettings, Map.copyOf(all));
        }
    }

    private Suite(Config config) {
        this.config = config;
    }

    /** Starts everything and returns when every service is ready and the gateway answers. */
    public static Suite start(Config config) {
        Suite suite = new Suite(config);
        try {
            suite.startAll();
            return suite;
        } catch (RuntimeException | Error e) {
            suite.close();
            throw e;
        }
    }

    private void startAll() {
        Services.checkPackaged(config.projectRoot());
        String nginx = Nginx.find().orElseThrow(() -> new IllegalStateException(Nginx.MISSING));
        Processes.mkdirs(config.workDir().resolve("logs"));
        keys = JwtKeys.inFolder(config.workDir().resolve("jwt"));
        database = Database.start(config.workDir(), config.postgresPort(), config.keepData(), SERVICES);
        services = new Services(config, database, keys);
        services.startAll();
        gateway = Gateway.start(nginx, config, services.ports());
        Instant deadline = Instant.now().plus(Services.START_WITHIN);
        for (String service : SERVICES) {
            services.awaitReady(service, deadline);
        }
        gateway.awaitReady(deadline);
    }

    // ---- the database ------------------------------------------------------------------------------

    /** bulletin-service → bulletin */
    public static String database(String service) {
        return Database.name(service);
    }

    public int postgresPort() {
        return database.port();
    }

    /**
     * Stops PostgreSQL as a failing database server would go away (open connections are cut),
     * keeping its data; {@link #startDatabase} brings it back on the same port. For fault tests.
     */
    public void stopDatabase() {
        database.stop();
    }

    /** Starts PostgreSQL again as it last ran; waits until it takes connections. */
    public void startDatabase() {
        database.startAgain();
    }

    // ---- the services ------------------------------------------------------------------------------

    public String serviceUrl(String service) {
        return services.url(service);
    }

    /**
     * Stops one service: {@code SIGTERM} and a wait for its graceful end, or, with {@code crash},
     * {@code SIGKILL} at once (what a power cut or an OOM kill does). Returns its exit code.
     */
    public int stopService(String service, boolean crash) {
        return services.stop(service, crash);
    }

    /** Starts a stopped service again on its port and returns when it is ready. */
    public void restartService(String service) {
        services.restartStopped(service);
    }

    /**
     * Stops one service ({@link #stopService}) and starts it again on its port with the same
     * settings, without waiting: the benchmark (bench/run) times the start to its first answer.
     */
    public Process restart(String service) {
        return services.restart(service);
    }

    public boolean isRunning(String service) {
        return services.isRunning(service);
    }

    /** The process of a running service (its pid, for measuring memory). */
    public ProcessHandle process(String service) {
        return services.process(service).toHandle();
    }

    /** {@code -XX:AOTCacheOutput}, the one-step training run, came with JDK 25 (JEP 514). */
    public static boolean makesAotCache(Runtime.Version jdk) {
        return JvmOptions.makesAotCache(jdk);
    }

    /** Where a service's archive of classes is kept: beside its jar, in {@code app}. */
    public static Path archive(Path app, Runtime.Version jdk) {
        return JvmOptions.archive(app, jdk);
    }

    // ---- the gateway -------------------------------------------------------------------------------

    public String gatewayUrl() {
        return gateway.url();
    }

    /** The gateway's master process. */
    public ProcessHandle gatewayProcess() {
        return gateway.process();
    }

    // ---- the keys ----------------------------------------------------------------------------------

    /** A token the services trust, for {@code user} of the office's staff with the given roles. */
    public String token(String user, String... roles) {
        return keys.token(user, Duration.ofHours(8), roles);
    }

    /** A token of {@code user} acting for the body {@code org} with the given roles (a recipient system: role recipient). */
    public String tokenFor(String user, UUID org, String... roles) {
        return keys.token(JwtKeys.Claims.ofBody(user, org, Duration.ofHours(8), roles));
    }

    /** The token of a service of the suite, as that service presents it. */
    public String serviceToken(String service) {
        return keys.token(JwtKeys.Claims.service(service, Duration.ofHours(8)));
    }

    /** The keys the services trust: for tokens with other claims (expired, foreign issuer). */
    public JwtKeys keys() {
        return keys;
    }

    // ---- the run -----------------------------------------------------------------------------------

    public Path projectRoot() {
        return config.projectRoot();
    }

    public Path log(String name) {
        return config.workDir().resolve("logs/" + name + ".log");
    }

    /** Stops the gateway, then the services (gracefully, then by force), then the database. */
    @Override
    public void close() {
        if (gateway != null) {
            gateway.close();
        }
        if (services != null) {
            services.close();
        }
        if (database != null) {
            database.close();
        }
    }
}
