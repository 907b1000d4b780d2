package cn.wenming.honors.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.ReviewOutcome;

/** A review (复查) of a unit title: renewed for another term, or lapsed. */
@Schema(name = "ReviewInput")
public record ReviewInput(
        @NotNull @Schema(example = "RENEWED") ReviewOutcome outcome,
        @Size(max = 1000) @Schema(example = "2023年复查合格，保留“文明单位”称号") String note) {
}
