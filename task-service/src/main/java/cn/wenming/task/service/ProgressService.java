package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;
import static jakarta.transaction.Transactional.TxType.SUPPORTS;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.config.TaskConfig;
import cn.wenming.task.domain.ProgressReport;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.WorkPlan;

/**
 * Progress reports: one at a time on a task, or many at once on a plan's tasks, all or nothing.
 * The rules are the task's ({@link Task#refusals}): an ACTIVE plan, a task neither COMPLETED nor
 * SUSPENDED, its lead or a co-operating unit, a date not in the future nor before the latest
 * report, a reason for a lower percent. A report of 100 completes the task.
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class ProgressService {

    /**
     * A row of a bulk report: where it is ({@code [2]} in a JSON array, {@code lines[3]} in a CSV
     * file), what it says (null when it could not be read) and what was wrong in reading it.
     */
    public record BulkRow(String label, BulkProgressRow input, List<Problem.FieldError> errors) {
    }

    @Inject
    Clock clock;

    @Inject
    Validator validator;

    @Inject
    TaskConfig config;

    /** The task's reports, oldest first; 404 for an unknown task. */
    @Transactional(SUPPORTS)
    public List<ProgressReport> list(UUID taskId) {
        if (Task.findById(taskId) == null) {
            throw TaskService.notFound(taskId);
        }
        return ProgressReport.ofTask(taskId);
    }

    /** Records a report; a clash with the task's state is a 409, bad input a 400 naming each field. */
    public ProgressReport report(UUID taskId, ProgressInput in, String actor) {
        Task t = Task.findById(taskId, LockModeType.PESSIMISTIC_WRITE);
        if (t == null) {
            throw TaskService.notFound(taskId);
        }
        LocalDate today = OfficeTime.today(clock);
        LocalDate date = in.date() != null ? in.date() : today;
        Task.throwIfRefused(t.refusals(date, in.unit(), in.percent(), in.reason(), today));
        return record(t, date, in, actor);
    }

    /**
     * Records every row or none: any row that cannot be read, breaks a field's limits, names no task
     * of the plan, or breaks a rule of its task makes a 400 listing every such row and field (rows
     * on one task are checked in order, each against the task as the rows before it left it). A
     * plan that is not ACTIVE is a 409.
     */
    public List<ProgressReport> bulk(UUID planId, List<BulkRow> rows, String actor) {
        WorkPlan plan = WorkPlanService.lockPlan(planId);
        if (plan.refusesReports() != null) {
            throw ProblemException.conflict(plan.refusesReports());
        }
        if (rows.isEmpty()) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "没有任何报告 (no rows)");
        }
        int max = config.bulk().maxRows();
        if (rows.size() > max) {
            throw new ProblemException(ProblemType.BAD_REQUEST, "一次最多报送 " + max + " 行 (at most " + max + " rows at once)");
        }
        Map<Integer, Task> byNumber = Task.<Task>find("plan.id", planId).withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .collect(Collectors.toMap(t -> t.number, Function.identity()));
        LocalDate today = OfficeTime.today(clock);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<ProgressReport> recorded = new ArrayList<>();
        int badRows = 0;
        for (BulkRow row : rows) {
            List<Problem.FieldError> wrong = new ArrayList<>(row.errors());
            if (row.input() != null && wrong.isEmpty()) {
                check(row, byNumber, today, wrong, recorded, actor);
            }
            if (!wrong.isEmpty()) {
                badRows++;
                errors.addAll(wrong);
            }
        }
        if (!errors.isEmpty()) {
            // nothing is kept: the exception rolls back the rows already recorded
            throw new ProblemException(ProblemType.VALIDATION, badRows + " 行有误，未记录任何报告 (" + badRows
                    + " rows are invalid: nothing was recorded)", errors);
        }
        return recorded;
    }

    private void check(BulkRow row, Map<Integer, Task> byNumber, LocalDate today, List<Problem.FieldError> wrong,
            List<ProgressReport> recorded, String actor) {
        BulkProgressRow in = row.input();
        validator.validate(in).stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .forEach(v -> wrong.add(new Problem.FieldError(row.label() + "." + v.getPropertyPath(), v.getMessage())));
        if (!wrong.isEmpty()) {
            return;
        }
        Task t = byNumber.get(in.number());
        if (t == null) {
            wrong.add(new Problem.FieldError(row.label() + ".number", "本工作要点没有任务(" + in.number() + ") (no such task in this plan)"));
            return;
        }
        LocalDate date = in.date() != null ? in.date() : today;
        t.refusals(date, in.unit(), in.percent(), in.reason(), today)
                .forEach(r -> wrong.add(new Problem.FieldError(row.label() + "." + r.field(), r.message())));
        if (wrong.isEmpty()) {
            recorded.add(record(t, date, in.report(), actor));
        }
    }

    private ProgressReport record(Task t, LocalDate date, ProgressInput in, String actor) {
        ProgressReport r = new ProgressReport();
        r.id = UUID.randomUUID();
        r.task = t;
        r.reportDate = date;
        r.unit = in.unit().strip();
        r.percent = in.percent();
        r.text = in.text().strip();
        r.reason = WorkPlanService.blankToNull(in.reason());
        r.reportedBy = actor;
        r.createdAt = Instant.now(clock);
        r.persist();
        t.record(date, in.percent());
        t.updatedAt = r.createdAt;
        ProgressReport.flush();
        return r;
    }
}
