package cn.wenming.common.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

/**
 * Drains one {@link QueueWorker}: claims, hands each claim to a pool of {@code concurrency} handler
 * threads (no transaction held), and records the outcomes that came in, together, as it goes; it
 * claims more as soon as no more than {@code concurrency} claims are left outstanding, and never has
 * more than twice {@code concurrency} claimed and not recorded. {@link #wake()} runs a drain on a
 * {@link Drain} thread of its own; {@link #drain()} runs one on the caller's thread. Made and woken by
 * {@link QueueWorkers}.
 */
public final class QueueDrain<C, R> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(QueueDrain.class);

    private final QueueWorker<C, R> worker;
    private final ExecutorService handlers;
    private final Drain drain;

    public QueueDrain(QueueWorker<C, R> worker) {
        this.worker = worker;
        String name = worker.name();
        AtomicInteger n = new AtomicInteger();
        this.handlers = Executors.newFixedThreadPool(worker.settings().concurrency(), r -> {
            Thread t = new Thread(r, name + "-handler-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.drain = new Drain(name, this::drain);
    }

    /** Drains on the worker's own thread now (or right after the drain going), when this replica works the queue. */
    public void wake() {
        if (worker.settings().enabled()) {
            drain.wake();
        }
    }

    /**
     * Handles every claim that is due, claiming as the handlers free up, and returns once nothing is
     * due and every outcome of what it claimed is recorded; returns how many it claimed. Two drains at
     * once (threads of one replica, or replicas) share the work, each claim going to one.
     */
    public int drain() {
        Run run = new Run();
        int concurrency = worker.settings().concurrency();
        try {
            while (true) {
                run.recordWhileMoreThan(concurrency);
                int room = Math.min(worker.settings().batch(), 2 * concurrency - run.outstanding);
                List<C> claims = worker.claim(room, worker.lease());
                if (claims.isEmpty()) {
                    break;
                }
                run.handle(claims);
            }
            run.recordWhileMoreThan(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: what is claimed and not recorded is taken again after its lease
        } catch (RuntimeException e) {
            // a claim failed (PostgreSQL cancelled it past the statement timeout, or the database is gone): the handlers
            // going still end, and their outcomes are recorded before this drain gives up (the next wake or poll drains
            // again), so that they are not handled a second time after their lease
            try {
                run.recordWhileMoreThan(0);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return run.claimed;
    }

    /**
     * Stops the drain's thread and the handlers: a drain going is interrupted (what it had claimed and
     * not recorded is taken again after its lease), so that it does not outlive the database pool.
     */
    @Override
    public void close() {
        drain.close();
        handlers.shutdownNow();
    }

    /** One drain's claims being handled and the outcomes that came back, recorded by the drain's own thread. */
    private final class Run {
        /** One entry per ended handler: its outcome, or empty when it failed (its claim is taken again after the lease). */
        final BlockingQueue<Optional<R>> done = new LinkedBlockingQueue<>();
        int outstanding;
        int claimed;

        void handle(List<C> claims) {
            for (C claim : claims) {
                claimed++;
                try {
                    handlers.execute(() -> done.add(handleOne(claim)));
                    outstanding++;
                } catch (RejectedExecutionException e) {
                    LOG.warnf("%s: a claim was not handled, the service is stopping; it is taken again after its lease", worker.name());
                }
            }
        }

        private Optional<R> handleOne(C claim) {
            try {
                return Optional.ofNullable(worker.handle(claim));
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: a handler failed; its claim is taken again after its lease", worker.name());
                return Optional.empty();
            }
        }

        /**
         * Records the outcomes that are in; while more than {@code limit} are outstanding, waits for
         * the next. Gives up on a handler that has not answered within the lease (a handler ends
         * within its own timeout): its claim is taken again after the lease.
         */
        void recordWhileMoreThan(int limit) throws InterruptedException {
            do {
                List<Optional<R>> in = new ArrayList<>();
                if (outstanding > limit) {
                    Optional<R> first = done.poll(worker.lease().toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        LOG.errorf("%s: %d claims were not handled within their lease; they are taken again", worker.name(), outstanding);
                        outstanding = 0;
                        return;
                    }
                    in.add(first);
                }
                done.drainTo(in);
                outstanding -= in.size();
                record(in.stream().flatMap(Optional::stream).toList());
            } while (outstanding > limit);
        }

        private void record(List<R> outcomes) {
            if (outcomes.isEmpty()) {
                return;
            }
            try {
                worker.record(outcomes);
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s: the outcomes of %d claims were not recorded; they are taken again after their lease",
                        worker.name(), outcomes.size());
            }
        }
    }
}
