package cn.wenming.distribution.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.persistence.WorkQueue;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.distribution.domain.Delivery;
import cn.wenming.distribution.domain.DeliveryStatus;
import cn.wenming.distribution.domain.Dispatch;
import cn.wenming.distribution.domain.DistributionList;
import cn.wenming.distribution.domain.Organization;
import cn.wenming.distribution.domain.Part;
import cn.wenming.distribution.client.Bulletins;

/** The rules of dispatches: one per bulletin unless a resend, recipients resolved once, resend to the failed only. */
@ApplicationScoped
@Transactional(REQUIRED)
public class DispatchService {

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    Event<WorkQueue.Added> added;

    @Inject
    PublicSite site;

    @Inject
    Idempotency idempotency;

    /**
     * A dispatch of a published issue: the request as the caller made it (its 签收 deadline, whether
     * it is a further round; with the {@code idempotencyKey} it is what a repeat must match), the issue
     * as read from bulletin-service just before (outside any transaction: a remote call never holds
     * one), and by whom.
     */
    public record NewDispatch(DispatchInput request, Bulletins.PublishedIssue issue, String by, String idempotencyKey) {

        Instant acknowledgeBy() {
            return request.acknowledgeBy() == null ? null : request.acknowledgeBy().toInstant();
        }

        boolean resend() {
            return Boolean.TRUE.equals(request.resend());
        }
    }

    /** The parts in the order their lists are resolved: 报, 送, 发. */
    private static final List<String> PARTS = List.of("REPORT", "SEND", "ISSUE");

    /**
     * Dispatches the issue at most once per Idempotency-Key (every time without one), in one transaction:
     * the dispatch, its deliveries and the stored answer commit together. The same key with the same
     * request again returns the first answer and does nothing; with another request it is a 409.
     * {@code answer} is what the caller is told of the new dispatch, made inside the transaction.
     */
    public Idempotency.Answer create(NewDispatch in, Function<Dispatch, Idempotency.Answer> answer) {
        return idempotency.once(in.idempotencyKey(), in.by(), "create-dispatch", in.request(), () -> answer.apply(dispatch(in)));
    }

