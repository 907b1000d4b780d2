package cn.wenming.task.service;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One row of a bulk progress report: the task's number in the plan, then a {@link ProgressInput}. */
@Schema(name = "BulkProgressRow")
public record BulkProgressRow(
        @NotNull @Min(1) @Schema(description = "The task's number in the plan, as in (5)", example = "5") Integer number,
        @Schema(example = "2020-06-30") LocalDate date,
        @NotBlank @Size(max = 100) @Schema(example = "市文明办宣教处") String unit,
        @NotNull @Min(0) @Max(100) @Schema(example = "60") Integer percent,
        @NotBlank @Size(max = 2000) @Schema(example = "《北京市文明行为促进条例》宣传解读已覆盖全市 16 个区") String text,
        @Size(max = 500) @Schema(example = "评选日程因疫情顺延") String reason) {

    public ProgressInput report() {
        return new ProgressInput(date, unit, percent, text, reason);
    }
}
