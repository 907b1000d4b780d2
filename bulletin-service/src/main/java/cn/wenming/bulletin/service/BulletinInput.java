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

/**
 * An issue as an editor writes it. Numbers, status, dates of the workflow and version belong to
 * the server; a historical back issue with its printed numbers is {@link HistoricalInput}.
 */
@Schema(name = "BulletinInput")
public record BulletinInput(
        @NotNull @Schema(description = "The series", example = "3f2b8c1e-0d4a-4b8e-9a61-5f0c2d7e9b10") UUID seriesId,
        @Schema(description = "The printed date; its year is the year of the issue number. Set to today (Asia/Shanghai) at publication when empty", example = "2020-04-24") LocalDate issueDate,
        @Size(max = 50) @Schema(description = "责编", example = "梅雪峰") String editor,
        @Size(max = 50) @Schema(description = "核稿", example = "田文松") String reviewer,
        @Min(1) @Max(1_000_000) @Schema(description = "印数", example = "300") Integer printRun,
        @Valid @Size(max = 50) @Schema(description = "The articles in order, at most 50") List<@NotNull ArticleInput> articles,
        @Schema(description = "Recipient group names per part: REPORT 报, SEND 送, ISSUE 发",
                example = "{\"REPORT\":[\"中央文明办\",\"首都文明委主任、副主任\"],\"SEND\":[\"首都文明委委员\"],\"ISSUE\":[\"各区文明办\"]}")
        Map<@NotNull DistributionPart, @Size(max = 100) List<@NotBlank @Size(max = 100) String>> distribution,
        @Schema(description = "Ids of distribution-service lists per part")
        Map<@NotNull DistributionPart, @Size(max = 30) List<@NotNull UUID>> distributionLists,
        @Size(max = 100) @Schema(description = "本期增发: one-off recipients of this issue", example = "[\"北京日报社\"]")
        List<@NotBlank @Size(max = 100) String> additions) {
}
