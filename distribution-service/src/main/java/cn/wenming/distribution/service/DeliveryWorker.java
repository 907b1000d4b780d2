package cn.wenming.distribution.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.common.persistence.Drain;
import cn.wenming.common.persistence.WorkQueue;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Delivery;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries (webhooks and e-mail), taken from the database, and keeps the senders busy:
 * it claims more ({@code FOR UPDATE SKIP LOCKED}, one short transaction) as soon as no more than
 * {@code concurrency} claimed deliveries are left waiting or being sent, sends each on a bounded
 * pool of senders (no transaction held), and records the outcomes that have come in, together, in
 * one transaction. A receiver that hangs holds one sender until its timeout while the others go on.
 *
 * <p>Never more than twice {@code concurrency} deliveries are claimed and not yet sent, so each is
 * sent within two send timeouts of its claim and recorded before its lease (2 × the timeout + 5 s)
 * passes: no other worker takes a delivery whose sender is alive. A restart loses nothing: what
 * was claimed and not recorded is taken again when its lease passes, and the receiver
 * de-duplicates the repeat by its delivery id. Any number of workers (threads or replicas) may
 * run: each claim goes to one.
 *
 * <p>It runs as soon as a dispatch (or a resend) commits its deliveries, woken by
 * {@link WorkQueue.Added} after success, on a thread of its own; the poll
 * ({@code DISTRIBUTION_DELIVERY_POLL_EVERY}) takes retries that come due and another replica's work.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryService deliveries;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    DistributionConfig config;

    private final Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
    private ExecutorService pool;
    private Drain drain;

    @PostConstruct
    void init() {
        senders.forEach(s -> byChannel.put(s.channel(), s));
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.delivery().concurrency(), r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        drain = new Drain("delivery-worker", this::drain);
    }

    @PreDestroy
    void stop() {
        drain.close();
        pool.shutdownNow();
    }

    /** A dispatch or a resend committed due deliveries: send them now. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkQueue.Added added) {
        if (Delivery.TABLE.equals(added.queue())) {
            wake();
        }
    }

    @Scheduled(identity = "send-deliveries", every = "${distribution.delivery.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void wake() {
        if (config.delivery().enabled()) {
            drain.wake();
        }
    }

    /**
     * Sends every delivery that is due, claiming as the senders free up, and returns once nothing
     * is due and every outcome of what it claimed is recorded; returns how many it claimed. Two
     * drains at once (threads of one replica, or replicas) share the work, each delivery going to one.
     */
    public int drain() {
        Run run = new Run();
        int concurrency = config.delivery().concurrency();
        try {
            while (true) {
                run.recordWhileMoreThan(concurrency);
                int room = Math.min(config.delivery().batch(), 2 * concurrency - run.outstanding);
                List<DeliveryService.Claim> claims = deliveries.claimDue(room, lease());
                if (claims.isEmpty()) {
                    break;
                }
                run.send(claims);
            }
            run.recordWhileMoreThan(0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: what is claimed and not recorded is taken again after its lease
        } catch (RuntimeException e) {
            // a claim failed (PostgreSQL cancelled it past the statement timeout, or the database is gone): the sends
            // already going still end, and their outcomes are recorded before this run gives up (the Drain runs again at
            // the next wake or poll), so that they are not sent a second time after their lease
            try {
                run.recordWhileMoreThan(0);
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            }
            throw e;
        }
        return run.claimed;
    }

    /** Longer than any one send may take, so that a live sender's claim never passes to another. */
    Duration lease() {
        Duration longest = config.webhook().timeout().compareTo(config.email().timeout()) > 0
                ? config.webhook().timeout() : config.email().timeout();
        return longest.multipliedBy(2).plusSeconds(5);
    }

    /** One drain's claims in flight and the outcomes that came back, recorded by the drain's own thread. */
    private final class Run {
        final BlockingQueue<DeliveryService.Result> done = new LinkedBlockingQueue<>();
        int outstanding;
        int claimed;

        void send(List<DeliveryService.Claim> claims) {
            for (DeliveryService.Claim claim : claims) {
                claimed++;
                try {
                    pool.execute(() -> done.add(new DeliveryService.Result(claim, sendOne(claim))));
                    outstanding++;
                } catch (RejectedExecutionException e) {
                    LOG.warnf("delivery %s not sent: the service is stopping; it is taken again after its lease", claim.deliveryId());
                }
            }
        }

        /**
         * Records the outcomes that are in, in one transaction; while more than {@code limit} are
         * outstanding, waits for the next. Gives up on a sender that has not answered within the
         * lease (a sender always ends within its timeout): its claim is taken again after it.
         */
        void recordWhileMoreThan(int limit) throws InterruptedException {
            do {
                List<DeliveryService.Result> in = new ArrayList<>();
                if (outstanding > limit) {
                    DeliveryService.Result first = done.poll(lease().toMillis(), TimeUnit.MILLISECONDS);
                    if (first == null) {
                        LOG.errorf("%d deliveries were not sent within their lease; they are taken again", outstanding);
                        outstanding = 0;
                        return;
                    }
                    in.add(first);
                }
                done.drainTo(in);
                if (!in.isEmpty()) {
                    outstanding -= in.size();
                    try {
                        deliveries.record(in);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "the outcomes of %d deliveries were not recorded; they are taken again after their lease", in.size());
                    }
                }
            } while (outstanding > limit);
        }
    }

    private Outcome sendOne(DeliveryService.Claim claim) {
        ChannelSender sender = byChannel.get(claim.channel());
        try {
            return sender == null ? Outcome.failed(null, "无发送方式 (no sender for " + claim.channel() + ")") : sender.send(claim);
        } catch (RuntimeException e) {
            return Outcome.failed("发送出错 (the sender failed)", e);
        }
    }
}
