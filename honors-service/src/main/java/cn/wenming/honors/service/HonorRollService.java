package cn.wenming.honors.service;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.District;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorStatus;

/**
 * The public honor roll: CONFERRED honors (so never a nominated, publicized, withdrawn or revoked
 * one) whose term, if they have one, has not ended by today in Asia/Shanghai. Read only.
 */
@ApplicationScoped
@Transactional(SUPPORTS)
public class HonorRollService {

    @Inject
    Clock clock;

    /** One page ({@code limit + 1} rows) by conferral date, newest first unless {@code descending} is false. */
    public List<Honor> list(HonorFilter filter, PageRequest page, boolean descending) {
        var q = onRoll(filter).after(page, "conferredOn", descending, ListQuery::date);
        return Honor.<Honor>find(q.hql("conferredOn", descending), q.params()).page(0, page.fetchSize()).list();
    }

    public static String sortKey(Honor h) {
        return h.conferredOn.toString();
    }

    public Optional<Honor> find(UUID id) {
        var q = onRoll(HonorFilter.roll(null, null, null, null, null, null)).where("id = :id").param("id", id);
        return Honor.<Honor>find(q.hql("conferredOn", false), q.params()).firstResultOptional();
    }

    /** How many honors the roll holds under the filter: in all, per district (all sixteen), per category and per program. */
    public HonorRollSummary summary(HonorFilter filter) {
        var q = onRoll(filter);
        String where = whereOf(q);
        Map<String, Long> districts = new HashMap<>();
        for (Object[] row : rows("select district, count(*) from Honor " + where + "group by district", q)) {
            districts.put((String) row[0], (Long) row[1]);
        }
        List<HonorRollSummary.DistrictCount> byDistrict = District.ALL.stream()
                .map(d -> new HonorRollSummary.DistrictCount(d, districts.getOrDefault(d, 0L))).toList();
        List<HonorRollSummary.CategoryCount> byCategory = rows("select category, count(*) from Honor " + where
                + "and category is not null group by category order by count(*) desc, category", q).stream()
                .map(row -> new HonorRollSummary.CategoryCount((String) row[0], (Long) row[1])).toList();
        List<HonorRollSummary.ProgramCount> byProgram = rows("select program.id, program.name, count(*) from Honor " + where
                + "group by program.id, program.name order by count(*) desc, program.name", q).stream()
                .map(row -> new HonorRollSummary.ProgramCount((UUID) row[0], (String) row[1], (Long) row[2])).toList();
        long total = byDistrict.stream().mapToLong(HonorRollSummary.DistrictCount::count).sum();
        return new HonorRollSummary(total, byDistrict, byCategory, byProgram);
    }

    /** The roll's own conditions and the filter's. */
    private ListQuery onRoll(HonorFilter filter) {
        return filter.applyTo(new ListQuery())
                .where("status = :conferred").param("conferred", HonorStatus.CONFERRED)
                .where("(expiresOn is null or expiresOn > :today)").param("today", OfficeTime.today(clock));
    }

    /** The where clause of {@code q} for an aggregate (a ListQuery always ends in its order, which an aggregate must not). */
    private static String whereOf(ListQuery q) {
        String hql = q.hql("id", false);
        return hql.substring(0, hql.lastIndexOf("order by "));
    }

    private static List<Object[]> rows(String hql, ListQuery q) {
        TypedQuery<Object[]> query = Honor.getEntityManager().createQuery(hql, Object[].class);
        q.params().forEach(query::setParameter);
        return query.getResultList();
    }
}
