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
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.web.ETags;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.domain.Numbering;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.TaskStatus;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;
import cn.wenming.task.rest.CopyInput;
import cn.wenming.task.rest.WorkPlanInput;
import cn.wenming.task.service.PlanTextParser.ParsedArea;
import cn.wenming.task.service.PlanTextParser.ParsedPlan;
import cn.wenming.task.service.PlanTextParser.ParsedTask;

/**
 * The rules of work plans: one plan per year; a new plan is a DRAFT; DRAFT → ACTIVE → CLOSED;
 * a plan is copied into another year, or made from the text of an imported plan, as a DRAFT.
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
    public WorkPlan update(UUID id, String ifMatch, WorkPlanInput in) {
        WorkPlan p = current(id, ifMatch);
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
    public WorkPlan activate(UUID id, String ifMatch) {
        WorkPlan p = current(id, ifMatch);
        if (p.status == WorkPlanStatus.DRAFT && Task.count("plan.id", id) == 0) {
            throw ProblemException.conflict("工作要点还没有任务，不能开始执行 (a plan without tasks cannot become ACTIVE)");
        }
        p.moveTo(WorkPlanStatus.ACTIVE);
        p.activatedOn = OfficeTime.today(clock);
        return touched(p);
    }

    /** ACTIVE → CLOSED: from now on nothing in the plan changes. */
    public WorkPlan close(UUID id, String ifMatch) {
        WorkPlan p = current(id, ifMatch);
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

    /** What an import read, and the plan it stored (null on a dry run). */
    public record Imported(ParsedPlan parsed, Integer year, WorkPlan plan) {
    }

    /**
     * Reads a plan's text ({@link PlanTextParser}); with {@code commit} stores it as a DRAFT of
     * {@code year} (the title's year when null). A text that is not a plan is a 400.
     */
    public Imported importText(String text, Integer year, boolean commit) {
        ParsedPlan parsed = PlanTextParser.parse(text);
        Integer y = year != null ? year : parsed.year();
        return new Imported(parsed, y, commit ? createFromText(parsed, y) : null);
    }

    /**
     * Stores an imported plan as a DRAFT of {@code year} (the year its title names when null):
     * its areas, and its tasks as numbered. A year taken is a 409; a missing year or title, or a
     * text too long for a field, is a 400 naming it.
     */
    public WorkPlan createFromText(ParsedPlan parsed, Integer year) {
        Integer y = year != null ? year : parsed.year();
        if (y == null) {
            throw ProblemException.invalid("year", "文本标题中没有年份，请用 ?year= 指定 (the title names no year: give ?year=)");
        }
        if (parsed.title() == null || parsed.title().isBlank()) {
            throw ProblemException.invalid("title", "文本没有标题行 (the text has no title line)");
        }
        checkLengths(parsed);
        WorkPlan plan = create(new WorkPlanInput(y, parsed.title(), parsed.summary()));
        addParsed(plan, parsed);
        return plan;
    }

    /**
     * Gives a plan the areas and tasks of {@code parsed} when it has no area yet (a plan loaded
     * from the seed before areas existed); false when it already has some. The plan row is locked,
     * so two replicas starting at once add them once.
     */
    public boolean completeFromText(UUID planId, ParsedPlan parsed) {
        WorkPlan plan = lockPlan(planId);
        if (plan.status != WorkPlanStatus.DRAFT || PlanArea.count("plan.id", planId) > 0) {
            return false;
        }
        checkLengths(parsed);
        addParsed(plan, parsed);
        return true;
    }

    private void addParsed(WorkPlan plan, ParsedPlan parsed) {
        for (ParsedArea a : parsed.areas()) {
            PlanArea area = newArea(plan, a.seq(), a.title(), a.description());
            for (ParsedTask t : a.tasks()) {
                Task task = newTask(plan, area, t.title(), t.description());
                task.number = t.number();
                task.persist();
            }
        }
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

    /** The plan, checked against If-Match. */
    private WorkPlan current(UUID id, String ifMatch) {
        WorkPlan p = WorkPlan.<WorkPlan>findByIdOptional(id).orElseThrow(() -> notFound(id));
        ETags.check(ifMatch, p.version);
        return p;
    }

    private WorkPlan touched(WorkPlan p) {
        p.updatedAt = Instant.now(clock);
        // flushed here so the answer carries the new version
        WorkPlan.flush();
        return p;
    }

    private PlanArea newArea(WorkPlan plan, int seq, String title, String description) {
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

    /** What the import cannot store: a title, area or task text longer than its column. */
    private static void checkLengths(ParsedPlan parsed) {
        List<Problem.FieldError> errors = new ArrayList<>();
        check(errors, "title", parsed.title(), 200);
        check(errors, "summary", parsed.summary(), 500);
        for (int i = 0; i < parsed.areas().size(); i++) {
            ParsedArea a = parsed.areas().get(i);
            check(errors, "areas[" + i + "].title", a.title(), 200);
            check(errors, "areas[" + i + "].description", a.description(), 2000);
            for (int j = 0; j < a.tasks().size(); j++) {
                check(errors, "areas[" + i + "].tasks[" + j + "].title", a.tasks().get(j).title(), 500);
                check(errors, "areas[" + i + "].tasks[" + j + "].description", a.tasks().get(j).description(), 4000);
            }
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    "文本中有内容超出长度限制，未保存 (parts of the text are too long to store: nothing was stored)", errors);
        }
    }

    private static void check(List<Problem.FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(new Problem.FieldError(field, "最多 " + max + " 个字 (at most " + max + " characters)"));
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
