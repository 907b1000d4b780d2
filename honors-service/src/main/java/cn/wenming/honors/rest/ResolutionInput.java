package cn.wenming.honors.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.ObjectionResolution;

/** How an objection is settled: UPHELD withdraws the nomination, DISMISSED lets it proceed. */
@Schema(name = "ResolutionInput")
public record ResolutionInput(
        @NotNull @Schema(example = "DISMISSED") ObjectionResolution resolution,
        @NotBlank @Size(max = 1000) @Schema(example = "经核实，服务时长有街道志愿服务记录为证，异议不成立") String note) {
}
