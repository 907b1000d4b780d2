package cn.wenming.task.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How a set of tasks stands (an area, a plan, a lead unit's tasks): counts by status, how many are
 * overdue, and the average percent complete. Suspended tasks count in {@code taskCount},
 * {@code suspended} and (when past due) {@code overdue}, but are left out of the average.
 */
@Schema(name = "Figures")
public record Figures(
        @Schema(example = "23") int taskCount,
        @Schema(example = "5") int completed,
        @Schema(example = "12") int inProgress,
        @Schema(example = "5") int notStarted,
        @Schema(example = "1") int suspended,
        @Schema(example = "2") int overdue,
        @Schema(description = "Mean percent of the tasks that are not SUSPENDED, one decimal; null when there are none", example = "56.4")
        BigDecimal averagePercent) {

    public static Figures of(Collection<Task> tasks, LocalDate today) {
        int completed = 0;
        int inProgress = 0;
        int notStarted = 0;
        int suspended = 0;
        int overdue = 0;
        long percentSum = 0;
        for (Task t : tasks) {
            switch (t.status) {
                case COMPLETED -> completed++;
                case IN_PROGRESS -> inProgress++;
                case NOT_STARTED -> notStarted++;
                case SUSPENDED -> suspended++;
            }
            if (t.status != TaskStatus.SUSPENDED) {
                percentSum += t.percent;
            }
            if (t.overdue(today)) {
                overdue++;
            }
        }
        int counted = tasks.size() - suspended;
        BigDecimal average = counted == 0 ? null
                : BigDecimal.valueOf(percentSum).divide(BigDecimal.valueOf(counted), 1, RoundingMode.HALF_UP);
        return new Figures(tasks.size(), completed, inProgress, notStarted, suspended, overdue, average);
    }
}
