package cn.wenming.task.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.seed.Seed;
import cn.wenming.task.rest.WorkPlanInput;
import io.quarkus.runtime.StartupEvent;

/** Loads task-service's part of the seed at start: the 2020 work plan (its areas and tasks come later). */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    @Inject
    Seed seed;

    @Inject
    WorkPlanService plans;

    void onStart(@Observes StartupEvent start) {
        seed.expected().ifPresent(this::load);
    }

    /**
     * Creates the seed's plan in its own transaction (the service's). When its year already has a
     * plan (a restart, or another replica was first) the service answers 409 and nothing changes.
     */
    void load(JsonNode expected) {
        JsonNode p = expected.path("workPlan");
        int year = p.path("year").asInt(0);
        String title = p.path("title").asText("");
        if (year == 0 || title.isBlank()) {
            LOG.warn("seed: no workPlan with a year and a title: nothing loaded");
            return;
        }
        try {
            plans.create(new WorkPlanInput(year, title, p.path("summary").asText(null)));
            LOG.infof("seed: work plan %d %s loaded", year, title);
        } catch (ProblemException e) {
            if (e.type() != ProblemType.CONFLICT) {
                throw e;
            }
            LOG.debugf("seed: work plan %d already there", year);
        }
    }
}
