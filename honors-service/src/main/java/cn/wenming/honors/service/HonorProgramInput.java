package cn.wenming.honors.service;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;

/**
 * What a client may set on an honor program; id, timestamps and version are the server's. The
 * rules across fields (distinct categories, a term for unit titles only) are the service's.
 */
@Schema(name = "HonorProgramInput", description = "An honor program as a client writes it")
public record HonorProgramInput(
        @NotBlank @Size(max = 100) @Schema(description = "Unique", example = "首都道德模范") String name,
        @NotNull @Schema(example = "PERSON") RecipientKind recipientKind,
        @NotNull @Schema(description = "SESSION (届) or YEAR (年度)", example = "SESSION") PeriodKind periodKind,
        @Size(max = 20) @Schema(description = "Distinct, in order; may be empty or absent",
                example = "[\"助人为乐\", \"见义勇为\", \"诚实守信\", \"敬业奉献\", \"孝老爱亲\"]")
        List<@NotBlank @Size(max = 30) String> categories,
        @Size(max = 2) @Schema(description = "The levels it awards, distinct: AWARD (the honor) and NOMINATION (提名奖); AWARD alone when absent",
                example = "[\"AWARD\", \"NOMINATION\"]")
        List<@NotNull HonorLevel> levels,
        @Min(1) @Max(10) @Schema(description = "Years a unit title lasts; not for PERSON programs", example = "3")
        Integer termYears) {
}
