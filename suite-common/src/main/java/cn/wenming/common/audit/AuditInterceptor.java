package cn.wenming.common.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.hibernate.Interceptor;
import org.hibernate.type.Type;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;

/**
 * Tells the audit of the current transaction ({@link TxAudit}) which entities it persists, changes and
 * removes, with their versions before (Hibernate's interceptor of the service's persistence unit). It
 * changes nothing and costs a look-up when the transaction is not an audited request's (background
 * work).
 */
@ApplicationScoped
@PersistenceUnitExtension
public class AuditInterceptor implements Interceptor {

    @Inject
    AuditTransactions transactions;

    @Override
    public boolean onPersist(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        TxAudit audit = transactions.current();
        if (audit != null) {
            audit.persisted(entity, id);
        }
        return false;
    }

    @Override
    public boolean onFlushDirty(Object entity, Object id, Object[] currentState, Object[] previousState, String[] propertyNames,
            Type[] types) {
        TxAudit audit = transactions.current();
        if (audit != null) {
            audit.updated(entity, id);
        }
        return false;
    }

    @Override
    public void onRemove(Object entity, Object id, Object[] state, String[] propertyNames, Type[] types) {
        TxAudit audit = transactions.current();
        if (audit != null) {
            audit.removed(entity, id);
        }
    }
}
