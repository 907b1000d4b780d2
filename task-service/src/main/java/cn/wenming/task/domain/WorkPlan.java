package cn.wenming.task.domain;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import cn.wenming.common.persistence.Recorded;
import cn.wenming.common.problem.ProblemException;

/** The office's work plan of one year, e.g. 2020年首都精神文明建设工作 (聚焦四个方面 23项重点任务). */
@Entity
@Table(name = "work_plan")
public class WorkPlan extends Recorded {

    /** The unique constraint behind "one plan per year". */
    public static final String YEAR_UNIQUE = "work_plan_year_unique";

    @Id
    public UUID id;

    @Column(nullable = false)
    public int year;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 500)
    public String summary;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public WorkPlanStatus status;

    /** The day (Asia/Shanghai) it became ACTIVE; null while a draft. */
    @Column(name = "activated_on")
    public LocalDate activatedOn;

    /** The day (Asia/Shanghai) it was CLOSED. */
    @Column(name = "closed_on")
    public LocalDate closedOn;

    public static boolean yearTaken(int year) {
        return count("year", year) > 0;
    }

    public static Optional<WorkPlan> ofYear(int year) {
        return WorkPlan.<WorkPlan>find("year", year).firstResultOptional();
    }

    /** DRAFT → ACTIVE → CLOSED; anything else is a 409 naming the current status. */
    public void moveTo(WorkPlanStatus target) {
        if (!status.canBecome(target)) {
            throw ProblemException.conflict("工作要点当前为 " + status + "，不能变为 " + target
                    + " (the plan is " + status + "; it cannot become " + target + ")");
        }
        status = target;
    }

    /** Progress is reported only while the plan is ACTIVE: why a report is refused, or null when it is not. */
    public String refusesReports() {
        return status == WorkPlanStatus.ACTIVE ? null : "工作要点当前为 " + status + "，只有执行中的工作要点接受进展报告 (the plan is "
                + status + "; only an ACTIVE plan takes progress reports)";
    }

    /** A closed plan is a record: nothing in it changes any more. */
    public void requireOpen() {
        if (status == WorkPlanStatus.CLOSED) {
            throw ProblemException.conflict("工作要点当前为 CLOSED，不能再修改 (the plan is CLOSED; nothing in it can change)");
        }
    }

    /**
     * Task numbers and the order of areas change only while the plan is a draft; {@code action}
     * says in Chinese what was refused, e.g. 删除任务.
     */
    public void requireDraft(String action) {
        if (status != WorkPlanStatus.DRAFT) {
            throw ProblemException.conflict("工作要点当前为 " + status + "，编号与方面顺序已冻结，不能" + action + " (the plan is "
                    + status + ": task numbers and the order of areas are frozen once it leaves DRAFT)");
        }
    }
}
