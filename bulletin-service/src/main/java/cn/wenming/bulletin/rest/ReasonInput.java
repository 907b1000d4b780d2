package cn.wenming.bulletin.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an issue is returned to its editor or recalled. */
@Schema(name = "ReasonInput")
public record ReasonInput(@NotBlank @Size(max = 500) @Schema(example = "第二篇文章标题需与工作要点一致") String reason) {
}
