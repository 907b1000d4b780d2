package cn.wenming.task.rest;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.wenming.task.domain.Figures;
import cn.wenming.task.domain.Task;
import cn.wenming.task.service.SupervisionService.Snapshot;

/** How a plan stands: for the whole plan and per area ({@link #of}), or per lead unit ({@link #byUnit}). */
@Schema(name = "PlanSummary")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SummaryView(
        @Schema(example = "7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f") UUID planId,
        @Schema(example = "2020") int year,
        @Schema(example = "2020年首都精神文明建设工作") String title,
        @Schema(description = "The day (Asia/Shanghai) overdue is reckoned for", example = "2020-06-30") LocalDate asOf,
        @Schema(description = "The whole plan (absent in the per-unit view)") Figures plan,
        @Schema(description = "Per area, in order (absent in the per-unit view)") List<AreaFigures> areas,
        @Schema(description = "Per lead unit, by name; tasks without one under leadUnit null (absent in the per-area view)") List<UnitFigures> units) {

    @Schema(name = "AreaFigures")
    public record AreaFigures(
            @Schema(example = "2b7c1d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e") UUID areaId,
            @Schema(example = "1") int seq,
            @Schema(example = "第一") String ordinal,
            @Schema(example = "深入推进新时代公民道德建设工程") String title,
            Figures figures) {
    }

    @Schema(name = "UnitFigures")
    public record UnitFigures(@Schema(example = "市文明办宣教处") String leadUnit, Figures figures) {
    }

    static SummaryView of(Snapshot s) {
        var areas = s.areas().stream().map(a -> new AreaFigures(a.id, a.seq, a.ordinal(), a.title,
                Figures.of(s.tasks().stream().filter(t -> t.area.id.equals(a.id)).toList(), s.today()))).toList();
        return new SummaryView(s.plan().id, s.plan().year, s.plan().title, s.today(), Figures.of(s.tasks(), s.today()), areas, null);
    }

    /** Per lead unit, or only {@code leadUnit}'s figures when given. */
    static SummaryView byUnit(Snapshot s, String leadUnit) {
        Map<String, List<Task>> byUnit = s.tasks().stream()
                .filter(t -> leadUnit == null || leadUnit.equals(t.leadUnit))
                .collect(Collectors.groupingBy(t -> Objects.requireNonNullElse(t.leadUnit, ""), TreeMap::new, Collectors.toList()));
        var units = byUnit.entrySet().stream()
                .map(e -> new UnitFigures(e.getKey().isEmpty() ? null : e.getKey(), Figures.of(e.getValue(), s.today())))
                .sorted(Comparator.comparing(u -> u.leadUnit() == null ? "\uFFFF" : u.leadUnit()))
                .toList();
        return new SummaryView(s.plan().id, s.plan().year, s.plan().title, s.today(), null, null, units);
    }
}
