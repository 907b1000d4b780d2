package cn.wenming.bulletin.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.bulletin.domain.BulletinSeries;
import cn.wenming.bulletin.rest.SeriesInput;
import cn.wenming.common.page.Keyset;
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
            throw ProblemException.conflict("已有同名的简报系列 (a series with this title exists): " + in.title().strip());
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
        s.persist();
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
        Map<String, Object> params = new HashMap<>();
        String where = "";
        if (page.after().isPresent()) {
            var cursor = page.after().get();
            Object value = key.equals("createdAt") ? parseInstant(cursor.key()) : cursor.key();
            where = "where " + Keyset.after(key, sort.descending());
            params.putAll(Keyset.params(value, cursor));
        }
        return BulletinSeries.<BulletinSeries>find(where + " order by " + Keyset.orderBy(key, sort.descending()), params)
                .page(0, page.fetchSize())
                .list();
    }

    /** The cursor key of a series under a sort. */
    public static String sortKey(BulletinSeries s, Sort sort) {
        return sort.field().equals("createdAt") ? s.createdAt.toString() : s.title;
    }

    private static Instant parseInstant(String text) {
        try {
            return Instant.parse(text);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
        }
    }
}
