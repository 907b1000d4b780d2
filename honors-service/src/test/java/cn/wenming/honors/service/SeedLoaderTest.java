package cn.wenming.honors.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.honors.domain.HonorProgram;
import cn.wenming.honors.rest.HonorProgramInput;
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
    void theSeedNamesEightPrograms() throws IOException {
        JsonNode honors = seed().path("honors");
        List<String> names = SeedLoader.programsOf(honors).stream().map(HonorProgramInput::name).toList();
        assertEquals(3 + honors.path("creationPrograms").size(), names.size(), String.join(", ", names));
        honors.path("creationPrograms").forEach(c -> assertTrue(names.contains(c.asText()), c.asText()));
        honors.path("mentions").forEach(m -> assertTrue(names.contains(m.path("program").asText()), m.path("program").asText()));
    }
}
