package cn.wenming.bulletin.service;

import java.time.Duration;
import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.bulletin.client.Peers;
import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.OutboxMessage;
import cn.wenming.common.persistence.Drain;
import cn.wenming.common.persistence.WorkQueue;
import io.quarkus.scheduler.Scheduled;

/**
 * Relays the outbox to distribution-service: takes due messages, sends each with the id as
 * Idempotency-Key, deletes it when accepted (201, a replay, or 409: the issue is already
 * dispatched), and otherwise tries again after a growing wait, for as long as it takes. A crash
 * between sending and deleting sends the message again after its lease; the key makes that a
 * replay, never a second dispatch.
 *
 * <p>It runs as soon as a publication commits (woken by {@link WorkQueue.Added} after success), on
 * a thread of its own, so neither the publishing request waits for the send nor the dispatch for
 * the next poll; the poll ({@code BULLETIN_OUTBOX_POLL_EVERY}) takes retries that come due and
 * whatever a crash left behind.
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

    private Drain drain;

    @PostConstruct
    void init() {
        drain = new Drain("outbox-relay", this::relayDue);
    }

    @PreDestroy
    void stop() {
        drain.close();
    }

    /** A publication committed its dispatch request: send it now. */
    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) WorkQueue.Added added) {
        if (OutboxMessage.TABLE.equals(added.queue())) {
            wake();
        }
    }

    @Scheduled(identity = "outbox-relay", every = "${bulletin.outbox.poll-every:2s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    private void wake() {
        if (config.outbox().enabled()) {
            drain.wake();
        }
    }

    /** Sends batches until no message is due. */
    void relayDue() {
        while (runOnce() == config.outbox().batch()) {
            // a full batch: more may be due
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
