package cn.wenming.common.audit;

import java.util.List;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import cn.wenming.common.persistence.OwnSchema;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The audit trail's table, indexes and triggers ({@code db/suite-common}), in the PostgreSQL schema
 * {@code audit} of the service's own database, with its own history table
 * {@code audit.suite_common_schema_history} ({@link OwnSchema} says how and when it is migrated).
 */
@ApplicationScoped
public class AuditSchema extends OwnSchema {

    public static final String SCHEMA = "audit";
    static final String LOCATION = "db/suite-common";
    /** Every script of {@link #LOCATION}, in order. A new one is added here too. */
    static final List<String> SCRIPTS = List.of("V1__audit_record.sql");

    @Inject
    SuiteAuditConfig config;

    public AuditSchema() {
        super(SCHEMA, LOCATION, SCRIPTS);
    }

    /** The fallback, first of the start-up observers; and the check of the retention setting. */
    void atStart(@Observes @Priority(1) StartupEvent start, AgroalDataSource dataSource) {
        if (config.retention().compareTo(SuiteAuditConfig.LEGAL_MINIMUM) < 0) {
            throw new IllegalStateException("suite.audit.retention (SUITE_AUDIT_RETENTION) is " + config.retention().toDays()
                    + " days: audit records are kept at least 180 days (the Cybersecurity Law's six months of logs)");
        }
        migrate(dataSource);
    }
}
