package cn.wenming.common.persistence;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

/**
 * Runs the drain of a {@link WorkQueue} (take what is due until nothing is) on a thread of its
 * own whenever it is woken: right after a transaction that added work commits ({@link WorkQueue.Added}),
 * and by the queue's poll, which stays as the safety net. {@link #wake()} returns at once, so the
 * committing request does not wait for the work. Runs never overlap, and wakes coalesce: a wake
 * during a run makes exactly one more run after it, so work committed at any moment is taken
 * without waiting for the next poll, however the wakes and the run interleave.
 */
public final class Drain implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Drain.class);

    private final String name;
    private final Runnable work;
    private final ExecutorService thread;
    /** A run was asked for and has not started since. */
    private final AtomicBoolean requested = new AtomicBoolean();
    /** The thread has a run queued or going. */
    private final AtomicBoolean running = new AtomicBoolean();

    /** {@code work} drains the queue once (it returns when nothing is due); {@code name} names the thread. */
    public Drain(String name, Runnable work) {
        this.name = name;
        this.work = work;
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Asks for a run: one starts now, or after the one going (which may not have seen the new work). */
    public void wake() {
        requested.set(true);
        if (running.compareAndSet(false, true)) {
            try {
                thread.execute(this::run);
            } catch (RejectedExecutionException e) {
                running.set(false); // closed: the service is stopping
            }
        }
    }

    private void run() {
        try {
            while (requested.getAndSet(false)) {
                try {
                    work.run();
                } catch (RuntimeException e) {
                    LOG.errorf(e, "%s: a run failed; the next wake or poll tries again", name);
                }
            }
        } finally {
            running.set(false);
        }
        // a wake that came between the last look at `requested` and the reset of `running` found the
        // run going and left it to this one
        if (requested.get()) {
            wake();
        }
    }

    /**
     * Stops the thread: a run going is interrupted (what it had taken and not recorded is taken
     * again after its lease) and given a few seconds to end, so it does not outlive the service's
     * database pool.
     */
    @Override
    public void close() {
        thread.shutdownNow();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warnf("%s: a run did not end within 5 s of the stop", name);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
