package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;
import cn.wenming.task.rest.WorkPlanInput;

/** The rules of work plans: one plan per year; a new plan is a DRAFT. */
@ApplicationScoped
@Transactional(REQUIRED)
public class WorkPlanService {

    /** The fields a plan list can be sorted by. */
    public static final Set<String> SORTABLE = Set.of("year", "createdAt");
    /** Newest year first. */
    public static final String DEFAULT_SORT = "-year";

    @Inject
    Clock clock;

    /**
     * Creates a DRAFT plan. A second plan for a year is a 409 naming the year: checked first, and
     * backed by the unique constraint for two creates that pass the check at the same time.
     */
    public WorkPlan create(WorkPlanInput in) {
        int year = in.year();
        if (WorkPlan.yearTaken(year)) {
            throw yearTaken(year);
        }
        WorkPlan p = new WorkPlan();
        p.id = UUID.randomUUID();
        p.year = year;
        p.title = in.title().strip();
        p.summary = in.summary() == null || in.summary().isBlank() ? null : in.summary().strip();
        p.status = WorkPlanStatus.DRAFT;
        p.createdAt = Instant.now(clock);
        p.updatedAt = p.createdAt;
        Constraints.flushOrConflict(p::persistAndFlush, WorkPlan.YEAR_UNIQUE, () -> yearTaken(year));
        return p;
    }

    @Transactional(SUPPORTS)
    public Optional<WorkPlan> find(UUID id) {
        return WorkPlan.findByIdOptional(id);
    }

    /** One page, {@code limit + 1} rows (see {@link PageRequest#fetchSize()}), of the plans in a status if given (null: all). */
    @Transactional(SUPPORTS)
    public List<WorkPlan> list(PageRequest page, Sort sort, WorkPlanStatus status) {
        String key = sort.field();
        var q = new ListQuery()
                .filter("status = :status", "status", status)
                .after(page, key, sort.descending(), keyType(key));
        return WorkPlan.<WorkPlan>find(q.hql(key, sort.descending()), q.params())
                .page(0, page.fetchSize())
                .list();
    }

    /** The cursor key of a plan under a sort. */
    public static String sortKey(WorkPlan p, Sort sort) {
        return sort.field().equals("createdAt") ? p.createdAt.toString() : Integer.toString(p.year);
    }

    /** How a cursor's key is read back under a sort field: an instant or a year (a 400 naming {@code cursor} otherwise). */
    static Function<String, Object> keyType(String field) {
        return field.equals("createdAt") ? ListQuery::instant : ListQuery::integer;
    }

    static ProblemException yearTaken(int year) {
        return ProblemException.conflict("已有 " + year + " 年的工作要点 (a work plan for " + year + " exists)");
    }
}
