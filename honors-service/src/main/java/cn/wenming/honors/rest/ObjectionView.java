package cn.wenming.honors.rest;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.Objection;
import cn.wenming.honors.domain.ObjectionResolution;

/** An objection as the staff see it; never public. */
@Schema(name = "Objection")
public record ObjectionView(
        @Schema(example = "6e1f0a2b-8c3d-4e5f-9a0b-1c2d3e4f5a6b") UUID id,
        @Schema(example = "2b7d9e14-3c5a-4f81-9d6e-0a1b2c3d4e5f") UUID honorId,
        @Schema(example = "2020-03-23") LocalDate receivedOn,
        @Schema(description = "Absent when anonymous", example = "李建国") String objector,
        @Schema(example = "true") boolean anonymous,
        @Schema(example = "13800000000") String objectorContact,
        @Schema(example = "反映被提名人所述志愿服务时长与实际不符") String content,
        @Schema(description = "Absent while open") ObjectionResolution resolution,
        @Schema(example = "经核实，服务时长有街道志愿服务记录为证，异议不成立") String resolutionNote,
        @Schema(example = "田文松") String resolvedBy,
        OffsetDateTime resolvedAt,
        @Schema(example = "梅雪峰") String recordedBy,
        OffsetDateTime createdAt) {

    static ObjectionView of(Objection o) {
        return new ObjectionView(o.id, o.honorId, o.receivedOn, o.objector, o.objector == null, o.objectorContact, o.content,
                o.resolution, o.resolutionNote, o.resolvedBy, OfficeTime.of(o.resolvedAt), o.recordedBy, OfficeTime.of(o.createdAt));
    }
}
