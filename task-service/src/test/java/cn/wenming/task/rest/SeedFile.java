package cn.wenming.task.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.common.seed.Seed;

/** The seed as the tests read it: the same file the application loads (suite.seed.dir). */
final class SeedFile {

    private SeedFile() {
    }

    /** The seed's {@code workPlan} object. */
    static JsonNode workPlan() {
        Path dir = dir();
        try {
            return new ObjectMapper().readTree(dir.resolve(Seed.EXPECTED).toFile()).path("workPlan");
        } catch (IOException e) {
            throw new UncheckedIOException("the seed cannot be read from " + dir, e);
        }
    }

    /**
     * The seed bulletin's second article, the 2020 plan: from its title line (the line that starts
     * with the {@code workPlan} title) up to the editor's line (责编), exactly as the file has it.
     */
    static String planArticle() {
        String title = workPlan().path("title").asText();
        List<String> lines;
        try {
            lines = Files.readAllLines(dir().resolve(Seed.BULLETIN_TEXT), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("the seed bulletin cannot be read from " + dir(), e);
        }
        int start = -1;
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            if (start < 0 && lines.get(i).strip().startsWith(title)) {
                start = i;
            } else if (start >= 0 && lines.get(i).strip().startsWith("责编")) {
                end = i;
                break;
            }
        }
        if (start < 0) {
            throw new IllegalStateException("the seed bulletin has no line starting with " + title);
        }
        return String.join("\n", lines.subList(start, end));
    }

    private static Path dir() {
        return Path.of(ConfigProvider.getConfig().getValue("suite.seed.dir", String.class));
    }
}
