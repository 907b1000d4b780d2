package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.bulletin.domain.Revision;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.web.OfficeTime;

/**
 * The publication's transaction: the numbers assigned under the series row lock, the 报/送/发 names
 * read beforehand stored with the issue, the dispatch request in the outbox, the idempotency record:
 * all commit together or not at all. Nothing here calls another service; {@link Publication} reads
 * what the transaction needs first.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class Publisher {

    /**
     * The distribution lists an issue named when they were read, and the names of their members as
     * distribution-service gave them (empty when it could not answer, or there is no list).
     */
    record Listed(Map<DistributionPart, List<UUID>> lists, Optional<Map<DistributionPart, List<String>>> names) {
    }

    /** The issue's lists are no longer those read: the transaction is rolled back and the names read again. */
    static final class ListsChanged extends RuntimeException {
        ListsChanged() {
            super("the issue's distribution lists changed while they were read", null, false, false);
        }
    }

    @Inject
    Clock clock;

    @Inject
    Revisions revisions;

    @Inject
    Outbox outbox;

    @Inject
    Idempotency idempotency;

    /** The lists the issue names now, as a copy (none for an unknown issue: the transaction answers its 404). */
    Map<DistributionPart, List<UUID>> listsOf(UUID id) {
        Map<DistributionPart, List<UUID>> copy = new LinkedHashMap<>();
        Bulletin.<Bulletin>findByIdOptional(id).ifPresent(b -> b.distributionLists.forEach((part, ids) -> copy.put(part, List.copyOf(ids))));
        return copy;
    }

    /**
     * Publishes now with the names {@code listed}, or schedules; the answer {@code answer} makes of the
     * issue is stored with the idempotency key in this transaction, and a retry gets it back.
     */
    Idempotency.Answer publish(Publish command, Listed listed, Function<Bulletin, Idempotency.Answer> answer) {
        // the request's identity: what the caller asked for (the idempotency key stands for the rest)
        Object request = command.at() == null ? "" : Map.of("publishAt", command.at());
        return idempotency.once(command.idempotencyKey(), command.actor(), "publish:" + command.id(), request,
                () -> answer.apply(publishOrSchedule(command, listed)));
    }

    private Bulletin publishOrSchedule(Publish command, Listed listed) {
        Bulletin b = Issues.current(command.id(), command.expected());
        if (command.at() != null) {
            return schedule(b, command.at().toInstant(), command.actor());
        }
        return publishNow(b, listed, command.actor());
    }

    /** Publishes a scheduled issue whose time has come; false when it is no longer due. */
    boolean publishIfDue(UUID id, Listed listed) {
        Bulletin b = Bulletin.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null || b.status != BulletinStatus.APPROVED || b.publishAt == null || b.publishAt.isAfter(Instant.now(clock))) {
            return false;
        }
        publishNow(b, listed, "scheduler");
        return true;
    }

    /** Approved issues whose publication time has come, earliest first. */
    List<UUID> due(int max) {
        return Bulletin.<Bulletin>find("status = ?1 and publishAt <= ?2 order by publishAt", BulletinStatus.APPROVED, Instant.now(clock))
                .page(0, max).list().stream().map(b -> b.id).toList();
    }

    /** An approved issue publishes itself at {@code at}, which must lie in the future. */
    private Bulletin schedule(Bulletin b, Instant at, String actor) {
        if (b.status != BulletinStatus.APPROVED) {
            b.moveTo(BulletinStatus.PUBLISHED); // refused with the 409 that names the status
        }
        if (!at.isAfter(Instant.now(clock))) {
            throw ProblemException.invalid("publishAt", "必须是将来的时间 (must be in the future)");
        }
        Instant before = b.publishAt;
        b.publishAt = at;
        b.updatedAt = Instant.now(clock);
        revisions.record(b.id, actor, "schedule", List.of(new Revision.FieldChange("publishAt",
                before == null ? null : before.toString(), at.toString())));
        return Issues.loaded(b);
    }

    private Bulletin publishNow(Bulletin b, Listed listed, String actor) {
        b.moveTo(BulletinStatus.PUBLISHED);
        if (!b.distributionLists.equals(listed.lists())) {
            throw new ListsChanged();
        }
        // the 报/送/发 names come from distribution-service's lists when it answered, and stay with the issue
        if (listed.names().isPresent()) {
            Map<String, Object> before = revisions.snapshot(b);
            b.distribution = listed.names().get();
            revisions.changed(b, actor, "distribution-names", before, revisions.snapshot(b));
        }
        number(b, Issues.lockSeries(b.series.id));
        b.publishedAt = Instant.now(clock);
        b.publishAt = null;
        b.updatedAt = b.publishedAt;
        revisions.record(b.id, actor, "publish", List.of(
                new Revision.FieldChange("status", BulletinStatus.APPROVED.name(), BulletinStatus.PUBLISHED.name()),
                new Revision.FieldChange("year", null, b.year),
                new Revision.FieldChange("issueNo", null, b.issueNo),
                new Revision.FieldChange("cumulativeNo", null, b.cumulativeNo),
                new Revision.FieldChange("issueDate", null, b.issueDate.toString())));
        // in the same transaction: the publication and its dispatch request commit together
        outbox.enqueueDispatch(b);
        return Issues.loaded(b);
    }

    /** The next issue number of the issue date's year and the next cumulative number, under the series lock. */
    private void number(Bulletin b, BulletinSeries lockedSeries) {
        if (b.issueDate == null) {
            b.issueDate = OfficeTime.today(clock);
        }
        int year = b.issueDate.getYear();
        Integer lastNo = Bulletin.find("select max(issueNo) from Bulletin where series = ?1 and year = ?2", lockedSeries, year)
                .project(Integer.class).firstResult();
        Integer lastCumulative = Bulletin.find("select max(cumulativeNo) from Bulletin where series = ?1", lockedSeries)
                .project(Integer.class).firstResult();
        b.year = year;
        b.issueNo = lastNo == null ? 1 : lastNo + 1;
        b.cumulativeNo = lastCumulative == null ? 1 : lastCumulative + 1;
    }
}
