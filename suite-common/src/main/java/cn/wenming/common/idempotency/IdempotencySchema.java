package cn.wenming.common.idempotency;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import cn.wenming.common.persistence.OwnSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The stored answers of {@link Idempotency} ({@code db/suite-common/idempotency}), in the PostgreSQL
 * schema {@code idempotency} of the service's own database, with its own history table
 * {@code idempotency.suite_common_schema_history} ({@link OwnSchema} says how and when it is migrated).
 */
@ApplicationScoped
public class IdempotencySchema extends OwnSchema {

    public static final String SCHEMA = "idempotency";
    /** The one table, named with its schema: the service's connections look in {@code public}. */
    public static final String TABLE = SCHEMA + ".idempotency_record";
    static final String LOCATION = "db/suite-common/idempotency";
    /** Every script of {@link #LOCATION}, in order. A new one is added here too. */
    static final List<String> SCRIPTS = List.of("V1__idempotency_record.sql");

    public IdempotencySchema() {
        super(SCHEMA, LOCATION, SCRIPTS);
    }

    /** The fallback when the service's schema is not migrated at start. */
    void atStart(@Observes @Priority(1) StartupEvent start, AgroalDataSource dataSource) {
        migrate(dataSource);
    }
}
