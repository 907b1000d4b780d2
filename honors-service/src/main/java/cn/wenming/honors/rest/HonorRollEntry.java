package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.Honor;
import cn.wenming.honors.domain.HonorLevel;

/**
 * An honor on the public roll: what is printed when it is conferred, and nothing else (no
 * status, nominator, contact, objections, publicity or reasons).
 */
@Schema(name = "HonorRollEntry", description = "A conferred, unrevoked, unexpired honor as the public sees it")
public record HonorRollEntry(
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
        @Schema(example = "2020-04-17") LocalDate conferredOn,
        @Schema(description = "For a unit title: the day it lapses", example = "2023-04-17") LocalDate expiresOn,
        DocumentRef decisionDocument) {

    static HonorRollEntry of(Honor h) {
        return new HonorRollEntry(h.id, h.program.id, h.program.name, h.session, h.year, h.category, h.level,
                RecipientView.of(h), h.district, h.citation, h.conferredOn, h.expiresOn, DocumentRef.of(h.decisionDocument));
    }
}
