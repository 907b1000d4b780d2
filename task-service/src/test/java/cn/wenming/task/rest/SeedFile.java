package cn.wenming.task.rest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

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
        Path dir = Path.of(ConfigProvider.getConfig().getValue("suite.seed.dir", String.class));
        try {
            return new ObjectMapper().readTree(dir.resolve(Seed.EXPECTED).toFile()).path("workPlan");
        } catch (IOException e) {
            throw new UncheckedIOException("the seed cannot be read from " + dir, e);
        }
    }
}
