package cn.wenming.common.audit;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The audit trail's settings, the same in every service. */
@ConfigMapping(prefix = "suite.audit")
public interface SuiteAuditConfig {

    /** What the law asks for: six months of logs (网络安全法 第二十一条), reckoned as 180 days. */
    Duration LEGAL_MINIMUM = Duration.ofDays(180);

    /**
     * How long audit records are kept at least: a purge removes only older ones (and is refused for a
     * younger cut-off). Less than 180 days stops the service at start; the database refuses to delete
     * a younger record whatever this says. Env: {@code SUITE_AUDIT_RETENTION}.
     */
    @WithDefault("180d")
    Duration retention();
}
