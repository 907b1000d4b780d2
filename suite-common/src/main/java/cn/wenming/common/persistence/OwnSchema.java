package cn.wenming.common.persistence;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.ClassProvider;
import org.flywaydb.core.api.Location;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.api.resource.LoadableResource;
import org.flywaydb.core.internal.resource.classpath.ClassPathResource;

import io.quarkus.flyway.FlywayConfigurationCustomizer;

/**
 * The tables of a feature suite-common owns whole (the audit trail, idempotency), applied in the
 * service's own database by a Flyway of their own: in a PostgreSQL schema of the feature's, with its
 * own history table {@code <schema>.suite_common_schema_history}. The services' migrations (V1..Vn in
 * {@code db/migration}, schema {@code public}) and suite-common's can therefore never clash, in version
 * or in table, and a service's Flyway never finds "its" schema non-empty because of ours.
 *
 * <p>A feature's schema is migrated before anything else touches the database: Quarkus hands its
 * Flyway configuration of the service's datasource to every {@link FlywayConfigurationCustomizer}
 * just before it migrates the service's own schema at start, and a subclass migrates its schema right
 * there, on the same datasource. So a service's migration may rely on a feature's tables being there
 * (idempotency's were moved from the services' own: their V-next moves the rows). Should a deployment
 * not migrate at start, the subclass calls {@link #migrate} from a start-up observer instead. The
 * scripts are listed rather than scanned: Quarkus scans the service's migrations at build time because
 * Flyway's class-path scanning does not see through its class loaders.
 */
public abstract class OwnSchema implements FlywayConfigurationCustomizer {

    /** The history table's name, in each feature's schema. */
    public static final String HISTORY = "suite_common_schema_history";

    private final String schema;
    private final String location;
    private final List<String> scripts;
    private volatile boolean migrated;

    /**
     * @param schema the PostgreSQL schema the feature's tables live in
     * @param location the class-path folder of its scripts
     * @param scripts every script of that folder, in order: a new one is added here too
     */
    protected OwnSchema(String schema, String location, List<String> scripts) {
        this.schema = schema;
        this.location = location;
        this.scripts = List.copyOf(scripts);
    }

    @Override
    public void customize(FluentConfiguration serviceMigration) {
        migrate(serviceMigration.getDataSource());
    }

    /** Brings the feature's schema up to date once per start; later calls return at once. */
    public synchronized void migrate(DataSource dataSource) {
        if (migrated) {
            return;
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Location where = new Location("classpath:" + location);
        List<LoadableResource> resources = scripts.stream()
                .<LoadableResource> map(s -> new ClassPathResource(where, location + "/" + s, loader, StandardCharsets.UTF_8))
                .toList();
        Flyway.configure(loader)
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .table(HISTORY)
                .locations(where)
                .resourceProvider(listed(resources))
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

    private static ResourceProvider listed(List<LoadableResource> resources) {
        return new ResourceProvider() {
            @Override
            public LoadableResource getResource(String name) {
                return resources.stream().filter(r -> r.getFilename().equals(name) || r.getRelativePath().equals(name))
                        .findFirst().orElse(null);
            }

            @Override
            public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
                return resources.stream().filter(r -> r.getFilename().startsWith(prefix)
                        && Arrays.stream(suffixes).anyMatch(r.getFilename()::endsWith)).toList();
            }
        };
    }
}
