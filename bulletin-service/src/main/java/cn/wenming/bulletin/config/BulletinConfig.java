package cn.wenming.bulletin.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** bulletin-service's own settings. */
@ConfigMapping(prefix = "bulletin")
public interface BulletinConfig {

    /** How long a published issue may be cached by clients ({@code Cache-Control: max-age}). Env: {@code BULLETIN_PUBLISHED_MAX_AGE}. */
    @WithDefault("60s")
    Duration publishedMaxAge();

    /** How long an Idempotency-Key's answer is kept. Env: {@code BULLETIN_IDEMPOTENCY_RETENTION}. */
    @WithDefault("24h")
    Duration idempotencyRetention();

    Scheduler scheduler();

    interface Scheduler {
        /** How often due scheduled issues are looked for. Env: {@code BULLETIN_SCHEDULER_EVERY}. */
        @WithDefault("5s")
        String every();
    }
}
