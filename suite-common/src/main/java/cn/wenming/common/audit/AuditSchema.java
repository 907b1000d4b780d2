package cn.wenming.common.audit;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

import io.agroal.api.AgroalDataSource;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.runtime.StartupEvent;

/**
 * The audit trail's table, indexes and triggers ({@code db/suite-common}), applied in the service's own
 * database by a Flyway of suite-common's own: in the PostgreSQL schema {@code audit}, with its own
 * history table {@code audit.suite_common_schema_history}. The services' migrations (V1..Vn in
 * {@code db/migration}, schema {@code public}) and suite-common's can therefore never clash, in
 * version or in table, and a service's Flyway never finds "its" schema non-empty because of ours.
 *
 * <p>It runs before anything else touches the database: Quarkus hands its Flyway configuration of the
 * service's datasource to every {@link FlywayConfigurationCustomizer} just before it migrates the
 * service's own schema at start, and this one migrates the audit schema right there, on the same
 * datasource. (Should a deployment not migrate at start, the {@link StartupEvent} does it instead.)
 * The scripts are listed here rather than scanned: Quarkus scans the service's migrations at build
 * time because Flyway's class-path scanning does not see through its class loaders.
 */
@ApplicationScoped
public class AuditSchema implements FlywayConfigurationCustomizer {

    public static final String SCHEMA = "audit";
    public static final String HISTORY = "suite_common_schema_history";
    static final String LOCATION = "db/suite-common";
    /** Every script of {@link #LOCATION}, in order. A new one is added here too. */
    static final List<String> SCRIPTS = List.of("V1__audit_record.sql");

    @Inject
    SuiteAuditConfig config;

    private volatile boolean migrated;

    @Override
    public void customize(FluentConfiguration serviceMigration) {
        migrate(serviceMigration.getDataSource());
    }

    /** The fallback, first of the start-up observers; and the check of the retention setting. */
    void atStart(@Observes @Priority(1) StartupEvent start, AgroalDataSource dataSource) {
        if (config.retention().compareTo(SuiteAuditConfig.LEGAL_MINIMUM) < 0) {
            throw new IllegalStateException("suite.audit.retention (SUITE_AUDIT_RETENTION) is " + config.retention().toDays()
                    + " days: audit records are kept at least 180 days (the Cybersecurity Law's six months of logs)");
        }
        migrate(dataSource);
    }

    synchronized void migrate(DataSource dataSource) {
        if (migrated) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Location location = new Location("classpath:" + LOCATION);
        List<LoadableResource> scripts = SCRIPTS.stream()
                .<LoadableResource> map(s -> new ClassPathResource(location, LOCATION + "/" + s, loader, StandardCharsets.UTF_8))
                .toList();
        Flyway.configure(loader)
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .createSchemas(true)
                .table(HISTORY)
                .locations(location)
                .resourceProvider(new ResourceProvider() {
                    @Override
                    public LoadableResource getResource(String name) {
                        return scripts.stream().filter(r -> r.getFilename().equals(name) || r.getRelativePath().equals(name))
                                .findFirst().orElse(null);
                    }

                    @Override
                    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                        return scripts.stream().filter(r -> r.getFilename().startsWith(prefix)
                                && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith)).toList();
                    }
                })
                .javaMigrationClassProvider(new ClassProvider<JavaMigration>() {
                    @Override
                    public Collection<Class<? extends JavaMigration>> getClasses() {
                        return List.of();
                    }
                })
                .load()
                .migrate();
        migrated = true;
    }
}
