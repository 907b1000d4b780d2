package cn.wenming.honors.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Why an honor is withdrawn or revoked; kept on record. */
@Schema(name = "ReasonInput")
public record ReasonInput(@NotBlank @Size(max = 500) @Schema(example = "本人申请撤回提名") String reason) {
}
