package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.ListQuery;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.page.Sort;
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
 * The rules of key tasks. While the plan is a DRAFT, numbers stay 1..N without gaps in area order:
 * a task is inserted at a number (the later ones move down) or after its area's last task, and a
 * removed task's gap is closed. Once the plan is ACTIVE numbers are frozen: a new task takes the
 * next free number, and a task is suspended, not removed. Nothing changes in a CLOSED plan.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class TaskService {

    /** Filters of the task list; null means any. */
    public record Filter(UUID planId, Integer year, UUID areaId, TaskStatus status, String leadUnit, Boolean overdue) {
    }

    /** The fields the task list can be sorted by. */
    public static final Set<String> SORTABLE = Set.of("number", "dueDate");
    public static final String DEFAULT_SORT = "number";
    /** Where tasks without a due date go when sorting by due date: last. */
    static final LocalDate NO_DUE_DATE = LocalDate.of(9999, 12, 31);

    @Inject
    Clock clock;

    @Inject
    WorkPlanService plans;

    /** Today in Asia/Shanghai: the day {@code overdue} is reckoned against. */
    public LocalDate today() {
        return OfficeTime.today(clock);
    }

    @Transactional(SUPPORTS)
    public Optional<Task> find(UUID id) {
        return Task.findByIdOptional(id);
    }

    /** One page ({@code limit + 1} rows) of the tasks that pass the filter, by number or by due date. */
    @Transactional(SUPPORTS)
    public List<Task> list(Filter f, PageRequest page, Sort sort) {
        var q = new ListQuery()
                .filter("plan.id = :plan", "plan", f.planId())
                .filter("plan.year = :year", "year", f.year())
                .filter("area.id = :area", "area", f.areaId())
                .filter("status = :status", "status", f.status())
                .filter("leadUnit = :lead", "lead", f.leadUnit());
        if (f.overdue() != null) {
            q.where(f.overdue() ? "(dueDate < :today and status <> :done)" : "(dueDate is null or dueDate >= :today or status = :done)")
                    .param("today", today()).param("done", TaskStatus.COMPLETED);
        }
        boolean byDue = sort.field().equals("dueDate");
        String key = byDue ? "coalesce(dueDate, :noDue)" : "number";
        if (byDue) {
            q.param("noDue", NO_DUE_DATE);
        }
        q.after(page, key, sort.descending(), byDue ? ListQuery::date : ListQuery::integer);
        return Task.<Task>find(q.hql(key, sort.descending()), q.params()).page(0, page.fetchSize()).list();
    }

    /** The cursor key of a task under a sort. */
    public static String sortKey(Task t, Sort sort) {
        return sort.field().equals("dueDate") ? (t.dueDate == null ? NO_DUE_DATE : t.dueDate).toString() : Integer.toString(t.number);
    }

    /**
     * Adds a task to its area's plan. In a DRAFT at {@code position} or after the area's last task,
     * the later tasks moving down; in an ACTIVE plan with the next free number ({@code position}
     * is a 409 there); never in a CLOSED plan.
     */
    public Task create(TaskInput in) {
        PlanArea area = area(in.areaId());
        WorkPlan plan = WorkPlanService.lockPlan(area.plan.id);
        plan.requireOpen();
        Task t = plans.newTask(plan, area, null, null);
        fill(t, in);
        List<Task> others = Task.ofPlan(plan.id);
        if (plan.status == WorkPlanStatus.DRAFT) {
            Numbering.place(t, in.position(), others);
        } else {
            if (in.position() != null) {
                plan.requireDraft("指定任务编号");
            }
            t.number = others.stream().mapToInt(o -> o.number).max().orElse(0) + 1;
        }
        t.persist();
        Task.flush();
        return t;
    }

    /**
     * Edits a task. Another area or a {@code position} other than its number moves it, in a DRAFT
     * only (renumbering the others); the area must be of the same plan.
     */
    public Task update(UUID id, ExpectedVersion expected, TaskInput in) {
        Task t = current(id, expected);
        WorkPlan plan = WorkPlanService.lockPlan(t.plan.id);
        plan.requireOpen();
        PlanArea area = area(in.areaId());
        if (!area.plan.id.equals(plan.id)) {
            throw ProblemException.invalid("areaId", "这个方面属于另一个工作要点 (the area belongs to another plan)");
        }
        boolean moves = !area.id.equals(t.area.id) || (in.position() != null && in.position() != t.number);
        if (moves) {
            plan.requireDraft("移动任务");
            t.area = area;
            List<Task> others = new ArrayList<>(Task.ofPlan(plan.id));
            others.removeIf(o -> o.id.equals(t.id));
            Numbering.place(t, in.position(), others);
        }
        fill(t, in);
        return touched(t);
    }

    /** Removes a task from a DRAFT and closes the gap; in an ACTIVE plan numbers are frozen (409: suspend it instead). */
    public void delete(UUID id, ExpectedVersion expected) {
        Task t = current(id, expected);
        WorkPlan plan = WorkPlanService.lockPlan(t.plan.id);
        plan.requireOpen();
        plan.requireDraft("删除任务（执行中的任务可以暂停）");
        t.delete();
        Numbering.remove(id, Task.ofPlan(plan.id));
    }

    public Task suspend(UUID id, ExpectedVersion expected, String reason) {
        Task t = current(id, expected);
        t.plan.requireOpen();
        t.suspend(reason);
        return touched(t);
    }

    public Task resume(UUID id, ExpectedVersion expected) {
        Task t = current(id, expected);
        t.plan.requireOpen();
        t.resume();
        return touched(t);
    }

    private Task current(UUID id, ExpectedVersion expected) {
        Task t = Task.<Task>findByIdOptional(id).orElseThrow(() -> notFound(id));
        expected.check(t.version);
        return t;
    }

    private Task touched(Task t) {
        t.updatedAt = Instant.now(clock);
        // flushed here so the answer carries the new version
        Task.flush();
        return t;
    }

    static ProblemException notFound(UUID id) {
        return ProblemException.notFound("任务 (task)", id);
    }

    private static PlanArea area(UUID id) {
        PlanArea a = PlanArea.findById(id);
        if (a == null) {
            throw ProblemException.invalid("areaId", "没有这个方面 (no such area)");
        }
        return a;
    }

    private static void fill(Task t, TaskInput in) {
        t.title = in.title().strip();
        t.description = WorkPlanService.blankToNull(in.description());
        t.leadUnit = WorkPlanService.blankToNull(in.leadUnit());
        t.coUnits = in.coUnits() == null ? new ArrayList<>()
                : new ArrayList<>(new LinkedHashSet<>(in.coUnits().stream().map(String::strip).toList()));
        t.dueDate = in.dueDate();
    }
}
