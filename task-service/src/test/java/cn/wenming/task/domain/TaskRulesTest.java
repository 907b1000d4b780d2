package cn.wenming.task.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.web.OfficeTime;

/** The rules of tasks, without HTTP or a database. */
class TaskRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2020, 6, 30);

    @Test
    void overdueTurnsAtMidnightInShanghaiWhileTheUtcDateIsStillTheDueDate() {
        Task t = task(TaskStatus.IN_PROGRESS, 40);
        t.dueDate = LocalDate.of(2020, 6, 30);
        LocalDate lastMinute = OfficeTime.today(Clock.fixed(Instant.parse("2020-06-30T15:59:59Z"), ZoneOffset.UTC));
        LocalDate midnight = OfficeTime.today(Clock.fixed(Instant.parse("2020-06-30T16:00:00Z"), ZoneOffset.UTC));
        assertEquals(LocalDate.of(2020, 6, 30), lastMinute);
        assertEquals(LocalDate.of(2020, 7, 1), midnight);
        assertFalse(t.overdue(lastMinute));
        assertTrue(t.overdue(midnight));
        t.status = TaskStatus.COMPLETED;
        assertFalse(t.overdue(midnight), "a completed task is never overdue");
        t.status = TaskStatus.SUSPENDED;
        assertTrue(t.overdue(midnight), "suspended is not completed");
        t.dueDate = null;
        assertFalse(t.overdue(midnight), "no due date, never overdue");
    }

    @Test
    void reportsFollowTheRules() {
        Task t = task(TaskStatus.IN_PROGRESS, 60);
        t.lastReportDate = TODAY.minusDays(5);
        assertEquals(List.of(), t.refusals(TODAY, "市文明办宣教处", 70, null, TODAY));
        assertEquals(List.of(), t.refusals(TODAY, " 各区文明办 ", 60, null, TODAY), "a co-operating unit, the same percent");
        assertEquals(List.of("reason"), fields(t.refusals(TODAY, "市文明办宣教处", 50, " ", TODAY)));
        assertEquals(List.of(), t.refusals(TODAY, "市文明办宣教处", 50, "日程顺延", TODAY));
        assertEquals(List.of("unit"), fields(t.refusals(TODAY, "市教委", 70, null, TODAY)));
        assertEquals(List.of("date"), fields(t.refusals(TODAY.plusDays(1), "市文明办宣教处", 70, null, TODAY)));
        assertEquals(List.of("date"), fields(t.refusals(TODAY.minusDays(6), "市文明办宣教处", 70, null, TODAY)));
        assertEquals(List.of("unit", "date", "reason"), fields(t.refusals(TODAY.plusDays(1), "市教委", 10, null, TODAY)));

        ProblemException input = assertThrows(ProblemException.class,
                () -> Task.throwIfRefused(t.refusals(TODAY.plusDays(1), "市教委", 70, null, TODAY)));
        assertEquals(ProblemType.VALIDATION, input.type());
        assertEquals(List.of("unit", "date"), input.errors().stream().map(e -> e.field()).toList());

        t.plan.status = WorkPlanStatus.DRAFT;
        ProblemException state = assertThrows(ProblemException.class,
                () -> Task.throwIfRefused(t.refusals(TODAY.plusDays(1), "市教委", 70, null, TODAY)));
        assertEquals(ProblemType.CONFLICT, state.type(), "a clash with the state comes first");
        assertTrue(state.getMessage().contains("DRAFT"), state.getMessage());
    }

    @Test
    void reportsMoveTheStatusAndOneHundredCompletes() {
        Task t = task(TaskStatus.NOT_STARTED, 0);
        t.record(TODAY, 0);
        assertEquals(TaskStatus.NOT_STARTED, t.status);
        t.record(TODAY, 30);
        assertEquals(TaskStatus.IN_PROGRESS, t.status);
        assertEquals(30, t.percent);
        t.record(TODAY, 100);
        assertEquals(TaskStatus.COMPLETED, t.status);
        assertTrue(t.refusals(TODAY, "市文明办宣教处", 100, null, TODAY).stream().anyMatch(Task.Refusal::conflict));
        assertThrows(ProblemException.class, () -> t.suspend("暂停"));
    }

    @Test
    void suspendedTasksResumeWhereTheirReportsLeftThem() {
        Task t = task(TaskStatus.IN_PROGRESS, 40);
        t.suspend(" 受疫情影响 ");
        assertEquals(TaskStatus.SUSPENDED, t.status);
        assertEquals("受疫情影响", t.statusReason);
        assertThrows(ProblemException.class, () -> t.suspend("再暂停"));
        t.resume();
        assertEquals(TaskStatus.IN_PROGRESS, t.status);
        assertNull(t.statusReason);
        assertThrows(ProblemException.class, t::resume);
        Task fresh = task(TaskStatus.NOT_STARTED, 0);
        fresh.suspend("暂缓");
        fresh.resume();
        assertEquals(TaskStatus.NOT_STARTED, fresh.status);
    }

    @Test
    void figuresLeaveSuspendedTasksOutOfTheAverage() {
        List<Task> tasks = new ArrayList<>(List.of(task(TaskStatus.COMPLETED, 100), task(TaskStatus.IN_PROGRESS, 40),
                task(TaskStatus.NOT_STARTED, 0), task(TaskStatus.SUSPENDED, 90)));
        tasks.get(1).dueDate = TODAY.minusDays(1);
        Figures f = Figures.of(tasks, TODAY);
        assertEquals(new Figures(4, 1, 1, 1, 1, 1, new BigDecimal("46.7")), f);
        assertNull(Figures.of(List.of(task(TaskStatus.SUSPENDED, 10)), TODAY).averagePercent());
        assertEquals(new Figures(0, 0, 0, 0, 0, 0, null), Figures.of(List.of(), TODAY));
    }

    @Test
    void aDraftsNumbersRunThroughTheAreasInOrder() {
        WorkPlan plan = new WorkPlan();
        PlanArea first = area(plan, 1);
        PlanArea second = area(plan, 2);
        List<Task> tasks = new ArrayList<>(List.of(numbered(second, 3), numbered(first, 1), numbered(first, 2)));
        Task inserted = numbered(first, 0);
        Numbering.place(inserted, 2, tasks);
        assertEquals(2, inserted.number);
        assertEquals(List.of(4, 1, 3), tasks.stream().map(t -> t.number).toList());
        Task appended = numbered(second, 0);
        Numbering.place(appended, null, List.of(tasks.get(0), tasks.get(1), tasks.get(2), inserted));
        assertEquals(5, appended.number);
        ProblemException outside = assertThrows(ProblemException.class, () -> Numbering.place(numbered(second, 0), 1, tasks));
        assertEquals("position", outside.errors().get(0).field());

        Numbering.remove(tasks.get(1).id, List.of(tasks.get(0), tasks.get(1), tasks.get(2), inserted, appended));
        assertEquals(List.of(3, 2, 1, 4), List.of(tasks.get(0).number, tasks.get(2).number, inserted.number, appended.number));
    }

    @Test
    void chineseNumeralsReadAndWrite() {
        assertEquals(List.of("第一", "第四", "第十", "第十二", "第二十", "第二十三"),
                List.of(1, 4, 10, 12, 20, 23).stream().map(ChineseNumerals::ordinal).toList());
        assertEquals(List.of(4, 23, 10, 15, 2, 30, 23, 23, -1, -1, -1),
                List.of("四", "二十三", "十", "十五", "两", "三十", "23", "２３", "十十", "百", "").stream().map(ChineseNumerals::parse).toList());
    }

    private static List<String> fields(List<Task.Refusal> refusals) {
        return refusals.stream().map(Task.Refusal::field).toList();
    }

    private static Task task(TaskStatus status, int percent) {
        WorkPlan plan = new WorkPlan();
        plan.status = WorkPlanStatus.ACTIVE;
        Task t = new Task();
        t.id = UUID.randomUUID();
        t.plan = plan;
        t.number = 1;
        t.status = status;
        t.percent = percent;
        t.leadUnit = "市文明办宣教处";
        t.coUnits = List.of("各区文明办");
        return t;
    }

    private static PlanArea area(WorkPlan plan, int seq) {
        PlanArea a = new PlanArea();
        a.id = UUID.randomUUID();
        a.plan = plan;
        a.seq = seq;
        return a;
    }

    private static Task numbered(PlanArea area, int number) {
        Task t = task(TaskStatus.NOT_STARTED, 0);
        t.area = area;
        t.number = number;
        return t;
    }
}
