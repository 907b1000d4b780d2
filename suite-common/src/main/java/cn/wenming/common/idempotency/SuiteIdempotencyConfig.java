package cn.wenming.common.idempotency;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The settings of {@code Idempotency-Key}, the same in every service. */
@ConfigMapping(prefix = "suite.idempotency")
public interface SuiteIdempotencyConfig {

    /**
     * How long the first answer to a request with an {@code Idempotency-Key} is kept: a retry within it
     * gets that answer again; {@link IdempotencyJanitor} forgets older ones every hour.
     * Env: {@code SUITE_IDEMPOTENCY_RETENTION}.
     */
    @WithDefault("24h")
    Duration retention();
}
