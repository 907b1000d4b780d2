import java.io.IOException;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import cn.wenming.suite.Suite;

/**
 * The suite for the benchmark, started by the project's own launcher ({@link Suite}, as
 * {@code ./suite run} and the end-to-end tests start it): embedded PostgreSQL, the four packaged
 * services, the nginx gateway rendered from deploy/k8s/base/gateway. Run in source-file mode by bench/run:
 *
 * <pre>java -cp suite-e2e/target/classes:$(cat suite-e2e/target/launcher-classpath.txt) bench/tools/BenchSuite.java WORK DOCS</pre>
 *
 * Differences from the local run, all for measuring: no seed (the bench loads its own data), fresh
 * free ports, a rate limit the load cannot reach, and the gateway's docs folder a copy that also
 * holds the static file of the ceiling measurement, and distribution-service may call webhooks on
 * 127.0.0.1 (the receiver of scenario 5). Everything else (JVM flags, environment, gateway
 * template) is the launcher's.
 *
 * When ready it writes WORK/suite.env (ports, pids, tokens) for the shell, then serves a control
 * port on 127.0.0.1: {@code GET /restart?service=NAME&path=/api/...} stops that service, starts it
 * again and answers the milliseconds from the new process's start to its first 200 on that path,
 * the CPU milliseconds it used until then, and its pid;
 * {@code GET /stop} stops everything.
 */
public final class BenchSuite {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Path work = Path.of(args[0]).toAbsolutePath();
        Path docs = Path.of(args[1]).toAbsolutePath();
        Map<String, String> gateway = new LinkedHashMap<>();
        gateway.put("GATEWAY_RATE", "100000r/s");
        gateway.put("GATEWAY_BURST", "100000");
        gateway.put("GATEWAY_DOCS_ROOT", docs.toString());
        int gatewayPort = freePort();
        // the receiver of scenario 5 listens on 127.0.0.1: distribution-service may call it over http (bench only)
        var config = new Suite.Config(root, work, Optional.empty(), gatewayPort, freePort(), 0, false, gateway)
                .withServiceEnv("distribution-service", Map.of("DISTRIBUTION_WEBHOOK_ALLOWED_HOSTS", "127.0.0.1"));
        Suite suite = Suite.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            suite.close();
            stopped.countDown();
        }));

        String reader = suite.token("bench-reader", "reader");
        // a service that found no archive of its classes (its jars are new) is recording one, written when
        // it stops: it is asked scenario 6's read once (BENCH_PROBES, "service=path ..." from bench/run), so
        // that the classes of a real answer are archived too, and restarted, so that what is measured runs
        // as every later start does
        Map<String, String> probes = new LinkedHashMap<>();
        for (String probe : System.getenv().getOrDefault("BENCH_PROBES", "").trim().split("\\s+")) {
            if (probe.contains("=")) {
                probes.put(probe.substring(0, probe.indexOf('=')), probe.substring(probe.indexOf('=') + 1));
            }
        }
        for (String service : Suite.SERVICES) {
            if (!Files.exists(Suite.archive(root.resolve(service).resolve("target/quarkus-app"), Runtime.version()))) {
                if (probes.containsKey(service)) {
                    status(suite.serviceUrl(service) + probes.get(service) + "?limit=1", reader);
                }
                Process p = suite.restart(service);
                long deadline = System.currentTimeMillis() + 300_000;
                while (status(suite.serviceUrl(service) + "/q/health/ready", reader) != 200) {
                    if (!p.isAlive() || System.currentTimeMillis() > deadline) {
                        throw new IllegalStateException(service + " did not start again with its archive");
                    }
                    Thread.sleep(50);
                }
            }
        }
        HttpServer control = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        control.createContext("/restart", exchange -> {
            Map<String, String> q = query(exchange);
            String service = q.get("service");
            String url = suite.serviceUrl(service) + q.get("path");
            String answer = "timeout";
            // a start that finds its port still held (a client's connection in TIME_WAIT on it) ends at
            // once: it is tried again, and only a start that runs is timed
            for (int attempt = 1; attempt <= 5 && answer.equals("timeout"); attempt++) {
                Process p = suite.restart(service);
                // from the start of the new process (the old one's stop is not counted), as the kernel has it
                long t0 = p.info().startInstant().map(java.time.Instant::toEpochMilli).orElseGet(System::currentTimeMillis);
                long deadline = t0 + 120_000;
                while (System.currentTimeMillis() < deadline && p.isAlive()) {
                    if (status(url, reader) == 200) {
                        answer = (System.currentTimeMillis() - t0) + " " + cpuMillis(p.pid()) + " " + p.pid();
                        break;
                    }
                    sleep(5);
                }
                if (answer.equals("timeout") && !p.isAlive()) {
                    System.out.println("bench: " + service + " ended while starting (exit " + p.exitValue() + "), starting it again");
                    sleep(2000);
                }
            }
            reply(exchange, answer);
        });
        control.createContext("/stop", exchange -> {
            reply(exchange, "stopping");
            new Thread(() -> {
                suite.close();
                stopped.countDown();
                System.exit(0);
            }).start();
        });
        control.start();

        StringBuilder env = new StringBuilder();
        env.append("GATEWAY=").append(suite.gatewayUrl()).append('\n');
        env.append("JVM_OPTIONS='").append(String.join(" ", Suite.JVM_OPTIONS)).append(Suite.makesAotCache(Runtime.version()) ? " -XX:AOTCache=..." : " -XX:SharedArchiveFile=...")
                .append("'\n");
        env.append("GATEWAY_PID=").append(suite.gatewayProcess().pid()).append('\n');
        env.append("PG_PORT=").append(suite.postgresPort()).append('\n');
        env.append("PGDATA_DIR=").append(work.resolve("pgdata")).append('\n');
        env.append("CONTROL=http://127.0.0.1:").append(control.getAddress().getPort()).append('\n');
        for (String service : Suite.SERVICES) {
            String key = Suite.database(service).toUpperCase();
            env.append(key).append("_URL=").append(suite.serviceUrl(service)).append('\n');
            env.append(key).append("_PID=").append(suite.process(service).pid()).append('\n');
        }
        for (String role : new String[] { "reader", "editor", "reviewer", "admin" }) {
            env.append("TOKEN_").append(role.toUpperCase()).append('=').append(suite.token("bench-" + role, role)).append('\n');
        }
        Path file = work.resolve("suite.env");
        Files.writeString(file.resolveSibling("suite.env.tmp"), env.toString(), StandardCharsets.UTF_8);
        Files.move(file.resolveSibling("suite.env.tmp"), file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("bench: the suite is up at " + suite.gatewayUrl());
        stopped.await();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new LinkedHashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                q.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return q;
    }

    private static void reply(HttpExchange exchange, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static int status(String url, String token) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            c.setRequestProperty("Authorization", "Bearer " + token);
            int code = c.getResponseCode();
            c.getInputStream().readAllBytes();
            c.disconnect();
            return code;
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU time (user + system, all threads) a process has used so far, from /proc (in ticks of 10 ms). */
    private static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (var s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
