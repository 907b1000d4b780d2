package cn.wenming.common.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** HTTP settings every service shares. */
@ConfigMapping(prefix = "suite.http")
public interface SuiteHttpConfig {

    /**
     * The largest request body a service takes: a declared length above it is a 413 problem before
     * anything is read. Env: {@code SUITE_MAX_BODY_SIZE}. (Quarkus's own, higher limit,
     * {@code quarkus.http.limits.max-body-size}, still stops bodies of unknown length.)
     */
    @WithDefault("2M")
    MemorySize maxBodySize();
}
