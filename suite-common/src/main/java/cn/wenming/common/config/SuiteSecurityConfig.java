package cn.wenming.common.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Security settings every service shares. */
@ConfigMapping(prefix = "suite.security")
public interface SuiteSecurityConfig {

    /** Bearer tokens already checked ({@code cn.wenming.common.security.VerifiedTokens}). */
    TokenCache tokenCache();

    interface TokenCache {
        /**
         * How many checked tokens a service remembers; {@code 0} checks every request's token again.
         * Env: {@code SUITE_SECURITY_TOKEN_CACHE_SIZE}.
         */
        @WithDefault("1000")
        int size();

        /**
         * The longest a checked token is remembered, even if it expires later: how long a signing key
         * that was rotated away still takes effect. Env: {@code SUITE_SECURITY_TOKEN_CACHE_MAX_AGE}.
         */
        @WithDefault("5m")
        Duration maxAge();
    }
}
