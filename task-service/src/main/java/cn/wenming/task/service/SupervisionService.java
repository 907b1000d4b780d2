package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.page.Cursor;
import cn.wenming.common.page.PageRequest;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.config.TaskConfig;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.TaskStatus;
import cn.wenming.task.domain.WorkPlan;

/**
 * Supervision (督办): how a plan stands, per area and per lead unit ({@link cn.wenming.task.domain.Figures}),
 * and which tasks need chasing: overdue, or stalled (no report for N days).
 */
@ApplicationScoped
@Transactional(SUPPORTS)
public class SupervisionService {

    /** A plan as it stands today (Asia/Shanghai): its areas and tasks. */
    public record Snapshot(WorkPlan plan, List<PlanArea> areas, List<Task> tasks, LocalDate today) {
    }

    /**
     * A task on the supervision list: overdue, stalled, or both; {@code quietDays} since its last
     * report (or since the plan, or the task if later, became active); {@code since} the day it came
     * under supervision (the day after its due date, or the day it became stalled, the earlier).
     */
    public record Watch(Task task, boolean overdue, boolean stalled, long quietDays, LocalDate since) {

        /** The cursor key: {@code since}, then the number. */
        public String sortKey() {
            return since + "/" + String.format("%06d", task.number);
        }
    }

    @Inject
    Clock clock;

    @Inject
    TaskConfig config;

    public Snapshot snapshot(UUID planId) {
        WorkPlan plan = WorkPlan.<WorkPlan>findByIdOptional(planId).orElseThrow(() -> WorkPlanService.notFound(planId));
        return new Snapshot(plan, PlanArea.ofPlan(planId), Task.ofPlan(planId), OfficeTime.today(clock));
    }

    /** The configured N of "no report for N days". */
    public int stalledAfterDays() {
        return config.supervision().stalledAfterDays();
    }

    /**
     * One page ({@code limit + 1} entries) of the plan's tasks that need chasing, the longest under
     * supervision first. A plan's tasks are few, so they are judged here and paged after the cursor's key.
     */
    public List<Watch> watchList(UUID planId, int stalledAfterDays, PageRequest page) {
        Snapshot s = snapshot(planId);
        String after = page.after().map(Cursor::key).orElse("");
        return s.tasks().stream()
                .map(t -> watch(t, s.today(), stalledAfterDays))
                .filter(Objects::nonNull)
                .filter(w -> w.sortKey().compareTo(after) > 0)
                .sorted(Comparator.comparing(Watch::sortKey))
                .limit(page.fetchSize())
                .toList();
    }

    /**
     * Whether a task is on the supervision list today: not COMPLETED, not SUSPENDED (on hold on
     * purpose), and overdue or stalled. Stalled: its plan has been active, and its last report (or,
     * without one, the later of the plan's activation and the task's creation) is
     * {@code stalledAfterDays} or more days old. Null when the task is not on the list.
     */
    public static Watch watch(Task t, LocalDate today, int stalledAfterDays) {
        if (t.status == TaskStatus.COMPLETED || t.status == TaskStatus.SUSPENDED) {
            return null;
        }
        boolean overdue = t.overdue(today);
        LocalDate quietSince = t.lastReportDate;
        if (quietSince == null && t.plan.activatedOn != null) {
            LocalDate created = OfficeTime.of(t.createdAt).toLocalDate();
            quietSince = created.isAfter(t.plan.activatedOn) ? created : t.plan.activatedOn;
        }
        long quietDays = quietSince == null ? 0 : Math.max(0, ChronoUnit.DAYS.between(quietSince, today));
        boolean stalled = quietSince != null && quietDays >= stalledAfterDays;
        if (!overdue && !stalled) {
            return null;
        }
        LocalDate since = null;
        if (overdue) {
            since = t.dueDate.plusDays(1);
        }
        if (stalled) {
            LocalDate stalledOn = quietSince.plusDays(stalledAfterDays);
            since = since == null || stalledOn.isBefore(since) ? stalledOn : since;
        }
        return new Watch(t, overdue, stalled, quietDays, since);
    }
}
