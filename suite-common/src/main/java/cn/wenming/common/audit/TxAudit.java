package cn.wenming.common.audit;

import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.Version;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;

import org.hibernate.Hibernate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit of one transaction of an audited write: the entities it changed (collected by
 * {@link AuditInterceptor} as Hibernate persists, flushes and removes them), and, when it commits, its
 * record, written in {@link #beforeCompletion()} on the transaction's own connection, so that the
 * change and its record commit together or not at all.
 *
 * <p>It is an <em>interposed</em> synchronization: the transaction manager calls it after the ordinary
 * ones, Hibernate's among them, so Hibernate has flushed everything by then and the versions read here
 * are the ones committed. A transaction that rolls back (a 409 or 412 thrown after an entity changed,
 * a constraint violated at the flush) never calls it, and leaves no record: the refusal is recorded
 * after the answer ({@link AuditFilters}). Should the record not be written, the exception makes the
 * transaction roll back: no change is committed without its record. A transaction that wrote nothing at
 * all (the read a resource makes after its change, in a transaction of its own) writes no record.
 */
final class TxAudit implements Synchronization {

    enum Kind {
        INSERT, UPDATE, DELETE
    }

    /** One changed entity: its type and id, how it changed, its version before (null if new) and the entity. */
    static final class Change {
        final String type;
        final String id;
        final Object entity;
        Kind kind;
        final Long before;

        Change(String type, String id, Object entity, Kind kind, Long before) {
            this.type = type;
            this.id = id;
            this.entity = entity;
            this.kind = kind;
            this.before = before;
        }

        Long after() {
            return kind == Kind.DELETE ? null : version(entity);
        }

        boolean versioned() {
            return VERSION.get(entity.getClass()) != null;
        }
    }

    /** What a service says of its transaction's record instead of what the changes say (the purge does). */
    record Described(String resourceType, String resourceId, Long versionBefore, Long versionAfter, String detail) {
    }

    /** The changes kept in full; beyond, only counted (a record stays small, whatever a transaction did). */
    static final int MAX_CHANGES = 100;

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ClassValue<Field> VERSION = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (f.isAnnotationPresent(Version.class)) {
                        f.setAccessible(true);
                        return f;
                    }
                }
            }
            return null;
        }
    };

    private final AuditTransactions transactions;
    private final AuditRequest request;
    private final Map<String, Change> changes = new LinkedHashMap<>();
    private int uncounted;
    private Change addressed;
    private boolean replayed;
    private String replayedId;
    private Described described;
    private boolean written;

    TxAudit(AuditTransactions transactions, AuditRequest request) {
        this.transactions = transactions;
        this.request = request;
    }

    // --- collected from Hibernate (AuditInterceptor), on the transaction's thread ---------------------------

    void persisted(Object entity, Object id) {
        change(entity, id, Kind.INSERT);
    }

    void updated(Object entity, Object id) {
        change(entity, id, Kind.UPDATE);
    }

    void removed(Object entity, Object id) {
        change(entity, id, Kind.DELETE);
    }

    private void change(Object entity, Object id, Kind kind) {
        if (entity == null || id == null) {
            return;
        }
        Object real = Hibernate.unproxy(entity);
        String type = real.getClass().getSimpleName();
        String key = type + "#" + id;
        Change known = changes.get(key);
        if (known != null) {
            if (kind == Kind.DELETE) {
                if (known.kind == Kind.INSERT) {
                    changes.remove(key); // made and removed in one transaction: nothing happened to it
                } else {
                    known.kind = Kind.DELETE;
                }
            }
            return;
        }
        Change c = new Change(type, id.toString(), real, kind, kind == Kind.INSERT ? null : version(real));
        if (id.toString().equals(request.innermostId())) {
            addressed = c; // the resource the path names: always kept, whatever else changed
        }
        if (changes.size() < MAX_CHANGES * 10) {
            changes.put(key, c);
        } else {
            uncounted++;
        }
    }

    /** The transaction replays an earlier answer ({@code Idempotency}): {@code location} names what it made. */
    void replayed(String location) {
        replayed = true;
        if (location != null) {
            replayedId = location.substring(location.lastIndexOf('/') + 1);
        }
    }

    void describe(Described what) {
        described = what;
    }

    // --- the transaction's completion -----------------------------------------------------------------

    @Override
    public void beforeCompletion() {
        if (transactions.status() == Status.STATUS_MARKED_ROLLBACK) {
            return;
        }
        try (Connection c = transactions.connection()) {
            if (changes.isEmpty() && uncounted == 0 && !replayed && described == null && !AuditChain.wrote(c)) {
                return; // it wrote nothing (a read after the change, say): the change has its record, or the answer will
            }
            AuditChain.append(c, entry(), transactions.now());
        } catch (SQLException e) {
            // thrown out of beforeCompletion, it rolls the transaction back: the change is not committed either
            throw new IllegalStateException("the audit record cannot be written, so the change is not committed: " + e.getMessage(), e);
        }
        written = true;
    }

    @Override
    public void afterCompletion(int status) {
        if (written && status == Status.STATUS_COMMITTED) {
            request.committed();
        }
    }

    /** The record: the request, the resource it changed with its versions, every change, the outcome. */
    AuditEntry entry() {
        AuditRequest.Who who = request.who();
        Change primary = primary();
        String type = primary != null ? primary.type : request.pathType(transactions::typeName);
        String id = primary != null ? primary.id : replayedId != null ? replayedId : request.innermostId();
        Long before = primary == null ? null : primary.before;
        Long after = primary == null ? null : primary.after();
        String detail = null;
        if (described != null) {
            type = described.resourceType();
            id = described.resourceId();
            before = described.versionBefore();
            after = described.versionAfter();
            detail = described.detail();
        }
        return new AuditEntry(who.user(), who.org(), who.roles(), request.clientAddress, request.method, request.path, request.query,
                request.operation.id(), type, id, before, after, replayed ? Outcome.REPLAYED : Outcome.SUCCESS, null, request.requestId,
                detail, changesJson());
    }

    /**
     * The resource the record names: the one the path names if it changed; else what the request made
     * (the first new versioned entity, then any new one); else the first versioned entity changed, then
     * any; none when nothing changed (the path then names it).
     */
    Change primary() {
        if (addressed != null && changes.containsValue(addressed)) {
            return addressed;
        }
        List<Change> all = new ArrayList<>(changes.values());
        return all.stream().filter(c -> c.kind == Kind.INSERT && c.versioned()).findFirst()
                .or(() -> all.stream().filter(c -> c.kind == Kind.INSERT).findFirst())
                .or(() -> all.stream().filter(Change::versioned).findFirst())
                .or(() -> all.stream().findFirst())
                .orElse(null);
    }

    /** {@code [{"type":"Task","id":"…","change":"UPDATE","versionBefore":3,"versionAfter":4}, …]}, or null. */
    private String changesJson() {
        if (changes.isEmpty()) {
            return null;
        }
        List<Map<String, Object>> list = new ArrayList<>();
        for (Change c : changes.values()) {
            if (list.size() == MAX_CHANGES) {
                break;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", c.type);
            m.put("id", c.id);
            m.put("change", c.kind.name());
            m.put("versionBefore", c.before);
            m.put("versionAfter", c.after());
            list.add(m);
        }
        int more = changes.size() - list.size() + uncounted;
        if (more > 0) {
            list.add(Map.of("more", more));
        }
        try {
            return JSON.writeValueAsString(list);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The {@code @Version} of an entity, null when it has none. */
    static Long version(Object entity) {
        Field f = VERSION.get(entity.getClass());
        if (f == null) {
            return null;
        }
        try {
            Object v = f.get(entity);
            return v instanceof Number n ? n.longValue() : null;
        } catch (IllegalAccessException e) {
            return null;
        }
    }
}
