package cn.wenming.honors.service;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.Gender;
import cn.wenming.honors.domain.RecipientKind;

/** Who receives an honor: a person (name, gender, work unit) or a body (name and kind). */
@Schema(name = "RecipientInput", description = "A person (kind PERSON, with gender and work unit) or a body (UNIT, STREET, COMMUNITY, VILLAGE, FAMILY, CAMPUS)")
public record RecipientInput(
        @NotNull @Schema(example = "PERSON") RecipientKind kind,
        @NotBlank @Size(max = 100) @Schema(example = "张秀英") String name,
        @Schema(description = "Required for a PERSON; not for a body", example = "FEMALE") Gender gender,
        @Size(max = 100) @Schema(description = "A person's work unit (工作单位); not for a body", example = "朝阳区和平街街道樱花园社区居委会") String workUnit) {
}
