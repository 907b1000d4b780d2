package cn.wenming.common.testing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What every service's tests run against: a real PostgreSQL 17 (embedded, started in about a
 * second, files under the module's {@code target/embedded-pg}) and the key set of
 * {@link TestTokens}, written to a file of its own ({@code target/jwks-*.json}, read again every
 * second, so that a test can rotate keys: {@link #JWKS_LOCATION}). The service's own token (to call
 * the others) is that of the module's service: its folder's name. Use it with {@code @WithTestResource(SuiteTestResource.class)} on each test
 * class; classes with the same resources share one running application.
 */
public class SuiteTestResource implements QuarkusTestResourceLifecycleManager {

    /** The setting naming the key set file the application under test reads. */
    public static final String JWKS_LOCATION = "suite.security.jwks.location";

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        File work = new File("target/embedded-pg");
        try {
            postgres = EmbeddedPostgres.builder()
                    .setOverrideWorkingDirectory(work)
                    .setDataDirectory(new File(work, "data-" + UUID.randomUUID()))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("timezone", "UTC")
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("embedded PostgreSQL did not start", e);
        }
        Path jwks = Path.of("target", "jwks-" + UUID.randomUUID() + ".json").toAbsolutePath();
        try {
            Files.writeString(jwks, TestTokens.jwks(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("the test key set cannot be written", e);
        }
        String service = Path.of("").toAbsolutePath().getFileName().toString();
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                JWKS_LOCATION, jwks.toString(),
                "suite.security.jwks.refresh", "1s",
                "suite.security.jwks.min-refresh", "0s",
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "mp.jwt.verify.audiences", TestTokens.AUDIENCE,
                "suite.service-token", TestTokens.service(service));
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                // the data directory is cleaned on the next start
            }
        }
    }
}
