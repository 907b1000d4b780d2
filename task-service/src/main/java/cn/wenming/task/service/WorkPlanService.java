package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
import cn.wenming.common.persistence.Constraints;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.domain.Numbering;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.TaskStatus;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;

/**
 * The rules of work plans: one plan per year; a new plan is a DRAFT; DRAFT → ACTIVE → CLOSED;
 * a plan is copied into another year as a DRAFT. Plans made from text: {@link PlanImportService}.
 */
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
        p.summary = blankToNull(in.summary());
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

    @Transactional(SUPPORTS)
    public Optional<WorkPlan> findYear(int year) {
        return WorkPlan.ofYear(year);
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

    /** Edits title and summary; the year too while the plan is a DRAFT (a year taken is a 409). */
    public WorkPlan update(UUID id, ExpectedVersion expected, WorkPlanInput in) {
        WorkPlan p = current(id, expected);
        p.requireOpen();
        int year = in.year();
        if (year != p.year) {
            p.requireDraft("更改年份");
            if (WorkPlan.yearTaken(year)) {
                throw yearTaken(year);
            }
            p.year = year;
        }
        p.title = in.title().strip();
        p.summary = blankToNull(in.summary());
        p.updatedAt = Instant.now(clock);
        Constraints.flushOrConflict(() -> WorkPlan.flush(), WorkPlan.YEAR_UNIQUE, () -> yearTaken(year));
        return p;
    }

    /** DRAFT → ACTIVE, when the plan has a task; from now on its numbers are frozen. */
    public WorkPlan activate(UUID id, ExpectedVersion expected) {
        WorkPlan p = current(id, expected);
        if (p.status == WorkPlanStatus.DRAFT && Task.count("plan.id", id) == 0) {
            throw ProblemException.conflict("工作要点还没有任务，不能开始执行 (a plan without tasks cannot become ACTIVE)");
        }
        p.moveTo(WorkPlanStatus.ACTIVE);
        p.activatedOn = OfficeTime.today(clock);
        return touched(p);
    }

    /** ACTIVE → CLOSED: from now on nothing in the plan changes. */
    public WorkPlan close(UUID id, ExpectedVersion expected) {
        WorkPlan p = current(id, expected);
        p.moveTo(WorkPlanStatus.CLOSED);
        p.closedOn = OfficeTime.today(clock);
        return touched(p);
    }

    /**
     * Copies a plan (any status) into another year as a DRAFT: its areas, and its tasks with their
     * units and descriptions, numbered 1..N in area order, NOT_STARTED, due dates moved by the
     * difference in years; no progress. A year taken is a 409.
     */
    public WorkPlan copy(UUID id, CopyInput in) {
        WorkPlan source = WorkPlan.<WorkPlan>findByIdOptional(id).orElseThrow(() -> notFound(id));
        int shift = in.year() - source.year;
        String title = in.title() != null && !in.title().isBlank() ? in.title()
                : source.title.replace(source.year + "年", in.year() + "年");
        WorkPlan copy = create(new WorkPlanInput(in.year(), title, in.summary() != null ? in.summary() : source.summary));
        Map<UUID, PlanArea> areas = new HashMap<>();
        for (PlanArea a : PlanArea.ofPlan(id)) {
            areas.put(a.id, newArea(copy, a.seq, a.title, a.description));
        }
        List<Task> tasks = new ArrayList<>();
        for (Task t : Numbering.inAreaOrder(Task.ofPlan(id))) {
            Task c = newTask(copy, areas.get(t.area.id), t.title, t.description);
            c.leadUnit = t.leadUnit;
            c.coUnits = new ArrayList<>(t.coUnits);
            c.dueDate = t.dueDate == null ? null : t.dueDate.plusYears(shift);
            tasks.add(c);
        }
        Numbering.renumber(tasks);
        tasks.forEach(t -> t.persist());
        return copy;
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

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("工作要点 (work plan)", id);
    }

    /**
     * The plan, its row locked until the transaction ends: whoever changes task numbers or the
     * order of areas holds it, so two such changes of one plan never interleave.
     */
    static WorkPlan lockPlan(UUID id) {
        WorkPlan p = WorkPlan.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (p == null) {
            throw notFound(id);
        }
        return p;
    }

    /** The plan, checked against the version the caller expects. */
    private WorkPlan current(UUID id, ExpectedVersion expected) {
        WorkPlan p = WorkPlan.<WorkPlan>findByIdOptional(id).orElseThrow(() -> notFound(id));
        expected.check(p.version);
        return p;
    }

    private WorkPlan touched(WorkPlan p) {
        p.updatedAt = Instant.now(clock);
        // flushed here so the answer carries the new version
        WorkPlan.flush();
        return p;
    }

    /** A new area of {@code plan}, persisted. */
    PlanArea newArea(WorkPlan plan, int seq, String title, String description) {
        PlanArea a = new PlanArea();
        a.id = UUID.randomUUID();
        a.plan = plan;
        a.seq = seq;
        a.title = title;
        a.description = description;
        a.createdAt = Instant.now(clock);
        a.updatedAt = a.createdAt;
        a.persist();
        return a;
    }

    /** A new NOT_STARTED task of {@code area}, not yet numbered nor persisted. */
    Task newTask(WorkPlan plan, PlanArea area, String title, String description) {
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.plan = plan;
        t.area = area;
        t.title = title;
        t.description = description;
        t.status = TaskStatus.NOT_STARTED;
        t.createdAt = Instant.now(clock);
        t.updatedAt = t.createdAt;
        return t;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
