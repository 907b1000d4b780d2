package cn.wenming.task.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The year a plan is copied into; title and summary default to the source's (its year in the title replaced). */
@Schema(name = "CopyInput")
public record CopyInput(
        @NotNull @Min(value = 2000, message = WorkPlanInput.YEAR_RANGE) @Max(value = 2100, message = WorkPlanInput.YEAR_RANGE)
        @Schema(example = "2021", minimum = "2000", maximum = "2100") Integer year,
        @Size(max = 200) @Schema(description = "Default: the source's title with its year replaced", example = "2021年首都精神文明建设工作") String title,
        @Size(max = 500) @Schema(description = "Default: the source's summary", example = "聚焦四个方面 23项重点任务") String summary) {
}
