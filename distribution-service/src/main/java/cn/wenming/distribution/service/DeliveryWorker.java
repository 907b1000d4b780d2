package cn.wenming.distribution.service;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import cn.wenming.common.persistence.QueueWorker;
import cn.wenming.common.persistence.QueueWorkers;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Delivery;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries (webhooks and e-mail), taken from the database: the queue's worker
 * ({@link QueueWorker}; suite-common's {@link QueueWorkers} wakes it as soon as a dispatch or a resend
 * commits its deliveries, polls it every {@code DISTRIBUTION_DELIVERY_POLL_EVERY} for retries that come
 * due and another replica's work, and drains it). It claims deliveries ({@code FOR UPDATE SKIP LOCKED},
 * one short transaction), sends each on one of {@code concurrency} senders (no transaction held), and
 * records the outcomes that have come in, together, in one transaction. A receiver that hangs holds
 * one sender until its timeout while the others go on.
 *
 * <p>Never more than twice {@code concurrency} deliveries are claimed and not yet sent, so each is
 * sent within two send timeouts of its claim and recorded before its lease (2 × the timeout + 5 s)
 * passes: no other worker takes a delivery whose sender is alive. A restart loses nothing: what
 * was claimed and not recorded is taken again when its lease passes, and the receiver
 * de-duplicates the repeat by its delivery id. Any number of workers (threads or replicas) may
 * run: each claim goes to one.
 */
@ApplicationScoped
public class DeliveryWorker implements QueueWorker<DeliveryService.Claim, DeliveryService.Result> {

    @Inject
    DeliveryService deliveries;

    @Inject
    Instance<ChannelSender> senders;

    @Inject
    DistributionConfig config;

    @Inject
    QueueWorkers workers;

    private final Map<Channel, ChannelSender> byChannel = new EnumMap<>(Channel.class);

    @PostConstruct
    void init() {
        senders.forEach(s -> byChannel.put(s.channel(), s));
    }

    @Override
    public String queue() {
        return Delivery.TABLE;
    }

    @Override
    public String name() {
        return "delivery-worker";
    }

    @Override
    public QueueWorker.Settings settings() {
        return config.delivery();
    }

    /**
     * Sends every delivery that is due and returns once nothing is due and every outcome of what it
     * claimed is recorded; returns how many it claimed. Two drains at once share the work.
     */
    public int drain() {
        return workers.drain(this);
    }

    /** Longer than any one send may take, so that a live sender's claim never passes to another. */
    @Override
    public Duration lease() {
        Duration longest = config.webhook().timeout().compareTo(config.email().timeout()) > 0
                ? config.webhook().timeout() : config.email().timeout();
        return longest.multipliedBy(2).plusSeconds(5);
    }

    @Override
    public List<DeliveryService.Claim> claim(int limit, Duration lease) {
        return deliveries.claimDue(limit, lease);
    }

    @Override
    public DeliveryService.Result handle(DeliveryService.Claim claim) {
        ChannelSender sender = byChannel.get(claim.channel());
        Outcome outcome;
        try {
            outcome = sender == null ? Outcome.failed(null, "无发送方式 (no sender for " + claim.channel() + ")") : sender.send(claim);
        } catch (RuntimeException e) {
            outcome = Outcome.failed("发送出错 (the sender failed)", e);
        }
        return new DeliveryService.Result(claim, outcome);
    }

    /** The outcomes that came in, in one transaction. */
    @Override
    public void record(List<DeliveryService.Result> outcomes) {
        deliveries.record(outcomes);
    }
}
