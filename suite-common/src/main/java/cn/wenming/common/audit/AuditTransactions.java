package cn.wenming.common.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

/**
 * Joins each transaction an audited write begins to its audit ({@link TxAudit}): when the transaction
 * begins, on the request's thread, an interposed synchronization is registered with it, and the
 * transaction's audit is kept as a resource of the transaction, where {@link AuditInterceptor} finds it.
 *
 * <p>Why this and not only a Hibernate {@code Interceptor}'s {@code beforeTransactionCompletion}, the
 * other way considered: the interceptor is told of a transaction only when Hibernate took part in it,
 * so a transaction that did its work in SQL alone (an idempotent replay) would go unrecorded; and it is
 * called from inside the session's own completion, where writing through the session is not safe. A
 * JTA synchronization is called for every transaction, at a point the transaction manager defines
 * (after Hibernate's flush, see {@link TxAudit}), and writes through the transaction's enlisted
 * connection, as plain JDBC. The interceptor stays, as the collector of what changed.
 */
@ApplicationScoped
public class AuditTransactions {

    @Inject
    TransactionSynchronizationRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    Instance<EntityManagerFactory> entityManagerFactory;

    private volatile Set<String> entityNames;
    private final Map<String, String> typeNames = new ConcurrentHashMap<>();

    /** A transaction began: if it is an audited write's, it gets its audit. Costs a look-up otherwise. */
    void begun(@Observes @Initialized(TransactionScoped.class) Object transaction) {
        AuditRequest request = AuditRequest.current();
        if (request == null) {
            return;
        }
        TxAudit audit = new TxAudit(this, request);
        registry.putResource(TxAudit.class, audit);
        registry.registerInterposedSynchronization(audit);
    }

    /** The audit of the current transaction, null when there is none or it is not an audited write's. */
    TxAudit current() {
        if (registry.getTransactionKey() == null) {
            return null;
        }
        return (TxAudit) registry.getResource(TxAudit.class);
    }

    /**
     * The current transaction replays an earlier answer of an {@code Idempotency-Key}: its record says
     * REPLAYED, and names what the first answer's {@code location} names.
     */
    public void replayed(String location) {
        TxAudit audit = current();
        if (audit != null) {
            audit.replayed(location);
        }
    }

    /** What the current transaction's record says of its resource, instead of what its changes say. */
    void describe(TxAudit.Described what) {
        TxAudit audit = current();
        if (audit != null) {
            audit.describe(what);
        }
    }

    int status() {
        return registry.getTransactionKey() == null ? Status.STATUS_NO_TRANSACTION : registry.getTransactionStatus();
    }

    /** Inside a transaction: the connection it holds (the pool gives a transaction the one it enlisted). */
    Connection connection() throws SQLException {
        return dataSource.getConnection();
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * The type a path segment names, as the entities are named: {@code work-plans} is {@code WorkPlan},
     * {@code areas} is {@code PlanArea}, {@code bulletin-series} is {@code BulletinSeries}; a segment
     * that names no entity stays as it is ({@code audit}). So a refusal and the change it refused name
     * their resource alike.
     */
    String typeName(String segment) {
        if (segment.equals("audit")) {
            return AuditResource.TRAIL;
        }
        return typeNames.computeIfAbsent(segment, s -> typeName(s, entityNames()));
    }

    static String typeName(String segment, Set<String> entities) {
        String plain = segment.replace("-", "").toLowerCase(Locale.ROOT);
        String singular = plain.endsWith("ies") ? plain.substring(0, plain.length() - 3) + "y"
                : plain.matches(".*(ch|sh|ss|x)es$") ? plain.substring(0, plain.length() - 2)
                : plain.endsWith("s") ? plain.substring(0, plain.length() - 1) : plain;
        String best = null;
        for (String e : entities) {
            String name = e.toLowerCase(Locale.ROOT);
            if (name.equals(plain) || name.equals(singular)) {
                return e;
            }
            if ((name.endsWith(singular) || name.startsWith(singular)) && (best == null || e.length() < best.length())) {
                best = e;
            }
        }
        return best != null ? best : segment;
    }

    private Set<String> entityNames() {
        Set<String> names = entityNames;
        if (names == null) {
            names = entityManagerFactory.isResolvable()
                    ? entityManagerFactory.get().getMetamodel().getEntities().stream().map(t -> t.getJavaType().getSimpleName())
                            .collect(Collectors.toUnmodifiableSet())
                    : Set.of();
            entityNames = names;
        }
        return names;
    }
}