    /**
     * Dispatches the issue to its own lists and one-off additions (本期增发, by organization name or
     * short name; a name that names no organization is kept in {@code unresolved}). Title, summary and
     * link come from the issue; the link is on the public site.
     */
    private Dispatch dispatch(NewDispatch in) {
        Bulletins.PublishedIssue issue = in.issue();
        Integer last = Dispatch.find("select max(d.round) from Dispatch d where d.bulletinId = ?1", issue.id())
                .project(Integer.class).firstResult();
        if (last != null && !in.resend()) {
            throw roundConflict(issue.id());
        }
        List<UUID> listIds = new ArrayList<>();
        for (String part : PARTS) {
            issue.lists().getOrDefault(part, List.of()).stream().filter(id -> !listIds.contains(id)).forEach(listIds::add);
        }
        // the lists in one query (their members batch-fetched), then in the issue's order
        Map<UUID, DistributionList> found = new HashMap<>();
        if (!listIds.isEmpty()) {
            DistributionList.<DistributionList>list("id in ?1", listIds).forEach(l -> found.put(l.id, l));
        }
        List<Resolution.NamedList> lists = new ArrayList<>();
        List<String> unresolved = new ArrayList<>();
        for (UUID listId : listIds) {
            DistributionList l = found.get(listId);
            if (l == null) {
                unresolved.add("分发名单 (list) " + listId);
            } else {
                lists.add(new Resolution.NamedList(l.name, l.type, l.members));
            }
        }
        Map<UUID, Part> additions = new LinkedHashMap<>();
        List<Dispatch.Addition> named = new ArrayList<>();
        for (String name : issue.additions()) {
            Optional<Organization> o = Organization.byName(name.strip());
            if (o.isEmpty()) {
                unresolved.add(name.strip());
                continue;
            }
            Part part = Part.valueOf(o.get().kind.part());
            if (additions.merge(o.get().id, part, Part::higher) == part) {
                named.add(new Dispatch.Addition(o.get().id, part));
            }
        }
        List<Resolution.Recipient> recipients = Resolution.resolve(lists, additions);
        if (recipients.isEmpty()) {
            throw ProblemException.conflict("此期简报的名单与增发均无收文单位 (the issue's lists and additions name no recipient)"
                    + (unresolved.isEmpty() ? "" : ": " + String.join("、", unresolved)));
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Dispatch d = new Dispatch();
        d.id = UUID.randomUUID();
        d.bulletinId = issue.id();
        d.round = last == null ? 1 : last + 1;
        d.issueLabel = issue.label();
        d.title = cut(issue.firstArticleTitle() != null && !issue.firstArticleTitle().isBlank() ? issue.firstArticleTitle()
                : issue.seriesTitle(), 200);
        d.summary = issue.firstParagraph() == null ? null : cut(issue.firstParagraph(), 300);
        d.link = site.link(issue.id());
        d.lists = listIds;
        d.additions = named;
        d.unresolved = unresolved;
        d.acknowledgeBy = in.acknowledgeBy() == null ? null : in.acknowledgeBy().truncatedTo(ChronoUnit.MICROS);
        d.createdBy = in.by();
        d.createdAt = now;
        // two first dispatches of one bulletin at once: the round's unique key lets one in
        Constraints.flushOrConflict(d::persistAndFlush, Dispatch.ROUND_UNIQUE, () -> roundConflict(issue.id()));
        int written = insertDeliveries(d.id, recipients, now);
        if (written != recipients.size()) {
            // an organization named by a list was deleted meanwhile (organizations are never deleted by the API)
            throw new IllegalStateException("dispatch " + d.id + ": " + recipients.size() + " recipients, " + written + " deliveries written");
        }
        added.fire(new WorkQueue.Added(Delivery.TABLE)); // the worker starts sending as soon as this commits
        return d;
    }

    private static String cut(String text, int max) {
        String t = text.strip();
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }

    /**
     * Writes one PENDING delivery per recipient in one statement, whatever their number: each
     * takes its organization's name and channel at this moment, and webhook and e-mail deliveries
     * are due at once (the worker sends them; paper ones wait for an operator). The resolution
     * (one delivery per organization, its part, what named it) is {@link Resolution}'s, done before.
     */
    private int insertDeliveries(UUID dispatchId, List<Resolution.Recipient> recipients, Instant now) {
        UUID[] ids = new UUID[recipients.size()];
        UUID[] organizations = new UUID[recipients.size()];
        String[] parts = new String[recipients.size()];
        String[] namedBy = new String[recipients.size()];
        for (int i = 0; i < recipients.size(); i++) {
            Resolution.Recipient r = recipients.get(i);
            ids[i] = UUID.randomUUID();
            organizations[i] = r.organizationId();
            parts[i] = r.part().name();
            namedBy[i] = json(r.namedBy());
        }
        return Delivery.getEntityManager().unwrap(Session.class).doReturningWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("""
                    insert into delivery (id, dispatch_id, organization_id, organization_name, part, named_by, channel, status,
                                          attempts, next_attempt_at, created_at, version)
                    select r.id, ?, o.id, o.name, r.part, r.named_by::jsonb, o.channel, 'PENDING',
                           0, case when o.channel = 'PAPER' then null else ? end, ?, 0
                    from unnest(?::uuid[], ?::uuid[], ?::text[], ?::text[]) as r (id, organization_id, part, named_by)
                    join organization o on o.id = r.organization_id""")) {
                insert.setObject(1, dispatchId);
                insert.setObject(2, now.atOffset(ZoneOffset.UTC));
                insert.setObject(3, now.atOffset(ZoneOffset.UTC));
                insert.setArray(4, c.createArrayOf("uuid", ids));
                insert.setArray(5, c.createArrayOf("uuid", organizations));
                insert.setArray(6, c.createArrayOf("text", parts));
                insert.setArray(7, c.createArrayOf("text", namedBy));
                return insert.executeUpdate();
            }
        });
    }

    private String json(List<String> names) {
        try {
            return json.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Transactional(SUPPORTS)
    public Optional<Dispatch> find(UUID id) {
        return Dispatch.findByIdOptional(id);
    }

    /** Dispatches are listed by when they were made: {@code -createdAt} (newest first, the default) or {@code createdAt}. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("createdAt");
    public static final String DEFAULT_SORT = "-createdAt";

    /** One page ({@code limit + 1} rows) of dispatches in the sort's order, of one bulletin if given. */
    @Transactional(SUPPORTS)
    public List<Dispatch> list(PageRequest page, cn.wenming.common.page.Sort sort, UUID bulletinId) {
        var q = new ListQuery().filter("bulletinId = :bulletin", "bulletin", bulletinId)
                .after(page, "createdAt", sort.descending(), ListQuery::instant);
        return Dispatch.<Dispatch>find(q.hql("createdAt", sort.descending()), q.params()).page(0, page.fetchSize()).list();
    }

    /** {@link #counts} of several dispatches in one query. */
    @Transactional(SUPPORTS)
    public Map<UUID, Map<DeliveryStatus, Long>> counts(List<UUID> dispatchIds) {
        Map<UUID, Map<DeliveryStatus, Long>> all = new java.util.HashMap<>();
        for (UUID id : dispatchIds) {
            Map<DeliveryStatus, Long> zero = new EnumMap<>(DeliveryStatus.class);
            for (DeliveryStatus s : DeliveryStatus.values()) {
                zero.put(s, 0L);
            }
            all.put(id, zero);
        }
        if (!dispatchIds.isEmpty()) {
            Delivery.getEntityManager()
                    .createQuery("select d.dispatchId, d.status, count(d) from Delivery d where d.dispatchId in ?1 group by d.dispatchId, d.status",
                            Object[].class)
                    .setParameter(1, dispatchIds).getResultList()
                    .forEach(row -> all.get((UUID) row[0]).put((DeliveryStatus) row[1], (Long) row[2]));
        }
        return all;
    }

    /** How many deliveries of a dispatch are in each status (every status present, zero if none). */
    @Transactional(SUPPORTS)
    public Map<DeliveryStatus, Long> counts(UUID dispatchId) {
        return counts(List.of(dispatchId)).get(dispatchId);
    }

    /**
     * One page ({@code limit + 1} rows) of a dispatch's deliveries by recipient name, of one status if
     * given; {@code overdue} keeps those not acknowledged once the deadline has passed (none before it).
     */
    @Transactional(SUPPORTS)
    public List<Delivery> deliveries(Dispatch d, PageRequest page, DeliveryStatus status, boolean overdue) {
        var q = new ListQuery().filter("dispatchId = :dispatch", "dispatch", d.id).filter("status = :status", "status", status);
        if (overdue) {
            if (d.acknowledgeBy == null || !Instant.now(clock).isAfter(d.acknowledgeBy)) {
                return List.of();
            }
            q.where("status <> :acknowledged").param("acknowledged", DeliveryStatus.ACKNOWLEDGED);
        }
        q.after(page, "organizationName", false, ListQuery::text);
        return Delivery.<Delivery>find(q.hql("organizationName", false), q.params()).page(0, page.fetchSize()).list();
    }

    /** FAILED deliveries of the dispatch go back to PENDING with fresh attempts; the others are untouched. */
    public Optional<Dispatch> resendFailed(UUID id) {
        Optional<Dispatch> d = Dispatch.findByIdOptional(id);
        d.ifPresent(dispatch -> {
            int again = Delivery.update(
                    "status = ?1, attempts = 0, nextAttemptAt = ?2, version = version + 1 where dispatchId = ?3 and status = ?4",
                    DeliveryStatus.PENDING, Instant.now(clock), dispatch.id, DeliveryStatus.FAILED);
            if (again > 0) {
                added.fire(new WorkQueue.Added(Delivery.TABLE));
            }
        });
        return d;
    }

    private static ProblemException roundConflict(UUID bulletinId) {
        return ProblemException.conflict("此期简报已分发 (this bulletin issue was already dispatched; resend with \"resend\": true): " + bulletinId);
    }
}
