package cn.wenming.bulletin.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.bulletin.domain.DistributionPart;

/** A back issue entered with its printed numbers (admin only); it is stored as PUBLISHED. */
@Schema(name = "HistoricalInput")
public record HistoricalInput(
        @NotNull @Schema(example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID seriesId,
        @NotNull @Min(1) @Max(9999) @Schema(description = "第N期 within the issue date's year", example = "17") Integer issueNo,
        @NotNull @Min(1) @Max(999999) @Schema(description = "总第N期", example = "2126") Integer cumulativeNo,
        @NotNull @Schema(example = "2020-04-24") LocalDate issueDate,
        @Size(max = 50) @Schema(example = "梅雪峰") String editor,
        @Size(max = 50) @Schema(example = "田文松") String reviewer,
        @Min(1) @Max(1_000_000) Integer printRun,
        @Valid @Size(max = 50) List<@NotNull ArticleInput> articles,
        Map<@NotNull DistributionPart, @Size(max = 100) List<@NotBlank @Size(max = 100) String>> distribution,
        Map<@NotNull DistributionPart, @Size(max = 30) List<@NotNull UUID>> distributionLists,
        @Size(max = 100) List<@NotBlank @Size(max = 100) String> additions) {

    /** The content, as a draft would carry it. */
    public BulletinInput content() {
        return new BulletinInput(seriesId, issueDate, editor, reviewer, printRun, articles, distribution, distributionLists, additions);
    }
}
