package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.DistributionPart;
import cn.wenming.bulletin.domain.Revision;
import cn.wenming.bulletin.rest.ArticleInput;
import cn.wenming.bulletin.rest.BulletinInput;
import cn.wenming.bulletin.rest.HistoricalInput;
import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.OfficeTime;

/**
 * The rules of an issue: what may be edited when, the workflow and its four eyes, and the
 * numbering. Numbers are assigned under a lock on the series row, so publications of one series
 * are serialized and the numbers have no gap and no duplicate whatever the concurrency.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class BulletinService {

    /** Filters of the list; null means any. */
    public record Filter(UUID seriesId, Integer year, BulletinStatus status, LocalDate from, LocalDate to) {
    }

    @Inject
    Clock clock;

    @Inject
    Revisions revisions;

    @Inject
    References references;

    @Inject
    Outbox outbox;

    // ---- reads -------------------------------------------------------------------------------

    /** The issue, if it exists and the viewer may see it: readers see PUBLISHED issues only. */
    @Transactional(SUPPORTS)
    public Optional<Bulletin> find(UUID id, boolean staff) {
        return Bulletin.<Bulletin>findByIdOptional(id).filter(b -> staff || b.status.isPublic());
    }

    /** One page by issue date, newest first unless {@code descending} is false ({@code limit + 1} rows). */
    @Transactional(SUPPORTS)
    public List<Bulletin> list(Filter filter, PageRequest page, boolean descending, boolean staff) {
        if (!staff && filter.status() != null && !filter.status().isPublic()) {
            return List.of();
        }
        var q = new ListQuery()
                .filter("status = :status", "status", staff ? filter.status() : BulletinStatus.PUBLISHED)
                .filter("series.id = :series", "series", filter.seriesId())
                .filter("year = :year", "year", filter.year())
                .filter("sortDate >= :from", "from", filter.from())
                .filter("sortDate <= :to", "to", filter.to())
                .after(page, "sortDate", descending, ListQuery::date);
        return Bulletin.<Bulletin>find(q.hql("sortDate", descending), q.params()).page(0, page.fetchSize()).list();
    }

    public static String sortKey(Bulletin b) {
        return (b.issueDate != null ? b.issueDate : b.createdAt.atZone(OfficeTime.ZONE).toLocalDate()).toString();
    }

    @Transactional(SUPPORTS)
    public List<Revision> revisions(UUID id) {
        return revisions.of(id);
    }

    // ---- editing ------------------------------------------------------------------------------

    public Bulletin create(BulletinInput in, String actor) {
        Bulletin b = new Bulletin();
        b.id = UUID.randomUUID();
        b.series = series(in.seriesId());
        b.status = BulletinStatus.DRAFT;
        b.createdBy = actor;
        b.createdAt = Instant.now(clock);
        b.updatedAt = b.createdAt;
        apply(b, in);
        b.persist();
        revisions.changed(b, actor, "create", Map.of(), revisions.snapshot(b));
        return loaded(b);
    }

    /** A back issue with its printed numbers, stored as PUBLISHED; a number already taken is a 409. */
    public Bulletin createHistorical(HistoricalInput in, String actor) {
        BulletinSeries series = lockSeries(in.seriesId());
        int year = in.issueDate().getYear();
        if (Bulletin.count("series = ?1 and year = ?2 and issueNo = ?3", series, year, in.issueNo()) > 0) {
            throw ProblemException.conflict(series.title + " " + year + "年第" + in.issueNo() + "期已存在 (issue number taken)");
        }
        if (Bulletin.count("series = ?1 and cumulativeNo = ?2", series, in.cumulativeNo()) > 0) {
            throw ProblemException.conflict(series.title + " 总第" + in.cumulativeNo() + "期已存在 (cumulative number taken)");
        }
        Bulletin b = new Bulletin();
        b.id = UUID.randomUUID();
        b.series = series;
        b.status = BulletinStatus.PUBLISHED;
        b.historical = true;
        b.createdBy = actor;
        b.createdAt = Instant.now(clock);
        b.updatedAt = b.createdAt;
        apply(b, in.content());
        b.year = year;
        b.issueNo = in.issueNo();
        b.cumulativeNo = in.cumulativeNo();
        b.publishedAt = in.issueDate().atStartOfDay(OfficeTime.ZONE).toInstant();
        b.persist();
        revisions.changed(b, actor, "create-historical", Map.of(), revisions.snapshot(b));
        return loaded(b);
    }

    public Bulletin update(UUID id, String ifMatch, BulletinInput in, String actor) {
        Bulletin b = editable(id, ifMatch);
        if (!b.series.id.equals(in.seriesId())) {
            throw ProblemException.invalid("seriesId", "草稿不能换到另一个系列 (a draft cannot move to another series)");
        }
        var before = revisions.snapshot(b);
        apply(b, in);
        touched(b, actor, "update", before);
        return loaded(b);
    }

    public Article addArticle(UUID id, String ifMatch, ArticleInput in, String actor) {
        Bulletin b = editable(id, ifMatch);
        if (b.articles.size() >= 50) {
            throw ProblemException.invalid("articles", "每期最多 50 篇文章 (at most 50 articles)");
        }
        var before = revisions.snapshot(b);
        Article a = article(b, in);
        a.seq = b.articles.size() + 1;
        b.articles.add(a);
        touched(b, actor, "article-add", before);
        return a;
    }

    public Article updateArticle(UUID id, UUID articleId, String ifMatch, ArticleInput in, String actor) {
        Bulletin b = editable(id, ifMatch);
        Article a = b.article(articleId);
        var before = revisions.snapshot(b);
        fill(a, in);
        touched(b, actor, "article-update", before);
        return a;
    }

    public Bulletin deleteArticle(UUID id, UUID articleId, String ifMatch, String actor) {
        Bulletin b = editable(id, ifMatch);
        Article a = b.article(articleId);
        var before = revisions.snapshot(b);
        b.articles.remove(a);
        b.renumberArticles();
        touched(b, actor, "article-delete", before);
        return loaded(b);
    }

    public Bulletin reorderArticles(UUID id, String ifMatch, List<UUID> order, String actor) {
        Bulletin b = editable(id, ifMatch);
        var current = b.articles.stream().map(a -> a.id).toList();
        if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
            throw ProblemException.invalid("articleIds", "必须恰好列出本期每篇文章一次 (must list every article of the issue exactly once)");
        }
        var before = revisions.snapshot(b);
        List<Article> sorted = order.stream().map(b::article).toList();
        b.articles.clear();
        b.articles.addAll(sorted);
        b.renumberArticles();
        touched(b, actor, "article-order", before);
        return loaded(b);
    }

    // ---- workflow -----------------------------------------------------------------------------

    public Bulletin submit(UUID id, String ifMatch, String actor) {
        Bulletin b = current(id, ifMatch);
        if (b.status == BulletinStatus.DRAFT && b.articles.isEmpty()) {
            throw ProblemException.invalid("articles", "至少要有一篇文章才能送审 (an issue needs an article to be submitted)");
        }
        if (b.status == BulletinStatus.DRAFT) {
            references.requireExisting(b);
        }
        transition(b, BulletinStatus.SUBMITTED, actor, "submit", null);
        b.submittedBy = actor;
        return loaded(b);
    }

    /** Four eyes: the reviewer who approves must not be the editor who submitted. */
    public Bulletin approve(UUID id, String ifMatch, String actor) {
        Bulletin b = current(id, ifMatch);
        if (b.status == BulletinStatus.SUBMITTED && actor.equals(b.submittedBy)) {
            throw ProblemException.forbidden("审核人不能核准自己送审的稿件 (four eyes: you submitted this issue, another reviewer must approve it)");
        }
        transition(b, BulletinStatus.APPROVED, actor, "approve", null);
        b.approvedBy = actor;
        return loaded(b);
    }

    public Bulletin returnToEditor(UUID id, String ifMatch, String reason, String actor) {
        Bulletin b = current(id, ifMatch);
        transition(b, BulletinStatus.DRAFT, actor, "return", reason);
        b.submittedBy = null;
        return loaded(b);
    }

    /** Publishes now, or schedules for {@code at} when given (it must lie in the future). */
    public Bulletin publish(UUID id, String ifMatch, Instant at, String actor) {
        Bulletin b = current(id, ifMatch);
        if (at != null) {
            if (b.status != BulletinStatus.APPROVED) {
                b.moveTo(BulletinStatus.PUBLISHED);
            }
            if (!at.isAfter(Instant.now(clock))) {
                throw ProblemException.invalid("publishAt", "必须是将来的时间 (must be in the future)");
            }
            Instant before = b.publishAt;
            b.publishAt = at;
            b.updatedAt = Instant.now(clock);
            revisions.record(b.id, actor, "schedule", List.of(new Revision.FieldChange("publishAt",
                    before == null ? null : before.toString(), at.toString())));
            return loaded(b);
        }
        return publishNow(b, actor);
    }

    /** Publishes a scheduled issue whose time has come; false when it is no longer due. */
    public boolean publishIfDue(UUID id) {
        Bulletin b = Bulletin.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (b == null || b.status != BulletinStatus.APPROVED || b.publishAt == null || b.publishAt.isAfter(Instant.now(clock))) {
            return false;
        }
        publishNow(b, "scheduler");
        return true;
    }

    public List<UUID> due(int max) {
        return Bulletin.<Bulletin>find("status = ?1 and publishAt <= ?2 order by publishAt", BulletinStatus.APPROVED, Instant.now(clock))
                .page(0, max).list().stream().map(b -> b.id).toList();
    }

    public Bulletin recall(UUID id, String ifMatch, String reason, String actor) {
        Bulletin b = current(id, ifMatch);
        transition(b, BulletinStatus.RECALLED, actor, "recall", reason);
        return loaded(b);
    }

    private Bulletin publishNow(Bulletin b, String actor) {
        b.moveTo(BulletinStatus.PUBLISHED);
        // the 报/送/发 names come from distribution-service's lists when it answers, and stay with the
        // issue; asked before the series lock, so a slow answer never holds up other publications
        var listed = references.listedNames(b);
        if (listed.isPresent()) {
            Map<String, Object> before = revisions.snapshot(b);
            b.distribution = listed.get();
            revisions.changed(b, actor, "distribution-names", before, revisions.snapshot(b));
        }
        BulletinSeries series = lockSeries(b.series.id);
        if (b.issueDate == null) {
            b.issueDate = OfficeTime.today(clock);
        }
        int year = b.issueDate.getYear();
        Integer lastNo = Bulletin.find("select max(issueNo) from Bulletin where series = ?1 and year = ?2", series, year)
                .project(Integer.class).firstResult();
        Integer lastCumulative = Bulletin.find("select max(cumulativeNo) from Bulletin where series = ?1", series)
                .project(Integer.class).firstResult();
        b.year = year;
        b.issueNo = lastNo == null ? 1 : lastNo + 1;
        b.cumulativeNo = lastCumulative == null ? 1 : lastCumulative + 1;
        b.publishedAt = Instant.now(clock);
        b.publishAt = null;
        b.updatedAt = b.publishedAt;
        revisions.record(b.id, actor, "publish", List.of(
                new Revision.FieldChange("status", BulletinStatus.APPROVED.name(), BulletinStatus.PUBLISHED.name()),
                new Revision.FieldChange("year", null, year),
                new Revision.FieldChange("issueNo", null, b.issueNo),
                new Revision.FieldChange("cumulativeNo", null, b.cumulativeNo),
                new Revision.FieldChange("issueDate", null, b.issueDate.toString())));
        // in the same transaction: the publication and its dispatch request commit together
        outbox.enqueueDispatch(b);
        return loaded(b);
    }

    private void transition(Bulletin b, BulletinStatus target, String actor, String action, String reason) {
        BulletinStatus from = b.status;
        b.moveTo(target);
        List<Revision.FieldChange> changes = new ArrayList<>();
        changes.add(new Revision.FieldChange("status", from.name(), target.name()));
        if (reason != null) {
            changes.add(new Revision.FieldChange("statusReason", b.statusReason, reason));
            b.statusReason = reason;
        }
        b.updatedAt = Instant.now(clock);
        revisions.record(b.id, actor, action, changes);
    }

    // ---- helpers ------------------------------------------------------------------------------

    /**
     * Loads what the answer shows while the transaction is open: a write's entity is detached when
     * the method returns.
     */
    private static Bulletin loaded(Bulletin b) {
        // flushed here so the answer carries the new version, and a clash surfaces as a problem
        Bulletin.flush();
        org.hibernate.Hibernate.initialize(b.series);
        org.hibernate.Hibernate.initialize(b.articles);
        return b;
    }

    private Bulletin current(UUID id, String ifMatch) {
        Bulletin b = Bulletin.<Bulletin>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("简报 (bulletin)", id));
        ETags.check(ifMatch, b.version);
        return b;
    }

    private Bulletin editable(UUID id, String ifMatch) {
        Bulletin b = current(id, ifMatch);
        b.requireDraft();
        return b;
    }

    private void touched(Bulletin b, String actor, String action, Map<String, Object> before) {
        // a new updatedAt makes the issue dirty, so its version (ETag) moves with every edit,
        // also one that only touched an article
        b.updatedAt = Instant.now(clock);
        revisions.changed(b, actor, action, before, revisions.snapshot(b));
    }

    private static BulletinSeries series(UUID id) {
        return BulletinSeries.<BulletinSeries>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.invalid("seriesId", "没有这个简报系列 (no such series)"));
    }

    private static BulletinSeries lockSeries(UUID id) {
        BulletinSeries s = BulletinSeries.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (s == null) {
            throw ProblemException.invalid("seriesId", "没有这个简报系列 (no such series)");
        }
        return s;
    }

    private static void apply(Bulletin b, BulletinInput in) {
        b.issueDate = in.issueDate();
        b.editor = in.editor();
        b.reviewer = in.reviewer();
        b.printRun = in.printRun();
        b.distribution = parts(in.distribution());
        b.distributionLists = parts(in.distributionLists());
        b.additions = in.additions() == null ? new ArrayList<>() : new ArrayList<>(in.additions());
        // articles keep their ids by position, so an edit of the whole issue does not renew them
        List<ArticleInput> wanted = in.articles() == null ? List.of() : in.articles();
        while (b.articles.size() > wanted.size()) {
            b.articles.remove(b.articles.size() - 1);
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (i < b.articles.size()) {
                fill(b.articles.get(i), wanted.get(i));
            } else {
                b.articles.add(article(b, wanted.get(i)));
            }
        }
        b.renumberArticles();
    }

    private static void fill(Article a, ArticleInput in) {
        a.title = in.title().strip();
        a.source = in.source();
        a.paragraphs = new ArrayList<>(in.paragraphs());
        a.taskIds = new ArrayList<>(in.taskIdsOrEmpty());
        a.honorIds = new ArrayList<>(in.honorIdsOrEmpty());
    }

    private static <T> Map<DistributionPart, List<T>> parts(Map<DistributionPart, List<T>> in) {
        Map<DistributionPart, List<T>> out = new EnumMap<>(DistributionPart.class);
        if (in != null) {
            in.forEach((part, values) -> out.put(part, values == null ? List.of() : List.copyOf(values)));
        }
        return out;
    }

    private static Article article(Bulletin b, ArticleInput in) {
        Article a = new Article();
        a.id = UUID.randomUUID();
        a.bulletin = b;
        fill(a, in);
        return a;
    }

}
