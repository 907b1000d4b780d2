package cn.wenming.honors.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Honors a decision document is to name. */
@Schema(name = "HonorIdsInput")
public record HonorIdsInput(
        @NotEmpty @Size(max = 500) @Schema(description = "Distinct; honors not yet conferred",
                example = "[\"2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f\"]") List<@NotNull UUID> honorIds) {
}
