package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.Article;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.domain.BulletinStatus;
import cn.wenming.bulletin.domain.Revision;
import cn.wenming.common.idempotency.Idempotency;
import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.OfficeTime;

/**
 * Issues as they are read and written: the reads, and the drafting (what may be edited when, back
 * issues with their printed numbers). The workflow's transitions are {@link Workflow}'s, publication
 * and its numbering {@link Publication}'s.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class BulletinService {

    /** Filters of the list; null means any. */
    public record Filter(UUID seriesId, Integer year, BulletinStatus status, LocalDate from, LocalDate to) {
    }

    /** A new draft, made once per idempotency key (null for none). */
    public record Create(BulletinInput content, String idempotencyKey, String actor) {
    }

    /** A back issue with its printed numbers, entered once per idempotency key (null for none). */
    public record CreateHistorical(HistoricalInput content, String idempotencyKey, String actor) {
    }

    @Inject
    Clock clock;

    @Inject
    Revisions revisions;

    @Inject
    Idempotency idempotency;

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

    /** Creates the draft; {@code answer} is what a retry with the same key gets back, stored in this transaction. */
    public Idempotency.Answer create(Create command, Function<Bulletin, Idempotency.Answer> answer) {
        return idempotency.once(command.idempotencyKey(), command.actor(), "create-bulletin", command.content(),
                () -> answer.apply(create(command.content(), command.actor())));
    }

    /** Enters the back issue; {@code answer} is what a retry with the same key gets back, stored in this transaction. */
    public Idempotency.Answer createHistorical(CreateHistorical command, Function<Bulletin, Idempotency.Answer> answer) {
        return idempotency.once(command.idempotencyKey(), command.actor(), "create-historical", command.content(),
                () -> answer.apply(createHistorical(command.content(), command.actor())));
    }

    public Bulletin create(BulletinInput in, String actor) {
        Bulletin b = new Bulletin();
        b.id = UUID.randomUUID();
        b.series = Issues.series(in.seriesId());
        b.status = BulletinStatus.DRAFT;
        b.createdBy = actor;
        b.createdAt = Instant.now(clock);
        b.updatedAt = b.createdAt;
        Content.apply(b, in);
        b.persist();
        revisions.changed(b, actor, "create", Map.of(), revisions.snapshot(b));
        return Issues.loaded(b);
    }

    /** A back issue with its printed numbers, stored as PUBLISHED; a number already taken is a 409. */
    public Bulletin createHistorical(HistoricalInput in, String actor) {
        BulletinSeries series = Issues.lockSeries(in.seriesId());
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
        Content.apply(b, in.content());
        b.year = year;
        b.issueNo = in.issueNo();
        b.cumulativeNo = in.cumulativeNo();
        b.publishedAt = in.issueDate().atStartOfDay(OfficeTime.ZONE).toInstant();
        b.persist();
        revisions.changed(b, actor, "create-historical", Map.of(), revisions.snapshot(b));
        return Issues.loaded(b);
    }

    public Bulletin update(UUID id, ExpectedVersion expected, BulletinInput in, String actor) {
        Bulletin b = editable(id, expected);
        if (!b.series.id.equals(in.seriesId())) {
            throw ProblemException.invalid("seriesId", "草稿不能换到另一个系列 (a draft cannot move to another series)");
        }
        var before = revisions.snapshot(b);
        Content.apply(b, in);
        touched(b, actor, "update", before);
        return Issues.loaded(b);
    }

    public Article addArticle(UUID id, ExpectedVersion expected, ArticleInput in, String actor) {
        Bulletin b = editable(id, expected);
        if (b.articles.size() >= 50) {
            throw ProblemException.invalid("articles", "每期最多 50 篇文章 (at most 50 articles)");
        }
        var before = revisions.snapshot(b);
        Article a = Content.article(b, in);
        a.seq = b.articles.size() + 1;
        b.articles.add(a);
        touched(b, actor, "article-add", before);
        return a;
    }

    public Article updateArticle(UUID id, UUID articleId, ExpectedVersion expected, ArticleInput in, String actor) {
        Bulletin b = editable(id, expected);
        Article a = b.article(articleId);
        var before = revisions.snapshot(b);
        Content.fill(a, in);
        touched(b, actor, "article-update", before);
        return a;
    }

    public Bulletin deleteArticle(UUID id, UUID articleId, ExpectedVersion expected, String actor) {
        Bulletin b = editable(id, expected);
        Article a = b.article(articleId);
        var before = revisions.snapshot(b);
        b.articles.remove(a);
        b.renumberArticles();
        touched(b, actor, "article-delete", before);
        return Issues.loaded(b);
    }

    public Bulletin reorderArticles(UUID id, ExpectedVersion expected, List<UUID> order, String actor) {
        Bulletin b = editable(id, expected);
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
        return Issues.loaded(b);
    }

    // ---- helpers ------------------------------------------------------------------------------

    private static Bulletin editable(UUID id, ExpectedVersion expected) {
        Bulletin b = Issues.current(id, expected);
        b.requireDraft();
        return b;
    }

    private void touched(Bulletin b, String actor, String action, Map<String, Object> before) {
        // a new updatedAt makes the issue dirty, so its version (ETag) moves with every edit,
        // also one that only touched an article
        b.updatedAt = Instant.now(clock);
        revisions.changed(b, actor, action, before, revisions.snapshot(b));
    }
}
