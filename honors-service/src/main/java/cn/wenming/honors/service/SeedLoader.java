package cn.wenming.honors.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import cn.wenming.common.problem.ProblemException;
import cn.wenming.common.problem.ProblemType;
import cn.wenming.common.seed.Seed;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.domain.PeriodKind;
import cn.wenming.honors.domain.RecipientKind;
import io.quarkus.runtime.StartupEvent;

/**
 * Loads honors-service's part of the seed at start: the programs the seed bulletin mentions
 * (首都道德模范 with its categories and its 提名奖, 北京榜样, the back-street advanced typical units),
 * the five creation titles, and the two decision documents announced on 2020-04-17. A program
 * whose name exists, or a document with the same title and date, is skipped. Each program is created in a
 * transaction of its own, so a replica starting at the same time that wins a name only makes this
 * one skip it.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    /** What the seed does not say about the programs it mentions: who receives them, and how often. */
    private record Profile(RecipientKind recipientKind, PeriodKind periodKind, boolean moralModel) {
    }

    private static final Map<String, Profile> MENTIONED = Map.of(
            "首都道德模范", new Profile(RecipientKind.PERSON, PeriodKind.SESSION, true),
            "北京榜样", new Profile(RecipientKind.PERSON, PeriodKind.YEAR, false),
            "背街小巷环境整治提升和深化文明创建先进典型", new Profile(RecipientKind.UNIT, PeriodKind.YEAR, false));

    /** Who holds each creation title; every one is named yearly and held for {@link #CREATION_TERM_YEARS} years. */
    private static final Map<String, RecipientKind> CREATION_HOLDERS = Map.of(
            "文明城区", RecipientKind.UNIT,
            "文明村镇", RecipientKind.VILLAGE,
            "文明单位", RecipientKind.UNIT,
            "文明家庭", RecipientKind.FAMILY,
            "文明校园", RecipientKind.CAMPUS);

    static final int CREATION_TERM_YEARS = 3;

    /** Who the record names as having entered what the seed loads. */
    static final String SEED_ACTOR = "seed";

    @Inject
    Seed seed;

    @Inject
    HonorProgramService programs;

    @Inject
    DecisionDocumentService documents;

    void onStart(@Observes StartupEvent start) {
        seed.expected().ifPresent(this::load);
    }

    void load(JsonNode expected) {
        JsonNode honors = expected.path("honors");
        for (HonorProgramInput program : programsOf(honors)) {
            if (HonorProgram.nameTaken(program.name())) {
                continue;
            }
            try {
                programs.create(program);
                LOG.infof("seed: honor program %s loaded", program.name());
            } catch (ProblemException e) {
                if (e.type() != ProblemType.CONFLICT) {
                    throw e;
                }
                LOG.infof("seed: honor program %s was loaded meanwhile", program.name());
            }
        }
        for (DecisionDocumentInput document : documentsOf(honors)) {
            if (DecisionDocument.count("title = ?1 and issuedOn = ?2", document.title(), document.issuedOn()) > 0) {
                continue;
            }
            documents.create(document, SEED_ACTOR);
            LOG.infof("seed: decision document %s loaded", document.title());
        }
    }

    /**
     * The decision documents the seed's mentions name, dated the day they were announced, each for
     * the program it mentions. The seed gives no document numbers, so they have none.
     */
    static List<DecisionDocumentInput> documentsOf(JsonNode honors) {
        List<DecisionDocumentInput> found = new ArrayList<>();
        honors.path("mentions").forEach(m -> {
            String title = m.path("decisionDocument").asText("").strip();
            String announced = m.path("announcedOn").asText("");
            if (title.isEmpty() || announced.isEmpty()) {
                return;
            }
            HonorProgram program = HonorProgram.find("name", m.path("program").asText("").strip()).firstResult();
            found.add(new DecisionDocumentInput(title, null, LocalDate.parse(announced), null, program == null ? null : program.id));
        });
        return found;
    }

    /** The programs of the seed's {@code honors} part, in the order it names them. */
    static List<HonorProgramInput> programsOf(JsonNode honors) {
        List<HonorProgramInput> found = new ArrayList<>();
        Set<String> mentioned = new LinkedHashSet<>();
        honors.path("mentions").forEach(m -> mentioned.add(m.path("program").asText("").strip()));
        List<String> moralModelCategories = new ArrayList<>();
        honors.path("moralModelCategories").forEach(c -> moralModelCategories.add(c.asText()));
        for (String name : mentioned) {
            Profile profile = MENTIONED.get(name);
            if (profile == null) {
                LOG.warnf("seed: honor program %s is mentioned but its kind is not known here: not loaded", name);
                continue;
            }
            found.add(new HonorProgramInput(name, profile.recipientKind(), profile.periodKind(),
                    profile.moralModel() ? moralModelCategories : List.of(),
                    profile.moralModel() ? List.of(HonorLevel.AWARD, HonorLevel.NOMINATION) : List.of(HonorLevel.AWARD), null));
        }
        honors.path("creationPrograms").forEach(node -> {
            String name = node.asText("").strip();
            RecipientKind holder = CREATION_HOLDERS.get(name);
            if (holder == null) {
                LOG.warnf("seed: creation title %s has no known holder kind: not loaded", name);
                return;
            }
            found.add(new HonorProgramInput(name, holder, PeriodKind.YEAR, List.of(), List.of(HonorLevel.AWARD), CREATION_TERM_YEARS));
        });
        return found;
    }
}
