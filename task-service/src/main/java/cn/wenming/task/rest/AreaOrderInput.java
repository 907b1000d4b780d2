package cn.wenming.task.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The new order of a draft's areas: every area id, each once. */
@Schema(name = "AreaOrder")
public record AreaOrderInput(
        @NotEmpty @Schema(example = "[\"2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e\",\"1a6b0c2d-3e4f-4a5b-9c6d-7e8f9a0b1c2d\"]")
        List<@NotNull UUID> areaIds) {
}
