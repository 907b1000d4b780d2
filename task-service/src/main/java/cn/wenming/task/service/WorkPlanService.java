package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import org.hibernate.exception.ConstraintViolationException;

import cn.wenming.common.page.Keyset;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
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
        try {
            p.persistAndFlush();
        } catch (PersistenceException e) {
            if (violates(e, WorkPlan.YEAR_UNIQUE)) {
                throw yearTaken(year);
            }
            throw e;
        }
        return p;
    }

    @Transactional(SUPPORTS)
    public Optional<WorkPlan> find(UUID id) {
        return WorkPlan.findByIdOptional(id);
    }

    /** One page, {@code limit + 1} rows (see {@link PageRequest#fetchSize()}), of the plans in a status if given. */
    @Transactional(SUPPORTS)
    public List<WorkPlan> list(PageRequest page, Sort sort, Optional<WorkPlanStatus> status) {
        String key = sort.field();
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        status.ifPresent(s -> {
            conditions.add("status = :status");
            params.put("status", s);
        });
        page.after().ifPresent(cursor -> {
            conditions.add(Keyset.after(key, sort.descending()));
            params.putAll(Keyset.params(cursorKey(key, cursor.key()), cursor));
        });
        String where = conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions);
        return WorkPlan.<WorkPlan>find(where + " order by " + Keyset.orderBy(key, sort.descending()), params)
                .page(0, page.fetchSize())
                .list();
    }

    /** The cursor key of a plan under a sort. */
    public static String sortKey(WorkPlan p, Sort sort) {
        return sort.field().equals("createdAt") ? p.createdAt.toString() : Integer.toString(p.year);
    }

    /** A cursor's key as the sort field's type: a year or an instant; anything else was not issued here. */
    static Object cursorKey(String field, String key) {
        try {
            return field.equals("createdAt") ? Instant.parse(key) : Integer.valueOf(key);
        } catch (RuntimeException e) {
            throw ProblemException.invalid("cursor", "不是本服务给出的游标 (not a cursor this service issued)");
        }
    }

    /** The {@code ?status=} filter: absent, or one of the statuses (a 400 naming {@code status} otherwise). */
    public static Optional<WorkPlanStatus> statusFilter(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(WorkPlanStatus.valueOf(raw.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "只能是 " + String.join(", ",
                    Arrays.stream(WorkPlanStatus.values()).map(Enum::name).toList()) + " 之一 (one of these statuses)");
        }
    }

    static ProblemException yearTaken(int year) {
        return ProblemException.conflict("已有 " + year + " 年的工作要点 (a work plan for " + year + " exists)");
    }

    /** Whether a failed flush broke the named constraint. */
    private static boolean violates(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException v && v.getConstraintName() != null
                    && v.getConstraintName().toLowerCase().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
