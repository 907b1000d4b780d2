package cn.wenming.task.service;

import static jakarta.transaction.Transactional.TxType.REQUIRED;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.wenming.common.problem.Problem;
import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.task.domain.PlanArea;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.WorkPlan;
import cn.wenming.task.domain.WorkPlanStatus;
import cn.wenming.task.service.PlanTextParser.ParsedArea;
import cn.wenming.task.service.PlanTextParser.ParsedPlan;
import cn.wenming.task.service.PlanTextParser.ParsedTask;

/**
 * Work plans made from text: a plan's text read by {@link PlanTextParser} and stored as a DRAFT
 * with its areas and numbered tasks (the import, and the seed at start). The plan itself is made
 * under {@link WorkPlanService}'s rules (one plan a year).
 */
@ApplicationScoped
@Transactional(REQUIRED)
public class PlanImportService {

    @Inject
    WorkPlanService plans;

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
        WorkPlan plan = plans.create(new WorkPlanInput(y, parsed.title(), parsed.summary()));
        addParsed(plan, parsed);
        return plan;
    }

    /**
     * Gives a plan the areas and tasks of {@code parsed} when it has no area yet (a plan loaded
     * from the seed before areas existed); false when it already has some. The plan row is locked,
     * so two replicas starting at once add them once.
     */
    public boolean completeFromText(UUID planId, ParsedPlan parsed) {
        WorkPlan plan = WorkPlanService.lockPlan(planId);
        if (plan.status != WorkPlanStatus.DRAFT || PlanArea.count("plan.id", planId) > 0) {
            return false;
        }
        checkLengths(parsed);
        addParsed(plan, parsed);
        return true;
    }

    private void addParsed(WorkPlan plan, ParsedPlan parsed) {
        for (ParsedArea a : parsed.areas()) {
            PlanArea area = plans.newArea(plan, a.seq(), a.title(), a.description());
            for (ParsedTask t : a.tasks()) {
                Task task = plans.newTask(plan, area, t.title(), t.description());
                task.number = t.number();
                task.persist();
            }
        }
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
}
