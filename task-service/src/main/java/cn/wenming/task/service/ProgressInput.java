package cn.wenming.task.service;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A progress report as a lead (or co-operating) unit writes it. */
@Schema(name = "ProgressInput")
public record ProgressInput(
        @Schema(description = "The day reported on; default today (Asia/Shanghai). Not in the future, not before the latest report",
                example = "2020-06-30") LocalDate date,
        @NotBlank @Size(max = 100) @Schema(description = "The reporting unit: the task's lead unit or a co-operating unit", example = "市文明办宣教处") String unit,
        @NotNull @Min(0) @Max(100) @Schema(description = "Percent complete, 0..100; 100 completes the task", example = "60") Integer percent,
        @NotBlank @Size(max = 2000) @Schema(example = "已发布“北京榜样”月度人物 30 名，年度人物评选进入公示阶段") String text,
        @Size(max = 500) @Schema(description = "Required when the percent is lower than the task's current one", example = "评选日程因疫情顺延")
        String reason) {
}
