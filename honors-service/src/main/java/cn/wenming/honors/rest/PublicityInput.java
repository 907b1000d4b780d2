package cn.wenming.honors.rest;

import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The publicity window (公示期): both days included, at least 5 days. */
@Schema(name = "PublicityInput")
public record PublicityInput(
        @NotNull @Schema(example = "2020-03-20") LocalDate startDate,
        @NotNull @Schema(description = "Inclusive; at least startDate + 4 days", example = "2020-03-26") LocalDate endDate) {
}
