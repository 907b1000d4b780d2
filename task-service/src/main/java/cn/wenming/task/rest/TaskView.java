package cn.wenming.task.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.domain.Task;
import cn.wenming.task.domain.TaskStatus;

/** A key task as the API shows it; {@code overdue} is worked out for today in Asia/Shanghai. */
@Schema(name = "Task")
public record TaskView(
        @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID id,
        @Schema(example = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f") UUID planId,
        @Schema(description = "The plan's year", example = "2020") int year,
        @Schema(example = "2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e") UUID areaId,
        @Schema(example = "第一") String areaOrdinal,
        @Schema(description = "1..N across the plan; frozen once the plan is ACTIVE", example = "1") int number,
        @Schema(example = "依托“北京榜样”传播道德力量") String title,
        @Schema(example = "做好“北京榜样”年度人物评选和宣传") String description,
        @Schema(example = "市文明办宣教处") String leadUnit,
        @Schema(example = "[\"市委宣传部\",\"各区文明办\"]") List<String> coUnits,
        @Schema(example = "2020-12-31") LocalDate dueDate,
        @Schema(example = "IN_PROGRESS") TaskStatus status,
        @Schema(description = "Why it was suspended", example = "受疫情影响，活动暂缓举办") String statusReason,
        @Schema(description = "From the latest progress report", example = "60") int percent,
        @Schema(example = "2020-06-30") LocalDate lastReportDate,
        @Schema(description = "Due date passed (Asia/Shanghai) and not COMPLETED", example = "false") boolean overdue,
        @Schema(example = "2020-04-24T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-06-30T17:05:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "3") long version) {

    static TaskView of(Task t, LocalDate today) {
        return new TaskView(t.id, t.plan.id, t.plan.year, t.area.id, t.area.ordinal(), t.number, t.title, t.description,
                t.leadUnit, List.copyOf(t.coUnits), t.dueDate, t.status, t.statusReason, t.percent, t.lastReportDate,
                t.overdue(today), OfficeTime.of(t.createdAt), OfficeTime.of(t.updatedAt), t.version);
    }
}
