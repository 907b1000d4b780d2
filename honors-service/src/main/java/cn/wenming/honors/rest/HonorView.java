package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorStatus;

/** An honor as the staff see it, with its lifecycle; the public roll shows {@link HonorRollEntry}. */
@Schema(name = "Honor")
public record HonorView(
        @Schema(example = "2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f") UUID id,
        @Schema(example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12") UUID programId,
        @Schema(example = "首都道德模范") String programName,
        @Schema(example = "7") Integer session,
        @Schema(example = "2020") Integer year,
        @Schema(example = "助人为乐") String category,
        HonorLevel level,
        RecipientView recipient,
        @Schema(example = "朝阳区") String district,
        @Schema(example = "十余年如一日照料社区孤寡老人，组建“樱花志愿服务队”，带动两百余名居民参与邻里互助。") String citation,
        @Schema(example = "朝阳区文明办") String nominatedBy,
        @Schema(example = "010-65000000") String contact,
        HonorStatus status,
        @Schema(description = "公示 from", example = "2020-03-20") LocalDate publicityStart,
        @Schema(description = "公示 to, inclusive", example = "2020-03-26") LocalDate publicityEnd,
        DocumentRef decisionDocument,
        @Schema(description = "The decision document's date", example = "2020-04-17") LocalDate conferredOn,
        @Schema(description = "For a unit title: the day it lapses (held until the day before)", example = "2023-04-17") LocalDate expiresOn,
        @Schema(description = "Whether a unit title has lapsed (Asia/Shanghai today)", example = "false") boolean expired,
        @Schema(description = "The last review (复查)", example = "2023-03-01") LocalDate lastReviewedOn,
        @Schema(example = "本人申请撤回提名") String withdrawalReason,
        @Schema(example = "本人存在严重违法行为，经首都文明委研究决定撤销称号") String revocationReason,
        @Schema(description = "Objections not yet resolved", example = "0") int openObjections,
        @Schema(example = "梅雪峰") String createdBy,
        @Schema(example = "2020-03-10T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-17T10:00:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "3") long version) {

    static HonorView of(Honor h, LocalDate today) {
        return new HonorView(h.id, h.program.id, h.program.name, h.session, h.year, h.category, h.level,
                RecipientView.of(h), h.district, h.citation, h.nominatedBy, h.contact, h.status,
                h.publicityStart, h.publicityEnd, DocumentRef.of(h.decisionDocument), h.conferredOn, h.expiresOn,
                h.expired(today), h.lastReviewedOn, h.withdrawalReason, h.revocationReason, h.openObjections,
                h.createdBy, OfficeTime.of(h.createdAt), OfficeTime.of(h.updatedAt), h.version);
    }
}
