package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.MANDATORY;
import static jakarta.transaction.Transactional.TxType.REQUIRED;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.bulletin.client.DispatchRequest;
import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.OutboxMessage;
import cn.wenming.common.persistence.WorkQueue;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.common.web.RequestIds;

/**
 * The outbox of hand-offs to distribution-service. {@link #enqueueDispatch} runs inside the
 * publishing transaction, so a publication and its dispatch request commit together or not at
 * all; the {@link OutboxRelay} takes due messages (a {@link WorkQueue}, like distribution-service's
 * deliveries), sends them and deletes each once accepted. It is woken when the transaction commits.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class Outbox {

    /** A message taken for sending. */
    public record Claim(UUID id, UUID bulletinId, String payload, int attempt, String requestId) {
    }

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    BulletinConfig config;

    @Inject
    Event<WorkQueue.Added> added;

    /**
     * Writes the dispatch request of a just-published issue; nothing when it names no list and no
     * one-off addition (there is nobody to send it to). distribution-service reads the issue itself.
     */
    @Transactional(MANDATORY)
    public boolean enqueueDispatch(Bulletin b) {
        boolean lists = b.distributionLists.values().stream().anyMatch(l -> !l.isEmpty());
        if (!lists && b.additions.isEmpty()) {
            return false;
        }
        OutboxMessage m = new OutboxMessage();
        m.id = UUID.randomUUID();
        m.bulletinId = b.id;
        m.kind = OutboxMessage.DISPATCH;
        m.payload = write(dispatchRequest(b));
        m.nextAttemptAt = now();
        m.createdAt = m.nextAttemptAt;
        m.requestId = RequestIds.current();
        m.persist();
        added.fire(new WorkQueue.Added(OutboxMessage.TABLE)); // the relay sends it as soon as this commits
        return true;
    }

    DispatchRequest dispatchRequest(Bulletin b) {
        return new DispatchRequest(b.id, OfficeTime.of(b.publishedAt.plus(config.dispatch().acknowledgeWithin())));
    }

    /** Takes up to {@code limit} due messages for {@code lease}; each take counts as an attempt. */
    public List<Claim> claimDue(int limit, Duration lease) {
        List<UUID> ids = WorkQueue.claim(OutboxMessage.getEntityManager(), OutboxMessage.TABLE, "true", "", limit, now(), lease);
        if (ids.isEmpty()) {
            return List.of();
        }
        return OutboxMessage.<OutboxMessage>list("id in ?1", ids).stream()
                .map(m -> new Claim(m.id, m.bulletinId, m.payload, m.attempts,
                        m.requestId == null ? UUID.randomUUID().toString() : m.requestId)).toList();
    }

    /** Accepted by the receiver: the message is done and goes. */
    public void accepted(UUID id) {
        OutboxMessage.deleteById(id);
    }

    /** Not accepted: try again after the back-off (the relay never gives up; the error says why for the operator). */
    public void failed(UUID id, String error) {
        OutboxMessage m = OutboxMessage.findById(id);
        if (m == null) {
            return;
        }
        m.lastError = error == null ? null : cut(error, 500);
        m.nextAttemptAt = now().plus(WorkQueue.backoff(m.attempts, config.outbox().backoff(), config.outbox().maxBackoff(),
                ThreadLocalRandom.current().nextDouble()));
    }

    /** Whether a message about this issue still waits to be accepted. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean waiting(UUID bulletinId) {
        return OutboxMessage.count("bulletinId", bulletinId) > 0;
    }

    String write(DispatchRequest r) {
        try {
            return json.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    DispatchRequest read(String payload) {
        try {
            return json.readValue(payload, DispatchRequest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable outbox payload", e);
        }
    }

    private static String cut(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
