package cn.wenming.honors.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** honors-service's own settings. */
@ConfigMapping(prefix = "honors")
public interface HonorsConfig {

    /** How long clients and caches may keep an answer of the public honor roll. Env: {@code HONORS_ROLL_MAX_AGE}. */
    @WithDefault("60s")
    Duration rollMaxAge();
}
