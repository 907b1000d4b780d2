package cn.wenming.common.seed;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads the seed files; each service's seed loader takes its part of them. */
@ApplicationScoped
public class Seed {

    public static final String EXPECTED = "bulletin-2020-17.expected.json";
    public static final String BULLETIN_TEXT = "bulletin-2020-17.txt";
    private static final Logger LOG = Logger.getLogger(Seed.class);

    @Inject
    SeedConfig config;

    @Inject
    ObjectMapper json;

    /** The structured reading of the seed bulletin, when a seed folder is configured and holds it. */
    public Optional<JsonNode> expected() {
        return file(EXPECTED).flatMap(path -> {
            try {
                return Optional.of(json.readTree(path.toFile()));
            } catch (IOException e) {
                LOG.warnf("seed file %s cannot be read: %s", path, e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** A seed file, when a seed folder is configured and holds it. */
    public Optional<Path> file(String name) {
        Optional<Path> path = config.dir().map(dir -> dir.resolve(name));
        if (config.dir().isPresent() && path.filter(Files::isReadable).isEmpty()) {
            LOG.warnf("seed folder %s has no readable %s: nothing loaded from it", config.dir().get(), name);
            return Optional.empty();
        }
        return path;
    }
}
