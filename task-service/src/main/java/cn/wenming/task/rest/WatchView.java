package cn.wenming.task.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.task.domain.TaskStatus;
import cn.wenming.task.service.SupervisionService.Watch;

/** A task on the supervision list (督办), and why. */
@Schema(name = "SupervisedTask")
public record WatchView(
        @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID taskId,
        @Schema(example = "8") int number,
        @Schema(example = "紧抓“礼让斑马线专项行动”,构建和谐顺畅的交通环境") String title,
        @Schema(example = "第二") String areaOrdinal,
        @Schema(example = "市文明办城市文明处") String leadUnit,
        @Schema(example = "2020-06-30") LocalDate dueDate,
        @Schema(example = "IN_PROGRESS") TaskStatus status,
        @Schema(example = "40") int percent,
        @Schema(example = "2020-05-10") LocalDate lastReportDate,
        @Schema(description = "Due date passed and not COMPLETED", example = "true") boolean overdue,
        @Schema(description = "No report for the stalled-after days", example = "true") boolean stalled,
        @Schema(description = "Days since the last report (or since the plan or task became active)", example = "51") long quietDays,
        @Schema(description = "The day it came under supervision: the list is oldest first", example = "2020-06-09") LocalDate since) {

    static WatchView of(Watch w) {
        var t = w.task();
        return new WatchView(t.id, t.number, t.title, t.area.ordinal(), t.leadUnit, t.dueDate, t.status, t.percent, t.lastReportDate,
                w.overdue(), w.stalled(), w.quietDays(), w.since());
    }
}
