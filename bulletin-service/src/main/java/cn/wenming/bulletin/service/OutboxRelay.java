package cn.wenming.bulletin.service;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.wenming.bulletin.client.Peers;
import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.OutboxMessage;
import cn.wenming.common.persistence.QueueWorker;
import cn.wenming.common.persistence.QueueWorkers;

/**
 * Relays the outbox to distribution-service: takes due messages, sends each with the id as
 * Idempotency-Key, deletes it when accepted (201, a replay, or 409: the issue is already
 * dispatched), and otherwise tries again after a growing wait, for as long as it takes. A crash
 * between sending and deleting sends the message again after its lease; the key makes that a
 * replay, never a second dispatch.
 *
 * <p>It is the outbox's {@link QueueWorker}: suite-common's {@link QueueWorkers} runs it as soon as a
 * publication commits (on a thread of its own, so neither the publishing request waits for the send
 * nor the dispatch for the next poll), and polls it every {@code BULLETIN_OUTBOX_POLL_EVERY} for
 * retries that come due and whatever a crash left behind. It sends one message at a time unless
 * {@code BULLETIN_OUTBOX_CONCURRENCY} says more.
 */
@ApplicationScoped
public class OutboxRelay implements QueueWorker<Outbox.Claim, OutboxRelay.Sent> {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** How one send ended: distribution-service's answer, or why there was none. */
    public record Sent(Outbox.Claim claim, int status, String error) {
    }

    @Inject
    Outbox outbox;

    @Inject
    Peers peers;

    @Inject
    BulletinConfig config;

    @Override
    public String queue() {
        return OutboxMessage.TABLE;
    }

    @Override
    public String name() {
        return "outbox-relay";
    }

    @Override
    public QueueWorker.Settings settings() {
        return config.outbox();
    }

    @Override
    public Duration lease() {
        return LEASE;
    }

    @Override
    public List<Outbox.Claim> claim(int limit, Duration lease) {
        return outbox.claimDue(limit, lease);
    }

    @Override
    public Sent handle(Outbox.Claim c) {
        try {
            return new Sent(c, peers.dispatch(outbox.read(c.payload()), c.requestId()), null);
        } catch (RuntimeException e) {
            LOG.infof("bulletin %s: dispatch not relayed yet (attempt %d): %s", c.bulletinId(), c.attempt(), e.getMessage());
            return new Sent(c, 0, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /** Deletes each accepted message; the others wait for their back-off. */
    @Override
    public void record(List<Sent> outcomes) {
        for (Sent s : outcomes) {
            Outbox.Claim c = s.claim();
            if (s.error() != null) {
                outbox.failed(c.id(), s.error());
            } else if (s.status() / 100 == 2 || s.status() == 409) {
                if (s.status() == 409) {
                    LOG.warnf("bulletin %s: distribution-service already has its dispatch (409); the message is done", c.bulletinId());
                }
                outbox.accepted(c.id());
            } else {
                LOG.errorf("bulletin %s: distribution-service refused its dispatch with HTTP %d (attempt %d); trying again later",
                        c.bulletinId(), s.status(), c.attempt());
                outbox.failed(c.id(), "distribution-service answered HTTP " + s.status());
            }
        }
    }
}
