package cn.wenming.common.persistence;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

/**
 * A table used as a queue of work that must be done once, whatever the number of workers: rows
 * with a {@code next_attempt_at} (when the next try is due) and an {@code attempts} count. A
 * worker claims due rows with {@code FOR UPDATE SKIP LOCKED} and moves their next attempt past a
 * lease in the same short transaction, so no other worker (thread or replica) takes them
 * meanwhile; it does the work without a transaction, then records the outcome. A worker that dies
 * leaves its claims to be taken again once the lease has passed. Used by bulletin-service's
 * outbox and distribution-service's deliveries.
 *
 * <p>Work is taken as soon as it is committed: the transaction that adds it fires {@link Added},
 * and {@link QueueWorkers}, observing it after success, wakes the queue's {@link QueueWorker}; a poll
 * is only the safety net (for retries that come due, a wake lost in a crash, another replica's work).
 * A new queue needs its table (an {@code id}, {@code next_attempt_at} and {@code attempts}), the
 * {@link Added} event in the transactions that add to it, and a {@link QueueWorker} bean.
 */
public final class WorkQueue {

    /**
     * Fired (a CDI event) inside a transaction that adds due work to the queue table {@code queue};
     * its worker observes it with {@code @Observes(during = TransactionPhase.AFTER_SUCCESS)}, so it
     * looks only once the work is committed and visible, and never for a rolled-back one.
     */
    public record Added(String queue) {
    }

    private WorkQueue() {
    }

    /**
     * Claims up to {@code limit} rows of {@code table} that are due at {@code now} and satisfy
     * {@code condition} (SQL, e.g. {@code status = 'PENDING'}), for {@code lease}; each claim counts
     * as an attempt. {@code alsoSet} adds assignments (e.g. {@code , version = version + 1}).
     * Must run in a transaction; returns the claimed ids.
     */
    @SuppressWarnings("unchecked")
    public static List<UUID> claim(EntityManager em, String table, String condition, String alsoSet, int limit, Instant now,
            Duration lease) {
        return em.createNativeQuery("update " + table + " set next_attempt_at = ?1, attempts = attempts + 1" + alsoSet
                + " where id in (select id from " + table + " where " + condition + " and next_attempt_at <= ?2"
                + " order by next_attempt_at limit ?3 for update skip locked) returning id", UUID.class)
                .setParameter(1, now.plus(lease)).setParameter(2, now).setParameter(3, limit)
                .getResultList();
    }

    /**
     * The wait after the {@code failures}-th failure: {@code base × 2^(failures-1)}, at most {@code max},
     * then scaled by a jitter between one half and one ({@code random} in [0, 1)), so that many
     * failed items do not all come back at once.
     */
    public static Duration backoff(int failures, Duration base, Duration max, double random) {
        long millis = base.toMillis();
        for (int i = 1; i < failures && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        millis = Math.min(millis, max.toMillis());
        return Duration.ofMillis((long) (millis * (0.5 + random / 2)));
    }
}
