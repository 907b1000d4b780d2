package cn.wenming.common.config;

import java.nio.file.Path;
import java.util.Optional;

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

    /** The access log ({@code cn.wenming.common.web.AccessLog}): a line per answered request. */
    AccessLog accessLog();

    interface AccessLog {

        /** Env: {@code SUITE_HTTP_ACCESS_LOG_ENABLED}. */
        @WithDefault("true")
        boolean enabled();

        /** A file to append the lines to instead of standard output. Env: {@code SUITE_HTTP_ACCESS_LOG_PATH}. */
        Optional<Path> path();

        /**
         * How many lines may wait to be written; beyond that, lines are dropped (and their number
         * logged) rather than hold up requests while the output is stalled.
         */
        @WithDefault("10000")
        int backlog();
    }
}
