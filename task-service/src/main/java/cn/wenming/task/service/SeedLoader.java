package cn.wenming.task.service;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.seed.Seed;
import cn.wenming.task.service.PlanTextParser.ParsedArea;
import cn.wenming.task.service.PlanTextParser.ParsedPlan;
import cn.wenming.task.service.PlanTextParser.ParsedTask;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads task-service's part of the seed at start, once: the 2020 work plan with its 4 areas and 23
 * tasks, as a DRAFT. They are read from the plan's article in the seed bulletin with the same
 * parser as {@code POST /api/v1/work-plans/imports} (so the areas get their descriptions); should
 * that text be missing or read otherwise than the seed's {@code workPlan} says, from that JSON.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    @Inject
    Seed seed;

    @Inject
    WorkPlanService plans;

    @Inject
    PlanImportService imports;

    void onStart(@Observes StartupEvent start) {
        seed.expected().ifPresent(this::load);
    }

    /**
     * Creates the plan in its own transaction (the service's), then gives it its areas and tasks if
     * it has none: when the year already has a plan (a restart, another replica was first, or a plan
     * loaded before areas existed) only what is missing is added, under the plan's row lock.
     */
    void load(JsonNode expected) {
        JsonNode p = expected.path("workPlan");
        int year = p.path("year").asInt(0);
        String title = p.path("title").asText("");
        if (year == 0 || title.isBlank()) {
            LOG.warn("seed: no workPlan with a year and a title: nothing loaded");
            return;
        }
        ParsedPlan parsed = fromText(title, p).orElseGet(() -> fromJson(p));
        try {
            imports.createFromText(parsed, year);
            LOG.infof("seed: work plan %d %s loaded with %d areas and %d tasks", year, title, parsed.areas().size(), parsed.taskCount());
        } catch (ProblemException e) {
            if (e.type() != ProblemType.CONFLICT) {
                throw e;
            }
            plans.findYear(year).filter(plan -> imports.completeFromText(plan.id, parsed))
                    .ifPresentOrElse(plan -> LOG.infof("seed: work plan %d given its %d areas and %d tasks", year, parsed.areas().size(),
                            parsed.taskCount()), () -> LOG.debugf("seed: work plan %d already there", year));
        }
    }

    /** The plan as its article in the seed bulletin reads, if it reads as the seed's JSON says. */
    private Optional<ParsedPlan> fromText(String title, JsonNode p) {
        Optional<Path> file = seed.file(Seed.BULLETIN_TEXT);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        try {
            ParsedPlan parsed = PlanTextParser.parse(article(Files.readString(file.get(), StandardCharsets.UTF_8), title));
            if (parsed.warnings().isEmpty() && parsed.areas().size() == p.path("areas").size()
                    && parsed.taskCount() == p.path("taskCount").asInt()) {
                return Optional.of(parsed);
            }
            LOG.warnf("seed: the plan's text reads otherwise than %s says (%s): loaded from the JSON", Seed.EXPECTED, parsed.warnings());
        } catch (IOException | ProblemException e) {
            LOG.warnf("seed: the plan's text cannot be read (%s): loaded from the JSON", e.getMessage());
        }
        return Optional.empty();
    }

    /** The article that starts with the line beginning with {@code title}, up to the editor's line (责编). */
    static String article(String bulletin, String title) {
        List<String> lines = bulletin.lines().toList();
        StringBuilder out = new StringBuilder();
        boolean in = false;
        for (String line : lines) {
            String l = line.strip();
            if (!in && l.startsWith(title)) {
                in = true;
            } else if (in && l.startsWith("责编")) {
                break;
            }
            if (in) {
                out.append(line).append('\n');
            }
        }
        return out.toString();
    }

    /** The plan as the seed's JSON gives it: areas and task titles, no descriptions. */
    private static ParsedPlan fromJson(JsonNode p) {
        List<ParsedArea> areas = new ArrayList<>();
        for (JsonNode a : p.path("areas")) {
            List<ParsedTask> tasks = new ArrayList<>();
            for (JsonNode t : a.path("tasks")) {
                tasks.add(new ParsedTask(t.path("number").asInt(), t.path("title").asText(), null));
            }
            areas.add(new ParsedArea(a.path("seq").asInt(), a.path("title").asText(), null, tasks));
        }
        return new ParsedPlan(p.path("year").asInt(), p.path("title").asText(), p.path("summary").asText(null), null, null,
                null, null, areas, List.of());
    }
}
