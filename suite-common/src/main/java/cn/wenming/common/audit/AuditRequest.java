package cn.wenming.common.audit;

import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import jakarta.json.JsonString;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.vertx.ContextLocals;
import io.smallrye.common.vertx.VertxContext;

/**
 * One audited request as the trail sees it: what was asked (method, path, query, operation), by whom
 * (user, body, roles, from which address) and under which request id; and how many of its transactions
 * committed with their record. It is bound to the request's Vert.x context, where the transactions the
 * request begins find it ({@link AuditTransactions}): what runs without a request (workers, relays,
 * schedulers) finds none and is not audited.
 */
final class AuditRequest {

    static final String KEY = "cn.wenming.common.audit.request";

    /** Who made the request, as the token says; all null for no (or a refused) token. */
    record Who(String user, String org, String roles) {

        static final Who NOBODY = new Who(null, null, null);

        static Who of(SecurityIdentity identity) {
            if (identity == null || identity.isAnonymous()) {
                return NOBODY;
            }
            String org = null;
            if (identity.getPrincipal() instanceof JsonWebToken token) {
                org = text(token.getClaim("org"));
            }
            return new Who(identity.getPrincipal().getName(), org, String.join(",", new TreeSet<>(identity.getRoles())));
        }

        /** The {@code org} claim as text, whatever JSON type the token gave it; absent is null. */
        static String text(Object claim) {
            if (claim == null) {
                return null;
            }
            if (claim instanceof JsonString s) {
                return s.getString();
            }
            return claim.toString();
        }
    }

    final OperationInfo operation;
    final boolean writing;
    final String method;
    final String path;
    final String query;
    final String clientAddress;
    final String requestId;
    final Map<String, String> pathParams;
    private volatile Who who;
    private final AtomicInteger committed = new AtomicInteger();
    private volatile boolean answered;

    AuditRequest(OperationInfo operation, boolean writing, String method, String path, String query, String clientAddress,
            String requestId, Map<String, String> pathParams) {
        this.operation = operation;
        this.writing = writing;
        this.method = method;
        this.path = path;
        this.query = query;
        this.clientAddress = clientAddress;
        this.requestId = requestId;
        this.pathParams = pathParams;
    }

    /** Binds it to the current request's context, where the transactions it begins will find it. */
    void bind() {
        ContextLocals.put(KEY, this);
    }

    /** The audited write being served on this thread's request, if any and not yet answered. */
    static AuditRequest current() {
        if (!VertxContext.isOnDuplicatedContext()) {
            return null;
        }
        AuditRequest r = ContextLocals.<AuditRequest> get(KEY).orElse(null);
        return r == null || r.answered ? null : r;
    }

    void identify(SecurityIdentity identity) {
        who = Who.of(identity);
    }

    boolean identified() {
        return who != null;
    }

    Who who() {
        Who w = who;
        return w == null ? Who.NOBODY : w;
    }

    /** One of its transactions committed with its record. */
    void committed() {
        committed.incrementAndGet();
    }

    int committedRecords() {
        return committed.get();
    }

    /** The answer is known: transactions begun from now on (the trail's own) are not this request's. */
    void answered() {
        answered = true;
    }

    /** The value of the innermost path parameter: the id of the resource the path names, if any. */
    String innermostId() {
        return operation.innermostParam() == null ? null : pathParams.get(operation.innermostParam());
    }

    /** The type of the resource the path names, as {@code typeName} calls it (the entity's name where one matches). */
    String pathType(UnaryOperator<String> typeName) {
        String segment = operation.innermostType() != null ? operation.innermostType() : operation.collection();
        return segment == null ? null : typeName.apply(segment);
    }

    /** The record of this request with what its answer says, written after it in a transaction of its own. */
    AuditEntry entryAfter(int status, boolean replayed, UnaryOperator<String> typeName) {
        Who w = who();
        Outcome outcome = status < 400 && replayed ? Outcome.REPLAYED : Outcome.ofStatus(status);
        return new AuditEntry(w.user(), w.org(), w.roles(), clientAddress, method, path, query, operation.id(), pathType(typeName),
                innermostId(), null, null, outcome, status, requestId, null, null);
    }
}
