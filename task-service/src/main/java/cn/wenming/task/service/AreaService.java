package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.version.ExpectedVersion;
import cn.wenming.task.domain.Numbering;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.WorkPlan;

/**
 * The areas (方面) of a plan. Their order is settled in the draft: areas are added, removed and
 * reordered only while the plan is a DRAFT, and the tasks are renumbered to follow the new order.
 * Titles and descriptions can be edited until the plan is CLOSED.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class AreaService {

    @Inject
    Clock clock;

    /** The plan's areas in order; 404 for an unknown plan. */
    @Transactional(SUPPORTS)
    public List<PlanArea> list(UUID planId) {
        if (WorkPlan.findById(planId) == null) {
            throw WorkPlanService.notFound(planId);
        }
        return PlanArea.ofPlan(planId);
    }

    /** The area of that plan; 404 for an unknown plan or an area of another plan. */
    @Transactional(SUPPORTS)
    public PlanArea find(UUID planId, UUID areaId) {
        PlanArea a = PlanArea.findById(areaId);
        if (a == null || !a.plan.id.equals(planId)) {
            throw ProblemException.notFound("方面 (area)", areaId);
        }
        return a;
    }

    /** Adds an area to a DRAFT: at {@code position} (the others from there on move down) or last. */
    public PlanArea create(UUID planId, AreaInput in) {
        WorkPlan plan = WorkPlanService.lockPlan(planId);
        plan.requireOpen();
        plan.requireDraft("添加方面");
        PlanArea a = new PlanArea();
        a.id = UUID.randomUUID();
        a.plan = plan;
        fill(a, in);
        a.createdAt = Instant.now(clock);
        a.updatedAt = a.createdAt;
        List<PlanArea> areas = new ArrayList<>(PlanArea.ofPlan(planId));
        a.seq = areas.size() + 1;
        a.persist();
        place(areas, a, in.position());
        PlanArea.flush();
        return a;
    }

    /** Edits title and description; a {@code position} other than its own moves it (DRAFT only). */
    public PlanArea update(UUID planId, UUID areaId, ExpectedVersion expected, AreaInput in) {
        WorkPlan plan = WorkPlanService.lockPlan(planId);
        PlanArea a = find(planId, areaId);
        expected.check(a.version);
        plan.requireOpen();
        if (in.position() != null && in.position() != a.seq) {
            plan.requireDraft("调整方面顺序");
            List<PlanArea> others = new ArrayList<>(PlanArea.ofPlan(planId));
            others.removeIf(o -> o.id.equals(a.id));
            place(others, a, in.position());
        }
        fill(a, in);
        a.updatedAt = Instant.now(clock);
        PlanArea.flush();
        return a;
    }

    /** Removes an empty area from a DRAFT; the areas after it move up. An area with tasks is a 409. */
    public void delete(UUID planId, UUID areaId, ExpectedVersion expected) {
        WorkPlan plan = WorkPlanService.lockPlan(planId);
        PlanArea a = find(planId, areaId);
        expected.check(a.version);
        plan.requireOpen();
        plan.requireDraft("删除方面");
        long tasks = Task.count("area.id", areaId);
        if (tasks > 0) {
            throw ProblemException.conflict(a.ordinal() + "个方面下还有 " + tasks + " 项任务，请先删除或移走 (the area still has "
                    + tasks + " tasks: remove or move them first)");
        }
        a.delete();
        List<PlanArea> rest = new ArrayList<>(PlanArea.ofPlan(planId));
        rest.removeIf(o -> o.id.equals(areaId));
        resequence(rest);
    }

    /**
     * Puts a DRAFT's areas in the given order (every area id, each once, else a 400) and renumbers
     * the tasks to follow it. Checked against, and changes, the plan's ETag.
     */
    public List<PlanArea> reorder(UUID planId, ExpectedVersion expected, List<UUID> order) {
        WorkPlan plan = WorkPlanService.lockPlan(planId);
        expected.check(plan.version);
        plan.requireOpen();
        plan.requireDraft("调整方面顺序");
        List<PlanArea> areas = PlanArea.ofPlan(planId);
        var current = areas.stream().map(a -> a.id).toList();
        if (order.size() != current.size() || !new HashSet<>(order).equals(new HashSet<>(current))) {
            throw ProblemException.invalid("areaIds", "必须恰好列出本工作要点的每个方面一次 (must list every area of the plan exactly once)");
        }
        resequence(order.stream().map(id -> areas.stream().filter(a -> a.id.equals(id)).findFirst().orElseThrow()).toList());
        plan.updatedAt = Instant.now(clock);
        PlanArea.flush();
        return PlanArea.ofPlan(planId);
    }

    /** Inserts {@code a} into {@code others} at {@code position} (1..size+1, else a 400), or last. */
    private void place(List<PlanArea> others, PlanArea a, Integer position) {
        int at = position == null ? others.size() + 1 : position;
        if (at > others.size() + 1) {
            throw ProblemException.invalid("position", "只能是 1 到 " + (others.size() + 1) + " (must be from 1 to " + (others.size() + 1) + ")");
        }
        List<PlanArea> ordered = new ArrayList<>(others);
        ordered.add(at - 1, a);
        resequence(ordered);
    }

    /** Numbers the areas 1..n in list order, then the tasks 1..N to follow them. */
    private void resequence(List<PlanArea> ordered) {
        Instant now = Instant.now(clock);
        for (int i = 0; i < ordered.size(); i++) {
            PlanArea a = ordered.get(i);
            if (a.seq != i + 1) {
                a.seq = i + 1;
                a.updatedAt = now;
            }
        }
        if (!ordered.isEmpty()) {
            Numbering.renumber(Numbering.inAreaOrder(Task.ofPlan(ordered.get(0).plan.id)));
        }
    }

    private static void fill(PlanArea a, AreaInput in) {
        a.title = in.title().strip();
        a.description = WorkPlanService.blankToNull(in.description());
    }
}
