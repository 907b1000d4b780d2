package cn.wenming.common.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/**
 * {@code Idempotency-Key} on creating and triggering POSTs: the first answer is stored in the same
 * transaction as the work it answers, and a retry with the same key and the same request gets it
 * back without doing anything again. Two requests racing with one key are serialized by the
 * primary key: the second waits for the first to commit, then replays its answer. A key reused
 * for a different request is a 409.
 *
 * <p>The answers are kept in suite-common's own table ({@link IdempotencySchema}) for
 * {@code suite.idempotency.retention}, then forgotten by {@link IdempotencyJanitor}: a service that
 * uses it has nothing to create, schedule or configure.
 *
 * <p>It never begins a transaction: the service method that does the work owns it and calls
 * {@link #once} from inside, so the answer and the work commit together (MANDATORY makes a call from
 * outside one fail at once instead of quietly opening a transaction of its own around remote calls).
 * Only {@link #forgetOlderThan}, which the janitor calls on its own, begins one.
 */
@ApplicationScoped
public class Idempotency {

    private static final String REMEMBER = """
            insert into %s (key, principal, operation, request_hash, status, created_at)
            values (?1, ?2, ?3, ?4, 0, ?5) on conflict do nothing""".formatted(IdempotencySchema.TABLE);
    private static final String ANSWER = """
            update %s set status = ?3, location = ?4, etag = ?5, body = ?6
            where principal = ?1 and key = ?2""".formatted(IdempotencySchema.TABLE);
    private static final String RECALL = """
            select operation, request_hash, status, location, etag, body from %s
            where principal = ?1 and key = ?2""".formatted(IdempotencySchema.TABLE);
    private static final String FORGET = "delete from " + IdempotencySchema.TABLE + " where created_at < ?1";

    /** What is replayed: the status, the Location and ETag headers, and the JSON body. */
    public record Answer(int status, String location, String etag, String body, boolean replayed) {

        /** The answer as sent: its status, Location, ETag, JSON body, and whether it is a replay. */
        public jakarta.ws.rs.core.Response toResponse() {
            var r = jakarta.ws.rs.core.Response.status(status).entity(body).type(jakarta.ws.rs.core.MediaType.APPLICATION_JSON);
            if (location != null) {
                r.location(java.net.URI.create(location));
            }
            if (etag != null) {
                r.header(jakarta.ws.rs.core.HttpHeaders.ETAG, etag);
            }
            if (replayed) {
                r.header("Idempotency-Replayed", "true");
            }
            return r.build();
        }
    }

    /** A 201 answer for a created resource, its version as ETag (none when null). */
    public Answer created(String location, Object view, Long version) {
        return new Answer(201, location, version == null ? null : cn.wenming.common.web.ETags.of(version).toString(), toJson(view), false);
    }

    /** A 200 answer for a resource as it is now, its version as ETag (none when null). */
    public Answer current(Object view, Long version) {
        return new Answer(200, null, version == null ? null : cn.wenming.common.web.ETags.of(version).toString(), toJson(view), false);
    }

    /** Forgets the answers stored before {@code retention} ago ({@link IdempotencyJanitor} calls it hourly). */
    @Transactional(Transactional.TxType.REQUIRED)
    public int forgetOlderThan(java.time.Duration retention) {
        return em.createNativeQuery(FORGET)
                .setParameter(1, Instant.now(clock).minus(retention)).executeUpdate();
    }

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    @Inject
    cn.wenming.common.audit.AuditTransactions audit;

    /**
     * Runs {@code work} once per key and principal. Without a key it just runs. {@code request}
     * is anything that identifies the request's content (the operation and its input).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Answer once(String key, String principal, String operation, Object request, Supplier<Answer> work) {
        if (key == null || key.isBlank()) {
            return work.get();
        }
        if (key.length() > 200) {
            throw ProblemException.invalid("Idempotency-Key", "最长 200 个字符 (at most 200 characters)");
        }
        String hash = hash(operation, request);
        int inserted = em.createNativeQuery(REMEMBER)
                .setParameter(1, key).setParameter(2, principal).setParameter(3, operation).setParameter(4, hash)
                .setParameter(5, Instant.now(clock))
                .executeUpdate();
        if (inserted == 0) {
            return replay(key, principal, operation, hash);
        }
        Answer answer = work.get();
        em.createNativeQuery(ANSWER)
                .setParameter(1, principal).setParameter(2, key).setParameter(3, answer.status())
                .setParameter(4, answer.location()).setParameter(5, answer.etag()).setParameter(6, answer.body())
                .executeUpdate();
        return answer;
    }

    private Answer replay(String key, String principal, String operation, String hash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(RECALL)
                .setParameter(1, principal).setParameter(2, key).getResultList();
        Object[] row = rows.get(0);
        if (!operation.equals(row[0]) || !hash.equals(row[1])) {
            throw new ProblemException(ProblemType.CONFLICT,
                    "此 Idempotency-Key 已用于另一个请求 (this Idempotency-Key was used for a different request)");
        }
        // the audit record of this transaction says REPLAYED: nothing was done again
        audit.replayed((String) row[3]);
        return new Answer(((Number) row[2]).intValue(), (String) row[3], (String) row[4], (String) row[5], true);
    }

    public String toJson(Object body) {
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answer cannot be written", e);
        }
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(operation.getBytes(StandardCharsets.UTF_8));
            sha.update(toJson(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
