package cn.wenming.suite;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The whole suite on one machine: an embedded PostgreSQL with one database per service, the four
 * packaged services (Quarkus aot-jars: every jar on the class path) and the nginx gateway configured from
 * {@link #GATEWAY_FOLDER}. {@code ./suite run} starts it for people ({@link LocalRun}); the
 * end-to-end tests start it for themselves. {@link #close()} stops everything it started.
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

    private final Config config;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    /**
     * How long the four services (and the gateway) may take to answer ready: a deadline polled against,
     * not a wait. A start takes 3-10 s on a quiet machine; on two shared cores with other builds
     * running (load 15-20) it was seen to take up to 190 s.
     */
    static final Duration START_WITHIN = Duration.ofSeconds(300);
    private final Map<String, Process> services = new LinkedHashMap<>();
    /** Service processes that write their archive of classes when they end ({@link #classDataSharing}). */
    private final Set<Process> recording = ConcurrentHashMap.newKeySet();
    private EmbeddedPostgres postgres;
    /** PostgreSQL as {@link #startDatabase} started it again after a fault test, if it did. */
    private Process restartedPostgres;
    private Process gateway;
    private JwtKeys keys;

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
            return new Config(projectRoot, workDir, seedDir, freePort(), freePort(), 0, false, Map.of());
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
        checkPackaged();
        String nginx = Nginx.find().orElseThrow(() -> new IllegalStateException(Nginx.MISSING));
        mkdirs(config.workDir().resolve("logs"));
        keys = JwtKeys.inFolder(config.workDir().resolve("jwt"));
        startPostgres();
        int next = config.firstServicePort();
        for (String service : SERVICES) {
            ports.put(service, next == 0 ? freePort() : next++);
        }
        for (String service : SERVICES) {
            services.put(service, startService(service, ports.get(service)));
        }
        gateway = Nginx.start(nginx, config.projectRoot().resolve(GATEWAY_FOLDER), config.workDir().resolve("gateway"),
                gatewaySettings(), config.workDir().resolve("logs/gateway.log"));
        Instant deadline = Instant.now().plus(START_WITHIN);
        for (String service : SERVICES) {
            awaitOk(service, services.get(service), "http://127.0.0.1:" + ports.get(service) + "/q/health/ready", deadline);
        }
        awaitOk("gateway", gateway, gatewayUrl() + "/healthz", deadline);
    }

    private void checkPackaged() {
        for (String service : SERVICES) {
            if (!Files.isRegularFile(runnerJar(service))) {
                throw new IllegalStateException(service + " is not packaged (" + runnerJar(service)
                        + " is missing): build first with ./mvnw package -DskipTests, or use ./suite run");
            }
        }
    }

    private Path runnerJar(String service) {
        return config.projectRoot().resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private void startPostgres() {
        Path data = config.workDir().resolve("pgdata");
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(config.workDir().resolve("pg-binaries").toFile())
                    .setDataDirectory(data.toFile())
                    .setCleanDataDirectory(!config.keepData())
                    .setPort(config.postgresPort())
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(config.workDir().resolve("logs/postgres.log").toFile()))
                    .start();
            try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                for (String service : SERVICES) {
                    String db = database(service);
                    try (ResultSet r = s.executeQuery("select 1 from pg_database where datname = '" + db + "'")) {
                        if (!r.next()) {
                            s.execute("create database " + db + " encoding 'UTF8'");
                        }
                    }
                }
            }
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start in " + data + ": " + e.getMessage(), e);
        }
    }

    /** Where the local run keeps the key of distribution-service's webhook secrets. */
    public static final String WEBHOOK_SECRETS_KEYS_FILE = "webhook-secrets.keys";

    /**
     * distribution-service's key for the organizations' webhook secrets at rest, as its environment
     * takes it ({@code DISTRIBUTION_WEBHOOK_SECRETS_KEYS}, {@code <key id>:<base64 of 32 bytes>}):
     * made on first use in {@code workDir/webhook-secrets.keys} (readable by its owner only) and
     * kept, like the database, so that the secrets of an earlier run still open. Never committed.
     */
    static Map<String, String> webhookSecretsKey(Path workDir) {
        Path file = workDir.resolve(WEBHOOK_SECRETS_KEYS_FILE);
        try {
            if (!Files.isRegularFile(file)) {
                Files.createDirectories(workDir);
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, "local1:" + java.util.Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the folder's own protection applies
                }
            }
            String keys = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Map.of("DISTRIBUTION_WEBHOOK_SECRETS_KEYS", keys);
        } catch (IOException e) {
            throw new IllegalStateException("the webhook secrets key in " + file + " cannot be made or read: " + e.getMessage(), e);
        }
    }

    /** bulletin-service → bulletin */
    public static String database(String service) {
        return service.substring(0, service.indexOf('-'));
    }

    /**
     * The JVM flags of every service, each measured in bench/RESULTS.md (scenario 6):
     * <ul>
     * <li>a small initial heap (-Xms): the JVM's default is 1/64 of the machine's memory, all of it
     * touched by the young generation before the first collection; the serial collector suits a
     * small heap and a container of one or two cores; after a collection the heap keeps 20-40 % free
     * instead of the default 40-70 %, so it grows less beyond what is live;</li>
     * <li>{@code ArchiveRelocationMode=0}: the AppCDS archive ({@link #classDataSharing}) is mapped at
     * the address it was made for, not relocated to a random one (this JDK's default): its pages
     * then stay clean file pages instead of private copies (31 instead of 64 MB dirty);</li>
     * <li>{@code TrimNativeHeapInterval}: every 5 s the C library gives back the memory the JIT
     * compilers and others have freed (about 35 MB of RSS after a load; JDK 17.0.9 and later, see
     * {@link #trimsNativeHeap}).</li>
     * </ul>
     */
    public static final List<String> JVM_OPTIONS = jvmOptions(Runtime.version());

    /**
     * Flags added for one run (system property {@code suite.jvm-options.extra}, separated by spaces):
     * the benchmark's smoke run uses {@code -XX:TieredStopAtLevel=1}, a third less CPU to start,
     * where no figure counts.
     */
    static final List<String> EXTRA_JVM_OPTIONS = List.of(System.getProperty("suite.jvm-options.extra", "").trim().split("\\s+"))
            .stream().filter(f -> !f.isEmpty()).toList();

    static List<String> jvmOptions(Runtime.Version jdk) {
        List<String> flags = new ArrayList<>(List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:MinHeapFreeRatio=20",
                "-XX:MaxHeapFreeRatio=40", "-Dfile.encoding=UTF-8",
                "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0"));
        if (trimsNativeHeap(jdk)) {
            flags.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=5000"));
        }
        return List.copyOf(flags);
    }

    /** The flag came with 17.0.9 (experimental there and in 21; a JVM refuses to start on a flag it does not know). */
    static boolean trimsNativeHeap(Runtime.Version jdk) {
        return switch (jdk.feature()) {
            case 17 -> jdk.update() >= 9;
            case 18, 19, 20 -> false;
            case 21 -> jdk.update() >= 1;
            default -> jdk.feature() > 21;
        };
    }

    private Process startService(String service, int port) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(JVM_OPTIONS);
        command.addAll(EXTRA_JVM_OPTIONS);
        ClassArchive archive = classDataSharing(service);
        command.add(archive.flag());
        command.addAll(List.of("-jar", runnerJar(service).toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(config.workDir().resolve("logs/" + service + ".log").toFile()));
        Map<String, String> env = pb.environment();
        env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        // two malloc arenas instead of eight per core: the JVM's native memory stays compact
        env.putIfAbsent("MALLOC_ARENA_MAX", "2");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + database(service));
        env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
        env.put("SUITE_SECURITY_JWKS_LOCATION", keys.jwksFile().toString());
        env.put("SUITE_JWT_ISSUER", JwtKeys.ISSUER);
        env.put("SUITE_JWT_AUDIENCE", JwtKeys.AUDIENCE);
        config.seedDir().ifPresent(dir -> env.put("SUITE_SEED_DIR", dir.toString()));
        // how the services find each other (directly, not through the gateway) and prove who they are:
        // each its own token (sub = its name), as the identity provider would issue it
        env.put("SUITE_SERVICE_TOKEN", keys.token(JwtKeys.Claims.service(service, Duration.ofDays(365))));
        env.put("SUITE_DISTRIBUTION_URL", serviceUrl("distribution-service"));
        env.put("SUITE_TASK_URL", serviceUrl("task-service"));
        env.put("SUITE_HONORS_URL", serviceUrl("honors-service"));
        env.put("SUITE_BULLETIN_URL", serviceUrl("bulletin-service"));
        if (service.equals("distribution-service") && !env.containsKey("DISTRIBUTION_WEBHOOK_SECRETS_KEYS")) {
            // the packaged service does not start without the key of its webhook secrets
            env.putAll(webhookSecretsKey(config.workDir()));
        }
        env.putAll(config.serviceEnv().getOrDefault(service, Map.of()));
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

    /**
     * The classes a service loaded in its first run, kept next to its jar when that run ends and
     * mapped by every later start instead of being read, verified and linked again:
     * <ul>
     * <li>on JDK 25 and later an AOT cache ({@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}):
     * classes loaded and linked, with the first run's method profiles, so the JIT compiles the
     * right methods sooner;</li>
     * <li>before that an AppCDS archive ({@code -XX:ArchiveClassesAtExit}, then
     * {@code -XX:SharedArchiveFile}).</li>
     * </ul>
     * Both need the services packaged as {@code aot-jar} (every jar on the JVM's class path, see
     * suite-common's configuration): classes of Quarkus's own class loader were left out of the
     * archive ("not linked"). A file older than the service's jars is made anew (the JVM would
     * refuse it anyway). Measured in bench/RESULTS.md, scenario 6.
     */
    private ClassArchive classDataSharing(String service) {
        return classDataSharing(runnerJar(service).getParent(), Runtime.version());
    }

    /** The JVM flag for a service's archive of classes, and whether it makes one (written as the JVM ends). */
    record ClassArchive(String flag, boolean records) {
    }

    static ClassArchive classDataSharing(Path app, Runtime.Version jdk) {
        boolean aotCache = makesAotCache(jdk);
        Path archive = archive(app, jdk);
        try {
            if (Files.isRegularFile(archive)) {
                var made = Files.getLastModifiedTime(archive);
                try (var jars = Files.walk(app)) {
                    if (jars.filter(f -> f.toString().endsWith(".jar")).noneMatch(f -> modifiedAfter(f, made))) {
                        return new ClassArchive((aotCache ? "-XX:AOTCache=" : "-XX:SharedArchiveFile=") + archive, false);
                    }
                }
                Files.delete(archive);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + app, e);
        }
        return new ClassArchive((aotCache ? "-XX:AOTCacheOutput=" : "-XX:ArchiveClassesAtExit=") + archive, true);
    }

    /** {@code -XX:AOTCacheOutput}, the one-step training run, came with JDK 25 (JEP 514). */
    public static boolean makesAotCache(Runtime.Version jdk) {
        return jdk.feature() >= 25;
    }

    /** Where a service's archive of classes is kept: beside its jar, in {@code app}. */
    public static Path archive(Path app, Runtime.Version jdk) {
        return app.resolve(makesAotCache(jdk) ? "app.aot" : "app-cds-dynamic.jsa");
    }

    private static boolean modifiedAfter(Path file, java.nio.file.attribute.FileTime time) {
        try {
            return Files.getLastModifiedTime(file).compareTo(time) > 0;
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * The gateway's request rate per client address (GATEWAY_RATE, requests a second) and burst
     * (GATEWAY_BURST) in every suite started here: the production defaults of the gateway's README. The
     * probe keeps them (its limits probe checks that a burst beyond them is a 429) and paces its
     * calls through the gateway below the rate instead (probe's {@code Pace}).
     */
    public static final int GATEWAY_RATE = 100;
    public static final int GATEWAY_BURST = 200;

    private Map<String, String> gatewaySettings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("GATEWAY_PORT", Integer.toString(config.gatewayPort()));
        for (String service : SERVICES) {
            s.put(database(service).toUpperCase() + "_UPSTREAM", "127.0.0.1:" + ports.get(service));
        }
        s.put("GATEWAY_RATE", GATEWAY_RATE + "r/s");
        s.put("GATEWAY_BURST", Integer.toString(GATEWAY_BURST));
        s.put("GATEWAY_MAX_BODY", "2m");
        s.put("GATEWAY_CORS_ORIGINS_REGEX", "^https?://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$");
        s.putAll(config.gatewaySettings());
        return s;
    }

    private void awaitOk(String name, Process process, String url, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped while starting (exit " + process.exitValue()
                        + "); see " + config.workDir().resolve("logs/" + name + ".log"));
            }
            if (status(url) == 200) {
                return;
            }
            try {
                process.waitFor(200, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name);
            }
        }
        throw new IllegalStateException(name + " was not ready in time at " + url + "; see "
                + config.workDir().resolve("logs/" + name + ".log"));
    }

    static int status(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(1000);
            c.setReadTimeout(2000);
            int code = c.getResponseCode();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Stops one service: {@code SIGTERM} and a wait for its graceful end, or, with {@code crash},
     * {@code SIGKILL} at once (what a power cut or an OOM kill does). Returns its exit code.
     */
    public int stopService(String service, boolean crash) {
        Process p = services.get(service);
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
    public void restartService(String service) {
        Process old = services.get(service);
        if (old == null || old.isAlive()) {
            throw new IllegalStateException(service + " is unknown or still running");
        }
        Process p = startService(service, ports.get(service));
        services.put(service, p);
        awaitOk(service, p, serviceUrl(service) + "/q/health/ready", Instant.now().plus(START_WITHIN));
    }

    public boolean isRunning(String service) {
        Process p = services.get(service);
        return p != null && p.isAlive();
    }

    public Path projectRoot() {
        return config.projectRoot();
    }

    public String gatewayUrl() {
        return "http://127.0.0.1:" + config.gatewayPort();
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /**
     * Stops PostgreSQL as a failing database server would go away (a fast shutdown, SIGINT: open
     * connections are cut), keeping its data directory; {@link #startDatabase} brings it back on
     * the same port with the same settings. For fault tests. (Signals, not pg_ctl: pg_ctl refuses
     * to run as root, which CI is.)
     */
    public void stopDatabase() {
        long pid = Long.parseLong(read(config.workDir().resolve("pgdata/postmaster.pid")).lines().findFirst().orElseThrow().trim());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("PostgreSQL (pid " + pid + ") is not running"));
        signal("INT", pid);
        try {
            server.onExit().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL did not stop within 60 s: " + e, e);
        }
    }

    /** Starts PostgreSQL again with the command line it last ran with (its postmaster.opts); waits until it takes connections. */
    public void startDatabase() {
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            // PostgreSQL refuses to run as root; like the embedded launcher, run it in a user namespace
            command.addAll(List.of("unshare", "-U"));
        }
        String opts = read(config.workDir().resolve("pgdata/postmaster.opts")).trim();
        command.add(opts.substring(0, opts.indexOf(' ')));
        java.util.regex.Matcher quoted = java.util.regex.Pattern.compile("\"([^\"]*)\"").matcher(opts.substring(opts.indexOf(' ')));
        while (quoted.find()) {
            command.add(quoted.group(1));
        }
        try {
            restartedPostgres = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.workDir().resolve("logs/postgres.log").toFile())).start();
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL did not start again: " + e.getMessage(), e);
        }
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                return;
            } catch (SQLException notYet) {
                try {
                    if (restartedPostgres.waitFor(200, TimeUnit.MILLISECONDS)) {
                        throw new IllegalStateException("PostgreSQL stopped while starting again (" + String.join(" ", command)
                                + "): " + tail(log("postgres")));
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while PostgreSQL started");
                }
            }
        }
        throw new IllegalStateException("PostgreSQL did not take connections within 60 s of starting again; see " + log("postgres"));
    }

    private static String tail(Path file) {
        List<String> lines = read(file).lines().toList();
        return String.join(" | ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
    }

    private static void signal(String name, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).redirectErrorStream(true).start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new IllegalStateException("cannot signal process " + pid + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public int postgresPort() {
        return postgres.getPort();
    }

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

    public Path log(String name) {
        return config.workDir().resolve("logs/" + name + ".log");
    }

    /** The process of a running service (its pid, for measuring memory). */
    public ProcessHandle process(String service) {
        return services.get(service).toHandle();
    }

    /** The gateway's master process. */
    public ProcessHandle gatewayProcess() {
        return gateway.toHandle();
    }

    /**
     * Stops one service ({@link #stopService}) and starts it again on its port with the same
     * settings, without waiting: the benchmark (bench/run) times the start to its first answer.
     */
    public Process restart(String service) {
        stopService(service, false);
        Process started = startService(service, ports.get(service));
        services.put(service, started);
        return started;
    }

    /** Stops the gateway, then the services (gracefully, then by force), then the database. */
    @Override
    public void close() {
        if (gateway != null) {
            stop(gateway, 15);
        }
        List<Process> running = new ArrayList<>(services.values());
        running.forEach(Process::destroy);
        running.forEach(p -> stop(p, stopWait(p, 15)));
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                System.err.println("PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
        if (restartedPostgres != null && restartedPostgres.isAlive()) {
            signal("INT", restartedPostgres.pid());
            try {
                if (!restartedPostgres.waitFor(30, TimeUnit.SECONDS)) {
                    restartedPostgres.destroyForcibly();
                }
            } catch (InterruptedException e) {
                restartedPostgres.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Seconds to wait for a process to end after {@code SIGTERM}: a service that is writing its
     * archive of classes on the way out ({@link #classDataSharing}) takes longer, most when all four
     * write at once on a busy machine, and is given two minutes rather than be killed half-way.
     */
    private long stopWait(Process p, long usual) {
        return recording.contains(p) ? 120 : usual;
    }

    private static void stop(Process p, long waitSeconds) {
        p.destroy();
        try {
            if (!p.waitFor(waitSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + dir, e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file, e);
        }
    }
}
