package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.HonorStatus;

/** A decision document and how many of its honors stand in each status. */
@Schema(name = "DecisionDocument")
public record DecisionDocumentView(
        @Schema(example = "9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13") UUID id,
        @Schema(example = "关于表彰第七届首都道德模范的决定") String title,
        @Schema(example = "京文明委〔2020〕3号") String number,
        @Schema(example = "2020-04-17") LocalDate issuedOn,
        @Schema(example = "首都精神文明建设委员会") String issuer,
        @Schema(example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12") UUID programId,
        @Schema(example = "首都道德模范") String programName,
        @Schema(description = "Its honors per status", example = "{\"CONFERRED\":58}") Map<HonorStatus, Long> honors,
        @Schema(example = "梅雪峰") String createdBy,
        @Schema(example = "2020-04-17T09:00:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-17T10:00:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "1") long version) {

    static DecisionDocumentView of(DecisionDocument d, Map<HonorStatus, Long> honors) {
        return new DecisionDocumentView(d.id, d.title, d.number, d.issuedOn, d.issuer,
                d.program == null ? null : d.program.id, d.program == null ? null : d.program.name, honors,
                d.createdBy, OfficeTime.of(d.createdAt), OfficeTime.of(d.updatedAt), d.version);
    }
}
