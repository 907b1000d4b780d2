package cn.wenming.bulletin.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.bulletin.client.Peers;
import cn.wenming.bulletin.config.BulletinConfig;
import io.quarkus.scheduler.Scheduled;

/**
 * Relays the outbox to distribution-service: takes due messages, sends each with the id as
 * Idempotency-Key, deletes it when accepted (201, a replay, or 409: the issue is already
 * dispatched), and otherwise tries again after a growing wait, for as long as it takes. A crash
 * between sending and deleting sends the message again after its lease; the key makes that a
 * replay, never a second dispatch.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    Peers peers;

    @Inject
    BulletinConfig config;

    @Scheduled(identity = "outbox-relay", every = "${bulletin.outbox.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relay() {
        if (config.outbox().enabled()) {
            while (runOnce() == config.outbox().batch()) {
                // a full batch: more may be due
            }
        }
    }

    /** Sends one batch; returns how many messages it took. */
    public int runOnce() {
        List<Outbox.Claim> claims = outbox.claimDue(config.outbox().batch(), LEASE);
        for (Outbox.Claim c : claims) {
            try {
                int status = peers.dispatch(outbox.read(c.payload()), c.requestId());
                if (status / 100 == 2 || status == 409) {
                    if (status == 409) {
                        LOG.warnf("bulletin %s: distribution-service already has its dispatch (409); the message is done", c.bulletinId());
                    }
                    outbox.accepted(c.id());
                } else {
                    LOG.errorf("bulletin %s: distribution-service refused its dispatch with HTTP %d (attempt %d); trying again later",
                            c.bulletinId(), status, c.attempt());
                    outbox.failed(c.id(), "distribution-service answered HTTP " + status);
                }
            } catch (RuntimeException e) {
                LOG.infof("bulletin %s: dispatch not relayed yet (attempt %d): %s", c.bulletinId(), c.attempt(), e.getMessage());
                outbox.failed(c.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
        return claims.size();
    }
}
