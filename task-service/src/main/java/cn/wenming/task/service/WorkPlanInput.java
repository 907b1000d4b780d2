package cn.wenming.task.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a client may set on a work plan; id, status, timestamps and version are the server's. */
@Schema(name = "WorkPlanInput", description = "A work plan as a client writes it")
public record WorkPlanInput(
        @NotNull @Min(value = 2000, message = YEAR_RANGE) @Max(value = 2100, message = YEAR_RANGE)
        @Schema(example = "2020", minimum = "2000", maximum = "2100") Integer year,
        @NotBlank @Size(max = 200) @Schema(example = "2020年首都精神文明建设工作") String title,
        @Size(max = 500) @Schema(example = "聚焦四个方面 23项重点任务") String summary) {

    /** The message of a year outside 2000..2100, for every input that carries a year. */
    public static final String YEAR_RANGE = "必须在 2000 到 2100 之间 (must be from 2000 to 2100)";
}
