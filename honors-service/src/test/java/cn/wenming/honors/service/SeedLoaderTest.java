package cn.wenming.honors.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.honors.domain.DecisionDocument;
import cn.wenming.honors.domain.HonorLevel;
import cn.wenming.honors.domain.HonorProgram;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(SuiteTestResource.class)
class SeedLoaderTest {

    @Inject
    SeedLoader loader;

    private static JsonNode seed() throws IOException {
        return new ObjectMapper().readTree(Path.of("../../shared/seed/bulletin-2020-17.expected.json").toFile());
    }

    @Test
    void loadingTheSeedAgainSkipsWhatExists() throws IOException {
        JsonNode seed = seed();
        List<HonorProgramInput> programs = SeedLoader.programsOf(seed.path("honors"));
        long before = HonorProgram.count();
        loader.load(seed);
        assertEquals(before, HonorProgram.count(), "a second load creates nothing");
        for (HonorProgramInput p : programs) {
            assertEquals(1, HonorProgram.count("name", p.name()), p.name() + " exists once");
        }
    }

    @Test
    @Transactional
    void theSeedLoadsItsTwoDecisionDocumentsOnce() throws IOException {
        JsonNode seed = seed();
        loader.load(seed);
        List<DecisionDocumentInput> documents = SeedLoader.documentsOf(seed.path("honors"));
        assertEquals(2, documents.size());
        for (DecisionDocumentInput d : documents) {
            DecisionDocument stored = DecisionDocument.find("title", d.title()).singleResult();
            assertEquals(LocalDate.of(2020, 4, 17), stored.issuedOn, d.title());
            assertNotNull(stored.program, d.title() + " names its program");
        }
        assertEquals("首都道德模范", DecisionDocument.<DecisionDocument>find("title", "关于表彰第七届首都道德模范的决定").singleResult().program.name);
        assertEquals("背街小巷环境整治提升和深化文明创建先进典型", DecisionDocument.<DecisionDocument>find("title",
                "关于命名背街小巷环境整治提升和深化文明创建先进典型的通报").singleResult().program.name);
    }

    @Test
    @Transactional
    void theMoralModelsHaveANominationAward() throws IOException {
        HonorProgramInput moralModels = SeedLoader.programsOf(seed().path("honors")).stream()
                .filter(p -> p.name().equals("首都道德模范")).findFirst().orElseThrow();
        assertEquals(List.of(HonorLevel.AWARD, HonorLevel.NOMINATION), moralModels.levels());
        assertEquals(List.of(HonorLevel.AWARD, HonorLevel.NOMINATION),
                HonorProgram.<HonorProgram>find("name", "首都道德模范").singleResult().levels);
    }

    @Test
    void theSeedNamesEightPrograms() throws IOException {
        JsonNode honors = seed().path("honors");
        List<String> names = SeedLoader.programsOf(honors).stream().map(HonorProgramInput::name).toList();
        assertEquals(3 + honors.path("creationPrograms").size(), names.size(), String.join(", ", names));
        honors.path("creationPrograms").forEach(c -> assertTrue(names.contains(c.asText()), c.asText()));
        honors.path("mentions").forEach(m -> assertTrue(names.contains(m.path("program").asText()), m.path("program").asText()));
    }
}
