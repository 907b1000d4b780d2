package cn.wenming.task.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.wenming.task.domain.ChineseNumerals;
import cn.wenming.task.service.PlanTextParser.ParsedTask;
import cn.wenming.task.service.PlanTextParser.Warning;
import cn.wenming.task.service.PlanImportService.Imported;

/** What an import read from a plan's text, and the plan it stored ({@code planId}, when committed). */
@Schema(name = "PlanImport")
public record ImportView(
        @Schema(description = "Whether the plan was stored (?commit=true)", example = "false") boolean committed,
        @Schema(description = "The stored DRAFT plan, when committed") UUID planId,
        @Schema(description = "From the title, or ?year=", example = "2020") Integer year,
        @Schema(example = "2020年首都精神文明建设工作") String title,
        @Schema(example = "聚焦四个方面 23项重点任务") String summary,
        @Schema(description = "The text between the title and the first area (not stored)",
                example = "2020年是全面建成小康社会和“十三五”规划收官之年……不断提升市民文明素质和社会文明水平。") String preamble,
        @Schema(description = "The source at the end, as in (本刊)", example = "本刊") String source,
        @Schema(description = "The count of areas the text claims (四个方面)", example = "4") Integer claimedAreas,
        @Schema(description = "The count of tasks the text claims (23项)", example = "23") Integer claimedTasks,
        @Schema(example = "4") int areaCount,
        @Schema(example = "23") int taskCount,
        List<Area> areas,
        @Schema(description = "What does not add up; empty for a clean text") List<Warning> warnings) {

    @Schema(name = "ImportedArea")
    public record Area(
            @Schema(example = "1") int seq,
            @Schema(example = "第一") String ordinal,
            @Schema(example = "深入推进新时代公民道德建设工程") String title,
            @Schema(example = "围绕培育和践行社会主义核心价值观,以道德典型选树学习宣传为重点,不断完善选树机制,进一步推动形成崇德向善、见贤思齐的浓厚社会氛围。")
            String description,
            List<ParsedTask> tasks) {
    }

    static ImportView of(Imported imported) {
        var p = imported.parsed();
        return new ImportView(imported.plan() != null, imported.plan() == null ? null : imported.plan().id, imported.year(),
                p.title(), p.summary(), p.preamble(), p.source(), p.claimedAreas(), p.claimedTasks(), p.areas().size(), p.taskCount(),
                p.areas().stream().map(a -> new Area(a.seq(), ChineseNumerals.ordinal(a.seq()), a.title(), a.description(), a.tasks())).toList(),
                p.warnings());
    }
}
