package cn.wenming.honors.service;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many honors the roll holds under a filter, by district, by category and by program. */
@Schema(name = "HonorRollSummary")
public record HonorRollSummary(
        @Schema(example = "58") long total,
        @Schema(description = "All sixteen districts, in the city's order, with their counts (zero included)") List<DistrictCount> byDistrict,
        @Schema(description = "The categories that occur, most honors first; honors without a category are not counted here") List<CategoryCount> byCategory,
        @Schema(description = "The programs that occur, most honors first") List<ProgramCount> byProgram) {

    @Schema(name = "DistrictCount")
    public record DistrictCount(@Schema(example = "朝阳区") String district, @Schema(example = "6") long count) {
    }

    @Schema(name = "CategoryCount")
    public record CategoryCount(@Schema(example = "助人为乐") String category, @Schema(example = "12") long count) {
    }

    @Schema(name = "ProgramCount")
    public record ProgramCount(@Schema(example = "5d7c2a9e-1b3f-4c6d-8e0a-2f4b6c8d0e12") UUID programId,
            @Schema(example = "首都道德模范") String programName, @Schema(example = "58") long count) {
    }
}
