package cn.wenming.task.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.task.domain.ProgressReport;

/** A progress report as the API shows it. */
@Schema(name = "ProgressReport")
public record ProgressView(
        @Schema(example = "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8") UUID id,
        @Schema(example = "9d8c7b6a-5f4e-4d3c-8b2a-1f0e9d8c7b6a") UUID taskId,
        @Schema(description = "The task's number in its plan", example = "1") int taskNumber,
        @Schema(example = "2020-06-30") LocalDate date,
        @Schema(example = "市文明办宣教处") String unit,
        @Schema(example = "60") int percent,
        @Schema(example = "已发布“北京榜样”月度人物 30 名，年度人物评选进入公示阶段") String text,
        @Schema(example = "评选日程因疫情顺延") String reason,
        @Schema(description = "Who posted it", example = "张明") String reportedBy,
        @Schema(example = "2020-06-30T17:05:00+08:00") OffsetDateTime createdAt) {

    static ProgressView of(ProgressReport r) {
        return new ProgressView(r.id, r.task.id, r.task.number, r.reportDate, r.unit, r.percent, r.text, r.reason, r.reportedBy,
                OfficeTime.of(r.createdAt));
    }
}
