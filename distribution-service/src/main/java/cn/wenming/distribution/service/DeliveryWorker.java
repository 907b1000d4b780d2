package cn.wenming.distribution.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries (webhooks and e-mail), taken from the database: claim a batch (one short
 * transaction), send each on a bounded pool of senders (no transaction held), record each outcome
 * (one transaction each). A receiver that hangs holds one sender until its timeout while the
 * others go on. A restart loses nothing: what was claimed and not recorded is taken again when its
 * lease passes, and the receiver de-duplicates the repeat by its delivery id. Any number of
 * workers (threads or replicas) may run: {@code FOR UPDATE SKIP LOCKED} gives each claim to one.
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

    @Inject
    Idempotency idempotency;

    private final Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);
    private ExecutorService pool;

    @PostConstruct
    void init() {
        senders.forEach(s -> byChannel.put(s.channel(), s));
        AtomicInteger n = new AtomicInteger();
        pool = Executors.newFixedThreadPool(config.delivery().concurrency(), r -> {
            Thread t = new Thread(r, "delivery-sender-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    @Scheduled(identity = "send-deliveries", every = "${distribution.delivery.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        if (config.delivery().enabled()) {
            while (runOnce() == config.delivery().batch()) {
                // a full batch: more may be due
            }
        }
    }

    /** Claims one batch, sends it and records each outcome; returns how many it claimed. */
    public int runOnce() {
        List<DeliveryService.Claim> claims = deliveries.claimDue(config.delivery().batch(), lease());
        List<Future<?>> sending = new ArrayList<>(claims.size());
        for (DeliveryService.Claim claim : claims) {
            sending.add(pool.submit(() -> sendAndRecord(claim)));
        }
        for (Future<?> f : sending) {
            try {
                f.get();
            } catch (ExecutionException e) {
                LOG.error("a delivery's outcome was not recorded; it is taken again after its lease", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return claims.size();
    }

    /** Longer than any one send may take, so that a live sender's claim never passes to another. */
    Duration lease() {
        Duration longest = config.webhook().timeout().compareTo(config.email().timeout()) > 0
                ? config.webhook().timeout() : config.email().timeout();
        return longest.multipliedBy(2).plusSeconds(5);
    }

    private void sendAndRecord(DeliveryService.Claim claim) {
        ChannelSender sender = byChannel.get(claim.delivery().channel);
        Outcome outcome = sender == null ? Outcome.failed(null, "无发送方式 (no sender for " + claim.delivery().channel + ")")
                : sender.send(claim);
        if (outcome.sent()) {
            deliveries.recordSent(claim.deliveryId(), claim.attemptNo(), outcome.status());
        } else {
            deliveries.recordFailure(claim.deliveryId(), claim.attemptNo(), outcome.status(), outcome.error());
        }
    }

    @Scheduled(identity = "forget-idempotency-keys", every = "1h", delayed = "1m")
    void forgetOldIdempotencyKeys() {
        idempotency.forgetOlderThan(config.idempotencyRetention());
    }
}
