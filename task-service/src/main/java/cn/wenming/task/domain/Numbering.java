package cn.wenming.task.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import cn.wenming.common.problem.ProblemException;

/**
 * The numbers of a draft's tasks: 1..N without gaps, running through the areas in their order.
 * Callers hold the plan row's lock, so two edits of one plan never number at once.
 */
public final class Numbering {

    private Numbering() {
    }

    /** The tasks in area order, and by their current number within an area. */
    public static List<Task> inAreaOrder(List<Task> tasks) {
        List<Task> ordered = new ArrayList<>(tasks);
        ordered.sort(Comparator.<Task>comparingInt(t -> t.area.seq).thenComparingInt(t -> t.number));
        return ordered;
    }

    /** Numbers the tasks 1..N in list order; only a task whose number changes is touched. */
    public static void renumber(List<Task> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).number != i + 1) {
                ordered.get(i).number = i + 1;
            }
        }
    }

    /**
     * Puts {@code task} into the draft's numbering (it must not be in {@code others}): at
     * {@code position} (1-based, across the plan) or, without one, after the last task of its area.
     * The position must fall inside the task's area: from the number after the previous areas' tasks
     * up to one past its own area's last task (else a 400 naming {@code position}).
     */
    public static void place(Task task, Integer position, List<Task> others) {
        List<Task> ordered = inAreaOrder(others);
        int first = (int) ordered.stream().filter(t -> t.area.seq < task.area.seq).count() + 1;
        int last = first + (int) ordered.stream().filter(t -> t.area.id.equals(task.area.id)).count();
        int at = position == null ? last : position;
        if (at < first || at > last) {
            throw ProblemException.invalid("position", "在" + task.area.ordinal() + "个方面中只能是 " + first + " 到 " + last
                    + " (in this area the position runs from " + first + " to " + last + ")");
        }
        ordered.add(at - 1, task);
        renumber(ordered);
    }

    /** Closes the gap a removed task leaves. */
    public static void remove(UUID removed, List<Task> tasks) {
        renumber(inAreaOrder(tasks.stream().filter(t -> !t.id.equals(removed)).toList()));
    }
}
