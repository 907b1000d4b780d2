package cn.wenming.common.seed;

import java.nio.file.Path;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * Where the seed lives ({@code ../shared/seed}: a real bulletin and its reading). When set, each
 * service loads its part of the seed at start, once (it skips what is already there).
 */
@ConfigMapping(prefix = "suite.seed")
public interface SeedConfig {

    /** The seed folder; unset in production, where nothing is loaded. Env: {@code SUITE_SEED_DIR}. */
    Optional<Path> dir();
}
