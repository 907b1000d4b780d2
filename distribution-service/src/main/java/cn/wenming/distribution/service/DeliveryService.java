package cn.wenming.distribution.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.persistence.WorkQueue;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.domain.DeliveryAttempt;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.domain.Dispatch;
import cn.wenming.distribution.domain.Organization;

/**
 * The state of deliveries: acknowledgement (签收), paper recorded by hand, and the worker's queue.
 * The queue is the table: a worker claims due webhook deliveries with {@code FOR UPDATE SKIP LOCKED}
 * and moves their next attempt past a lease in the same short transaction, so no other worker
 * (thread or replica) takes them meanwhile, and a worker that dies mid-send leaves them to be
 * taken again once the lease has passed.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class DeliveryService {

    /** What a worker needs to send one webhook delivery, read in the claiming transaction. */
    public record Claim(UUID deliveryId, int attemptNo, String url, String secret, String email, Delivery delivery, Dispatch dispatch) {
    }

    @Inject
    Clock clock;

    @Inject
    DistributionConfig config;

    @Transactional(SUPPORTS)
    public Optional<Delivery> find(UUID id) {
        return Delivery.findByIdOptional(id);
    }

    @Transactional(SUPPORTS)
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return DeliveryAttempt.list("deliveryId = ?1 order by attemptNo", deliveryId);
    }

    /** SENT → ACKNOWLEDGED; acknowledging again changes nothing; any other status is a 409. */
    public Optional<Delivery> acknowledge(UUID id, String by) {
        Optional<Delivery> found = Delivery.findByIdOptional(id);
        found.ifPresent(d -> {
            if (d.status == DeliveryStatus.ACKNOWLEDGED) {
                return;
            }
            if (d.status != DeliveryStatus.SENT) {
                throw ProblemException.conflict("只有已送达的分发可以签收 (only a SENT delivery can be acknowledged); status " + d.status);
            }
            d.status = DeliveryStatus.ACKNOWLEDGED;
            d.acknowledgedAt = now();
            d.acknowledgedBy = by;
            d.persistAndFlush();
        });
        return found;
    }

    /** A paper copy handed over, recorded by an operator: PENDING → SENT. Webhooks and e-mail are sent by the worker (409). */
    public Optional<Delivery> markSent(UUID id, String by) {
        Optional<Delivery> found = Delivery.findByIdOptional(id);
        found.ifPresent(d -> {
            if (d.channel != Channel.PAPER) {
                throw ProblemException.conflict("接口和电子邮件分发由系统发送，不能手工登记 (webhook and e-mail deliveries are sent by the service)");
            }
            if (d.status != DeliveryStatus.PENDING) {
                throw ProblemException.conflict("只有待发的分发可以登记送达 (only a PENDING delivery can be recorded as sent); status " + d.status);
            }
            d.status = DeliveryStatus.SENT;
            d.sentAt = now();
            attempt(d, "SENT", null, "登记人 (recorded by) " + by);
            d.persistAndFlush();
        });
        return found;
    }

    /**
     * Claims up to {@code limit} due deliveries (webhook and e-mail: paper ones have no next attempt)
     * for {@code lease}; each claim counts as an attempt.
     */
    public List<Claim> claimDue(int limit, Duration lease) {
        List<UUID> ids = WorkQueue.claim(Delivery.getEntityManager(), "delivery", "status = 'PENDING'", ", version = version + 1",
                limit, now(), lease);
        if (ids.isEmpty()) {
            return List.of();
        }
        return Delivery.<Delivery>list("id in ?1", ids).stream().map(d -> {
            Organization o = Organization.findById(d.organizationId);
            return new Claim(d.id, d.attempts, o.webhookUrl, o.webhookSecret, o.email, d, Dispatch.findById(d.dispatchId));
        }).toList();
    }

    /** The receiver answered 2xx (or the mail server took the message): SENT, unless the delivery left PENDING meanwhile. */
    public void recordSent(UUID id, int attemptNo, Integer httpStatus) {
        Delivery d = Delivery.findById(id);
        if (d == null || d.status != DeliveryStatus.PENDING) {
            return;
        }
        d.status = DeliveryStatus.SENT;
        d.sentAt = now();
        d.nextAttemptAt = null;
        d.lastError = null;
        attempt(d, attemptNo, "SENT", httpStatus, null);
    }

    /** Another answer, a timeout or a refusal: retry after the back-off, or FAILED after the last attempt. */
    public void recordFailure(UUID id, int attemptNo, Integer httpStatus, String error) {
        Delivery d = Delivery.findById(id);
        if (d == null || d.status != DeliveryStatus.PENDING) {
            return;
        }
        String text = error == null ? null : error.substring(0, Math.min(error.length(), 500));
        d.lastError = text;
        if (d.attempts >= config.delivery().maxAttempts()) {
            d.status = DeliveryStatus.FAILED;
            d.nextAttemptAt = null;
            attempt(d, attemptNo, "FAILED", httpStatus, text);
        } else {
            d.nextAttemptAt = now().plus(WorkQueue.backoff(d.attempts, config.delivery().backoff(), config.delivery().maxBackoff(),
                    ThreadLocalRandom.current().nextDouble()));
            attempt(d, attemptNo, "RETRY", httpStatus, text);
        }
    }

    private void attempt(Delivery d, String outcome, Integer httpStatus, String error) {
        attempt(d, d.attempts + 1, outcome, httpStatus, error);
    }

    private void attempt(Delivery d, int attemptNo, String outcome, Integer httpStatus, String error) {
        DeliveryAttempt a = new DeliveryAttempt();
        a.id = UUID.randomUUID();
        a.deliveryId = d.id;
        a.attemptNo = attemptNo;
        a.at = now();
        a.outcome = outcome;
        a.httpStatus = httpStatus;
        a.error = error;
        a.persist();
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
