package cn.wenming.common.persistence;

import java.time.Duration;
import java.util.List;

/**
 * The worker of one {@link WorkQueue}: what it claims, how it handles one claim, how it records what
 * came of them. A service declares it as a bean ({@code @ApplicationScoped}) and is done:
 * {@link QueueWorkers} wakes it when a transaction that fired {@link WorkQueue.Added} for its
 * {@link #queue()} commits, polls it every {@link Settings#pollEvery()} as the safety net (retries
 * that come due, a wake lost in a crash, another replica's work), and drains it in batches on
 * threads of its own.
 *
 * <p>A drain claims up to {@link Settings#batch()} at a time, and never holds more than twice
 * {@link Settings#concurrency()} claims that are not yet recorded: it claims more as the handlers
 * free up. So each claim is handled within about two handle times of its claim, and a {@link #lease()}
 * longer than that keeps a live handler's claim from passing to another worker; a worker that dies
 * leaves its claims to be taken again after the lease. Any number of workers (threads or replicas)
 * may drain one queue: each claim goes to one.
 *
 * @param <C> a claim: what a handler needs, read in the claiming transaction
 * @param <R> the outcome of handling one claim
 */
public interface QueueWorker<C, R> {

    /**
     * The settings of a queue's worker. A service's {@code @ConfigMapping} group for the queue extends
     * this interface, so every queue has the same settings under its own prefix (e.g.
     * {@code distribution.delivery.enabled}, env {@code DISTRIBUTION_DELIVERY_ENABLED}); or the worker
     * gives {@link Values}.
     */
    interface Settings {

        /** Whether this replica works the queue (off: only another replica or a test drains it). */
        boolean enabled();

        /**
         * How often the queue is looked at besides the wakes after commits, as a duration the
         * scheduler reads ({@code 2s}; {@code off} for never).
         */
        String pollEvery();

        /** The most claims one claim takes. */
        int batch();

        /** Claims handled at once by one replica (each on a thread of its own); one handles them in turn. */
        int concurrency();
    }

    /** Settings given as values (for a worker whose configuration group does not extend {@link Settings}). */
    record Values(boolean enabled, String pollEvery, int batch, int concurrency) implements Settings {
    }

    /** The queue's name, as its transactions fire it in {@link WorkQueue.Added} (its table). */
    String queue();

    /** Names the worker's threads, its poll and its log lines. */
    String name();

    Settings settings();

    /** How long a claim is the worker's: longer than two handle times, the most it waits for one. */
    Duration lease();

    /**
     * Claims up to {@code limit} due items for {@code lease}, in one short transaction of its own
     * ({@link WorkQueue#claim}); empty when nothing is due.
     */
    List<C> claim(int limit, Duration lease);

    /** Does the work of one claim, outside any transaction; a failure is an outcome, not an exception. */
    R handle(C claim);

    /** Records the outcomes that came in (one transaction, or one each: the worker's choice). */
    void record(List<R> outcomes);
}
