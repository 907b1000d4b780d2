package cn.wenming.common.persistence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;

/**
 * The wake-up and the polling of every {@link QueueWorker} bean of the service, written once: each
 * worker gets a {@link QueueDrain} (its drain thread and its handlers); a transaction that fired
 * {@link WorkQueue.Added} for its queue wakes it once committed (never for a rolled-back one), and a
 * poll every {@link QueueWorker.Settings#pollEvery()} (from 1 s after start; never two at once) wakes
 * it as the safety net. With the scheduler off ({@code quarkus.scheduler.enabled=false}, as in tests
 * that prove a wake) nothing polls.
 */
@ApplicationScoped
public class QueueWorkers {

    private static final Logger LOG = Logger.getLogger(QueueWorkers.class);

    @Inject
    @Any
    Instance<QueueWorker<?, ?>> workers;

    @Inject
    Scheduler scheduler;

    /** The drains by queue name. */
    private final Map<String, QueueDrain<?, ?>> drains = new LinkedHashMap<>();

    @PostConstruct
    void init() {
        for (QueueWorker<?, ?> w : workers) {
            QueueDrain<?, ?> previous = drains.put(w.queue(), new QueueDrain<>(w));
            if (previous != null) {
                throw new IllegalStateException("two workers of the queue " + w.queue());
            }
        }
    }

    /** Starts the polls (and, by being called, makes the drains: a wake can come before the first poll). */
    void start(@Observes StartupEvent start) {
        if (!scheduler.isStarted()) {
            LOG.infof("the scheduler is off: the work queues %s are drained only when woken after a commit", drains.keySet());
            return;
        }
        for (QueueWorker<?, ?> w : workers) {
            if (w.settings().enabled()) {
                QueueDrain<?, ?> drain = drains.get(w.queue());
                scheduler.newJob(w.name()).setInterval(w.settings().pollEvery()).setDelayed("1s")
                        .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP).setTask(execution -> drain.wake()).schedule();
            }
        }
    }

    /** A transaction that added work committed: its queue's worker takes it now. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkQueue.Added added) {
        QueueDrain<?, ?> drain = drains.get(added.queue());
        if (drain == null) {
            LOG.warnf("work was added to %s, which no worker of this service drains", added.queue());
            return;
        }
        drain.wake();
    }

    /** Drains {@code worker}'s queue on the caller's thread (whether or not this replica works it); returns how many it claimed. */
    public int drain(QueueWorker<?, ?> worker) {
        QueueDrain<?, ?> drain = drains.get(worker.queue());
        if (drain == null) {
            throw new IllegalStateException("no worker of the queue " + worker.queue());
        }
        return drain.drain();
    }

    @PreDestroy
    void stop() {
        drains.values().forEach(QueueDrain::close);
    }
}
