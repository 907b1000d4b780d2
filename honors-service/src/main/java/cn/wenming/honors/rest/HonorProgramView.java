package cn.wenming.honors.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.common.web.OfficeTime;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;

/** An honor program as the API shows it. */
@Schema(name = "HonorProgram")
public record HonorProgramView(
        @Schema(example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12") UUID id,
        @Schema(example = "首都道德模范") String name,
        RecipientKind recipientKind,
        PeriodKind periodKind,
        @Schema(example = "[\"助人为乐\", \"见义勇为\", \"诚实守信\", \"敬业奉献\", \"孝老爱亲\"]") List<String> categories,
        @Schema(description = "AWARD (the honor) and, for some programs, NOMINATION (提名奖)", example = "[\"AWARD\", \"NOMINATION\"]")
        List<HonorLevel> levels,
        @Schema(description = "Years a unit title lasts; null for PERSON programs", example = "3") Integer termYears,
        @Schema(example = "2020-04-17T09:30:00+08:00") OffsetDateTime createdAt,
        @Schema(example = "2020-04-17T09:30:00+08:00") OffsetDateTime updatedAt,
        @Schema(example = "0") long version) {

    static HonorProgramView of(HonorProgram p) {
        return new HonorProgramView(p.id, p.name, p.recipientKind, p.periodKind, List.copyOf(p.categories),
                List.copyOf(p.levels), p.termYears, OfficeTime.of(p.createdAt), OfficeTime.of(p.updatedAt), p.version);
    }
}
