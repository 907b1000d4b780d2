package cn.wenming.task.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.task.domain.PlanArea;

/** An area (方面) as the API shows it. */
@Schema(name = "Area")
public record AreaView(
        @Schema(example = "2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e") UUID id,
        @Schema(example = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f") UUID planId,
        @Schema(description = "Place in the plan, 1 = 第一", example = "1") int seq,
        @Schema(example = "第一") String ordinal,
        @Schema(example = "深入推进新时代公民道德建设工程") String title,
        @Schema(example = "围绕培育和践行社会主义核心价值观,以道德典型选树学习宣传为重点,不断完善选树机制,进一步推动形成崇德向善、见贤思齐的浓厚社会氛围。")
        String description,
        @Schema(example = "0") long version) {

    static AreaView of(PlanArea a) {
        return new AreaView(a.id, a.plan.id, a.seq, a.ordinal(), a.title, a.description, a.version);
    }
}
