package cn.wenming.distribution.service;

import cn.wenming.common.idempotency.Idempotency;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.distribution.config.DistributionConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due webhook deliveries, taken from the database: claim (one short transaction), call
 * (no transaction held), record the outcome (another). A restart loses nothing: what was claimed
 * and not recorded is taken again when its lease passes, and the receiver de-duplicates the
 * repeat by its delivery id.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    @Inject
    DeliveryService deliveries;

    @Inject
    WebhookSender sender;

    @Inject
    DistributionConfig config;

    @Inject
    Clock clock;

    @Inject
    Idempotency idempotency;

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
        Duration lease = config.webhook().timeout().multipliedBy(2).plusSeconds(5);
        List<DeliveryService.Claim> claims = deliveries.claimDue(config.delivery().batch(), lease);
        for (DeliveryService.Claim claim : claims) {
            try {
                WebhookSender.Outcome outcome = sender.send(claim);
                if (outcome.sent()) {
                    deliveries.recordSent(claim.deliveryId(), claim.attemptNo(), outcome.status());
                } else {
                    deliveries.recordFailure(claim.deliveryId(), claim.attemptNo(), outcome.status(), outcome.error());
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "delivery %s: outcome not recorded; it is taken again after its lease", claim.deliveryId());
            }
        }
        return claims.size();
    }

    @Scheduled(identity = "forget-idempotency-keys", every = "1h", delayed = "1m")
    void forgetOldIdempotencyKeys() {
        idempotency.forgetOlderThan(config.idempotencyRetention());
    }
}
