package cn.wenming.common.testing;

import java.io.File;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * What every service's tests run against: a real PostgreSQL 17 (embedded, started in about a
 * second, files under the module's {@code target/embedded-pg}) and the public key of
 * {@link TestTokens}. Use it with {@code @WithTestResource(SuiteTestResource.class)} on each test
 * class; classes with the same resources share one running application.
 */
public class SuiteTestResource implements QuarkusTestResourceLifecycleManager {

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
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "postgres"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres",
                "mp.jwt.verify.publickey", TestTokens.publicKeyBase64(),
                "mp.jwt.verify.issuer", TestTokens.ISSUER,
                "suite.service-token", TestTokens.as("suite-test-service", "service"));
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
