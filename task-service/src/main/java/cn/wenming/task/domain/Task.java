package cn.wenming.task.domain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import cn.wenming.common.persistence.Recorded;
import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;

/**
 * A key task (重点任务) of a plan, e.g. (1) 依托“北京榜样”传播道德力量: its number runs 1..N across
 * the plan's areas. Its percent and status follow its progress reports (see {@link #refusals} and
 * {@link #record}).
 */
@Entity
@Table(name = "task")
public class Task extends Recorded {

    /** What a report may not do, and whether that is a clash with the task's state (409) or bad input (400). */
    public record Refusal(String field, String message, boolean conflict) {
    }

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "plan_id")
    public WorkPlan plan;

    @ManyToOne(optional = false)
    @JoinColumn(name = "area_id")
    public PlanArea area;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false, length = 500)
    public String title;

    @Column(length = 4000)
    public String description;

    @Column(name = "lead_unit", length = 100)
    public String leadUnit;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "co_units", nullable = false)
    public List<String> coUnits = new ArrayList<>();

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TaskStatus status;

    /** The percent of the latest report; 0 before the first. */
    @Column(nullable = false)
    public int percent;

    @Column(name = "last_report_date")
    public LocalDate lastReportDate;

    /** Why the task was suspended. */
    @Column(name = "status_reason", length = 500)
    public String statusReason;

    /** Due date passed (its day is over in Asia/Shanghai, whose {@code today} is given) and not COMPLETED. */
    public boolean overdue(LocalDate today) {
        return dueDate != null && dueDate.isBefore(today) && status != TaskStatus.COMPLETED;
    }

    /** The tasks of a plan by number. */
    public static List<Task> ofPlan(UUID planId) {
        return find("plan.id = ?1 order by number", planId).list();
    }

    /**
     * Everything wrong with a report of {@code percent} by {@code unit} on {@code date} (today is
     * {@code today} in Asia/Shanghai); empty when it may be recorded. The rules:
     * <ul>
     * <li>the plan is ACTIVE, the task neither COMPLETED nor SUSPENDED, and it has a lead unit (409);
     * <li>the unit is the lead unit or a co-operating unit (400 {@code unit});
     * <li>the date is not in the future and not before the latest report (400 {@code date});
     * <li>a percent below the current one needs a reason (400 {@code reason}).
     * </ul>
     */
    public List<Refusal> refusals(LocalDate date, String unit, int percent, String reason, LocalDate today) {
        List<Refusal> out = new ArrayList<>();
        if (plan.refusesReports() != null) {
            out.add(new Refusal("status", plan.refusesReports(), true));
        }
        if (status == TaskStatus.COMPLETED || status == TaskStatus.SUSPENDED) {
            out.add(new Refusal("status", "任务(" + number + ")当前为 " + status + "，不再接受进展报告 (the task is " + status
                    + "; it takes no reports)", true));
        }
        if (leadUnit == null) {
            out.add(new Refusal("unit", "任务(" + number + ")尚未指定牵头单位 (the task has no lead unit yet: set one first)", true));
        } else if (unit != null && !reporters().contains(unit.strip())) {
            out.add(new Refusal("unit", "只有牵头单位或配合单位可以报告：" + String.join("、", reporters())
                    + " (only the lead or a co-operating unit reports on this task)", false));
        }
        if (date != null && date.isAfter(today)) {
            out.add(new Refusal("date", "不能晚于今天 " + today + " (must not be in the future)", false));
        } else if (date != null && lastReportDate != null && date.isBefore(lastReportDate)) {
            out.add(new Refusal("date", "不能早于上次报告的日期 " + lastReportDate + " (must not be before the latest report)", false));
        }
        if (percent < this.percent && (reason == null || reason.isBlank())) {
            out.add(new Refusal("reason", "进度从 " + this.percent + "% 降到 " + percent + "% 需要说明原因 (a lower percent needs a reason)", false));
        }
        return out;
    }

    /** Throws the first refusal that is a conflict (409), else all input refusals at once (400). */
    public static void throwIfRefused(List<Refusal> refusals) {
        for (Refusal r : refusals) {
            if (r.conflict()) {
                throw ProblemException.conflict(r.message());
            }
        }
        if (!refusals.isEmpty()) {
            throw new ProblemException(ProblemType.VALIDATION,
                    String.join("; ", refusals.stream().map(r -> r.field() + ": " + r.message()).toList()),
                    refusals.stream().map(r -> new Problem.FieldError(r.field(), r.message())).toList());
        }
    }

    /**
     * Takes a report that passed {@link #refusals}: the task gets its percent and date; a first
     * percent above 0 starts it (IN_PROGRESS) and 100 completes it (COMPLETED).
     */
    public void record(LocalDate date, int percent) {
        this.percent = percent;
        this.lastReportDate = date;
        if (percent == 100) {
            status = TaskStatus.COMPLETED;
        } else if (percent > 0 && status == TaskStatus.NOT_STARTED) {
            status = TaskStatus.IN_PROGRESS;
        }
    }

    /** The units that may report: the lead unit, then the co-operating units. */
    public List<String> reporters() {
        List<String> units = new ArrayList<>();
        if (leadUnit != null) {
            units.add(leadUnit);
        }
        units.addAll(coUnits);
        return units;
    }

    /** Puts the task on hold with a reason; a COMPLETED or SUSPENDED task is a 409 naming its status. */
    public void suspend(String reason) {
        if (status == TaskStatus.COMPLETED || status == TaskStatus.SUSPENDED) {
            throw ProblemException.conflict("任务(" + number + ")当前为 " + status + "，不能暂停 (the task is " + status
                    + "; it cannot be suspended)");
        }
        status = TaskStatus.SUSPENDED;
        statusReason = reason.strip();
    }

    /** Takes a SUSPENDED task up again where its reports left it; any other status is a 409 naming it. */
    public void resume() {
        if (status != TaskStatus.SUSPENDED) {
            throw ProblemException.conflict("任务(" + number + ")当前为 " + status + "，只有暂停的任务可以恢复 (the task is " + status
                    + "; only a SUSPENDED task can be resumed)");
        }
        status = percent > 0 ? TaskStatus.IN_PROGRESS : TaskStatus.NOT_STARTED;
        statusReason = null;
    }
}
