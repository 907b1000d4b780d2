package cn.wenming.task.service;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A key task as an editor writes it. Its number, status and percent are the server's. */
@Schema(name = "TaskInput")
public record TaskInput(
        @NotNull @Schema(description = "The area (方面) of the plan the task belongs to", example = "2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e") UUID areaId,
        @Min(1) @Schema(description = "DRAFT only: the number (1..N across the plan, within the task's area) to insert the task at, or "
                + "on an edit to move it to; the tasks from there on move down one. Default: after the last task of its area "
                + "(in an ACTIVE plan: the next free number)", example = "5") Integer position,
        @NotBlank @Size(max = 500) @Schema(example = "依托“北京榜样”传播道德力量") String title,
        @Size(max = 4000) @Schema(example = "做好“北京榜样”年度人物评选和宣传") String description,
        @Size(max = 100) @Schema(description = "牵头单位: the unit that reports progress", example = "市文明办宣教处") String leadUnit,
        @Size(max = 20) @Schema(description = "配合单位: they may report too", example = "[\"市委宣传部\",\"各区文明办\"]")
        List<@NotBlank @Size(max = 100) String> coUnits,
        @Schema(description = "完成时限; the task is overdue once the day has passed in Asia/Shanghai", example = "2020-12-31") LocalDate dueDate) {
}
