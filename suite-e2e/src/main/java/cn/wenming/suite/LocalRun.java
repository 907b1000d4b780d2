package cn.wenming.suite;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * {@code ./suite run}: the whole suite for a person, on fixed ports, with the database kept in
 * {@code .local/pgdata} between runs and the seed loaded. Ctrl-C stops everything.
 */
public final class LocalRun {

    private LocalRun() {
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("suite.root", ".")).toAbsolutePath().normalize();
        Path work = root.resolve(".local");
        Path seed = Path.of(env("SUITE_SEED_DIR", root.resolve("../shared/seed").toString())).toAbsolutePath().normalize();
        int gatewayPort = Integer.parseInt(env("GATEWAY_PORT", "8080"));
        var config = new Suite.Config(root, work, Files.isDirectory(seed) ? Optional.of(seed) : Optional.empty(),
                gatewayPort, Integer.parseInt(env("SUITE_PG_PORT", "15432")), Integer.parseInt(env("SUITE_FIRST_SERVICE_PORT", "8081")),
                true, Map.of());
        System.out.println("starting PostgreSQL, the four services and the gateway (logs in " + work.resolve("logs") + ") ...");
        Suite suite = Suite.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nstopping the suite ...");
            suite.close();
            System.out.println("stopped.");
            stopped.countDown();
        }));
        String g = suite.gatewayUrl().replace("127.0.0.1", "localhost");
        System.out.println();
        System.out.println("首都精神文明办 service suite is up" + (config.seedDir().isPresent() ? " (seed loaded from " + seed + ")" : " (no seed folder found)"));
        System.out.println("  gateway        " + g + "/api/v1/...");
        System.out.println("  API docs       " + g + "/docs/");
        for (String service : Suite.SERVICES) {
            System.out.printf("  %-22s %s   (OpenAPI %s/openapi/%s, health %s/q/health/ready)%n", service,
                    suite.serviceUrl(service).replace("127.0.0.1", "localhost"), g, service,
                    suite.serviceUrl(service).replace("127.0.0.1", "localhost"));
        }
        System.out.println("  PostgreSQL     localhost:" + suite.postgresPort() + " (user postgres, password postgres; data in .local/pgdata)");
        System.out.println();
        System.out.println("a token:   TOKEN=$(./suite token editor)     roles: reader editor reviewer admin service");
        System.out.println("then:      curl -H \"Authorization: Bearer $TOKEN\" " + g + "/api/v1/bulletin-series");
        System.out.println("Ctrl-C stops everything.");
        stopped.await();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
