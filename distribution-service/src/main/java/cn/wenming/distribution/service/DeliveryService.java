package cn.wenming.distribution.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import cn.wenming.common.persistence.WorkQueue;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.distribution.config.DistributionConfig;
import cn.wenming.distribution.domain.Channel;
import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.domain.DeliveryAttempt;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.domain.Part;

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

    /**
     * What a sender needs to send one delivery, read in the claiming transaction: the delivery's
     * recipient and part, its organization's address (and webhook secret as stored: the sender opens
     * it when it signs), and its dispatch's letter.
     */
    public record Claim(UUID deliveryId, int attemptNo, Channel channel, Part part, String recipient, String url,
            WebhookSecrets.Stored secret, String email, Letter letter) {
    }

    /** What a dispatch says to every recipient: the issue, its title, summary and link, and the 签收 deadline. */
    public record Letter(UUID dispatchId, UUID bulletinId, String issueLabel, String title, String summary, String link,
            Instant acknowledgeBy) {
    }

    /** How the send of one claim ended. */
    public record Result(Claim claim, Outcome outcome) {
    }

    @Inject
    Clock clock;

    @Inject
    DistributionConfig config;

    /**
     * The delivery, when {@code onlyFor} (a recipient's body) is empty or is its recipient: another
     * body's delivery is not found, so its id is never confirmed.
     */
    @Transactional(SUPPORTS)
    public Optional<Delivery> find(UUID id, Optional<UUID> onlyFor) {
        return Delivery.<Delivery>findByIdOptional(id).filter(d -> onlyFor.isEmpty() || onlyFor.get().equals(d.organizationId));
    }

    /** Deliveries are listed newest first (by when their dispatch was made): {@code -createdAt} or {@code createdAt}. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("createdAt");
    public static final String DEFAULT_SORT = "-createdAt";

    /** One page ({@code limit + 1} rows) of deliveries, to one organization and of one status if given. */
    @Transactional(SUPPORTS)
    public List<Delivery> list(cn.wenming.common.page.PageRequest page, cn.wenming.common.page.Sort sort, UUID organizationId,
            DeliveryStatus status) {
        var q = new cn.wenming.common.page.ListQuery().filter("organizationId = :organization", "organization", organizationId)
                .filter("status = :status", "status", status)
                .after(page, "createdAt", sort.descending(), cn.wenming.common.page.ListQuery::instant);
        return Delivery.<Delivery>find(q.hql("createdAt", sort.descending()), q.params()).page(0, page.fetchSize()).list();
    }

    @Transactional(SUPPORTS)
    public List<DeliveryAttempt> attempts(UUID deliveryId) {
        return DeliveryAttempt.list("deliveryId = ?1 order by attemptNo", deliveryId);
    }

    /**
     * SENT → ACKNOWLEDGED; acknowledging again changes nothing; any other status is a 409. A recipient
     * ({@code onlyFor} its body) signs for its own deliveries only: another body's is not found.
     */
    public Optional<Delivery> acknowledge(UUID id, String by, Optional<UUID> onlyFor) {
        Optional<Delivery> found = Delivery.<Delivery>findByIdOptional(id).filter(d -> onlyFor.isEmpty() || onlyFor.get().equals(d.organizationId));
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
        List<UUID> ids = WorkQueue.claim(Delivery.getEntityManager(), Delivery.TABLE, "status = 'PENDING'", ", version = version + 1",
                limit, now(), lease);
        if (ids.isEmpty()) {
            return List.of();
        }
        // what the senders need, in one query and without loading entities
        List<Object[]> rows = Delivery.getEntityManager().createQuery("""
                select d.id, d.attempts, d.channel, d.part, d.organizationName, o.webhookUrl, o.plainWebhookSecret, o.email,
                       x.id, x.bulletinId, x.issueLabel, x.title, x.summary, x.link, x.acknowledgeBy,
                       o.id, o.webhookSecretKeyId, o.webhookSecretSealed
                from Delivery d, Organization o, Dispatch x
                where d.id in ?1 and o.id = d.organizationId and x.id = d.dispatchId""", Object[].class)
                .setParameter(1, ids).getResultList();
        Map<UUID, Letter> letters = new HashMap<>();
        List<Claim> claims = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            Letter letter = letters.computeIfAbsent((UUID) r[8], id -> new Letter(id, (UUID) r[9], (String) r[10], (String) r[11],
                    (String) r[12], (String) r[13], (Instant) r[14]));
            WebhookSecrets.Stored secret = new WebhookSecrets.Stored((UUID) r[15], (String) r[6], (String) r[16], (byte[]) r[17]);
            claims.add(new Claim((UUID) r[0], (Integer) r[1], (Channel) r[2], (Part) r[3], (String) r[4], (String) r[5], secret,
                    (String) r[7], letter));
        }
        return claims;
    }

    /**
     * Records the outcomes of sent claims in one transaction: the accepted ones SENT with their
     * attempt in one statement, the others each after its back-off or FAILED. A delivery that left
     * PENDING meanwhile (a resend, a hand-over by an operator) is left as it is.
     */
    public void record(List<Result> results) {
        List<Result> accepted = results.stream().filter(r -> r.outcome().sent()).toList();
        if (!accepted.isEmpty()) {
            recordSent(accepted);
        }
        for (Result r : results) {
            if (!r.outcome().sent()) {
                recordFailure(r.claim().deliveryId(), r.claim().attemptNo(), r.outcome().status(), r.outcome().error());
            }
        }
    }

    /** The receivers answered 2xx (or the mail server took the messages): SENT, and the attempt kept, in one statement. */
    private void recordSent(List<Result> accepted) {
        int n = accepted.size();
        UUID[] attemptIds = new UUID[n];
        UUID[] deliveryIds = new UUID[n];
        Integer[] attemptNos = new Integer[n];
        Integer[] statuses = new Integer[n];
        for (int i = 0; i < n; i++) {
            Result r = accepted.get(i);
            attemptIds[i] = UUID.randomUUID();
            deliveryIds[i] = r.claim().deliveryId();
            attemptNos[i] = r.claim().attemptNo();
            statuses[i] = r.outcome().status();
        }
        OffsetDateTime at = now().atOffset(ZoneOffset.UTC);
        Delivery.getEntityManager().unwrap(Session.class).doWork(c -> {
            try (PreparedStatement sent = c.prepareStatement("""
                    with done as (
                        update delivery set status = 'SENT', sent_at = ?, next_attempt_at = null, last_error = null, version = version + 1
                        where id = any (?) and status = 'PENDING'
                        returning id)
                    insert into delivery_attempt (id, delivery_id, attempt_no, at, outcome, http_status)
                    select r.id, r.delivery_id, r.attempt_no, ?, 'SENT', r.http_status
                    from unnest(?::uuid[], ?::uuid[], ?::int[], ?::int[]) as r (id, delivery_id, attempt_no, http_status)
                    join done on done.id = r.delivery_id""")) {
                sent.setObject(1, at);
                sent.setArray(2, c.createArrayOf("uuid", deliveryIds));
                sent.setObject(3, at);
                sent.setArray(4, c.createArrayOf("uuid", attemptIds));
                sent.setArray(5, c.createArrayOf("uuid", deliveryIds));
                sent.setArray(6, c.createArrayOf("int4", attemptNos));
                sent.setArray(7, c.createArrayOf("int4", statuses));
                sent.executeUpdate();
            }
        });
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
