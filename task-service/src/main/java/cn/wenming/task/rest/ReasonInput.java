package cn.wenming.task.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why a task is suspended. */
@Schema(name = "ReasonInput")
public record ReasonInput(@NotBlank @Size(max = 500) @Schema(example = "受疫情影响，活动暂缓举办") String reason) {
}
