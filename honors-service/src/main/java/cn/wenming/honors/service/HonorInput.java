package cn.wenming.honors.service;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.HonorLevel;

/**
 * A nomination as a client writes it; id, status, dates of the lifecycle and version are the
 * server's. The rules that depend on the program (session or year, category, level, recipient
 * kind) and the district are checked by the service.
 */
@Schema(name = "HonorInput", description = "A nomination (提名)")
public record HonorInput(
        @NotNull @Schema(description = "The honor program", example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12") UUID programId,
        @Min(1) @Max(99) @Schema(description = "第N届: required for programs awarded by session, not for yearly ones", example = "7") Integer session,
        @Min(1949) @Max(2100) @Schema(description = "年度: required for yearly programs, optional for session ones", example = "2020") Integer year,
        @Size(max = 30) @Schema(description = "One of the program's categories; required when it has any, absent otherwise", example = "助人为乐") String category,
        @Schema(description = "AWARD (default) or NOMINATION (提名奖), among the program's levels", example = "AWARD") HonorLevel level,
        @NotNull @Valid RecipientInput recipient,
        @NotBlank @Schema(description = "One of Beijing's sixteen districts", example = "朝阳区") String district,
        @NotBlank @Size(max = 5000) @Schema(description = "事迹", example = "十余年如一日照料社区孤寡老人，组建“樱花志愿服务队”，带动两百余名居民参与邻里互助。") String citation,
        @Size(max = 100) @Schema(description = "推荐单位; not shown on the honor roll", example = "朝阳区文明办") String nominatedBy,
        @Size(max = 100) @Schema(description = "The nominee's contact; never shown on the honor roll", example = "010-65000000") String contact,
        @Schema(description = "The decision document that is to confer it; may be set later", example = "9c4e2a71-5b8d-4f36-a0e1-7d2c6b9f8a13") UUID decisionDocumentId) {
}
