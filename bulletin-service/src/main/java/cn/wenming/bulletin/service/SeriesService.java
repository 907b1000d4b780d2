package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.common.page.ListQuery;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.problem.ProblemException;

/** The rules of bulletin series: titles are unique. */
@ApplicationScoped
@Transactional(REQUIRED)
public class SeriesService {

    /** The fields a series list can be sorted by, and how each is stored. */
    public static final Set<String> SORTABLE = Set.of("title", "createdAt");
    public static final String DEFAULT_SORT = "title";

    @Inject
    Clock clock;

    public BulletinSeries create(SeriesInput in) {
        if (BulletinSeries.titleTaken(in.title().strip())) {
            throw titleTaken(in.title().strip());
        }
        BulletinSeries s = new BulletinSeries();
        s.id = UUID.randomUUID();
        s.title = in.title().strip();
        s.issuingOrg = in.issuingOrg().strip();
        s.kind = in.kind();
        s.defaultEditor = in.defaultEditor();
        s.defaultReviewer = in.defaultReviewer();
        s.phone = in.phone();
        s.fax = in.fax();
        s.email = in.email();
        s.createdAt = Instant.now(clock);
        s.updatedAt = s.createdAt;
        String title = s.title;
        Constraints.flushOrConflict(s::persistAndFlush, "bulletin_series_title_unique", () -> titleTaken(title));
        return s;
    }

    @Transactional(SUPPORTS)
    public Optional<BulletinSeries> find(UUID id) {
        return BulletinSeries.findByIdOptional(id);
    }

    /** One page, {@code limit + 1} rows (see {@link PageRequest#fetchSize()}). */
    @Transactional(SUPPORTS)
    public List<BulletinSeries> list(PageRequest page, Sort sort) {
        String key = sort.field();
        var q = new ListQuery().after(page, key, sort.descending(), key.equals("createdAt") ? ListQuery::instant : ListQuery::text);
        return BulletinSeries.<BulletinSeries>find(q.hql(key, sort.descending()), q.params()).page(0, page.fetchSize()).list();
    }

    /** The cursor key of a series under a sort. */
    public static String sortKey(BulletinSeries s, Sort sort) {
        return sort.field().equals("createdAt") ? s.createdAt.toString() : s.title;
    }

    private static ProblemException titleTaken(String title) {
        return ProblemException.conflict("已有同名的简报系列 (a series with this title exists): " + title);
    }
}
