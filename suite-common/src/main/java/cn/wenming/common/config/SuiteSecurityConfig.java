package cn.wenming.common.config;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Security settings every service shares (SECURITY.md). */
@ConfigMapping(prefix = "suite.security")
public interface SuiteSecurityConfig {

    /**
     * The organization id of the office itself (首都精神文明办, kept by distribution-service like every
     * other body): a token whose {@code org} is this one acts for the office. Env: {@code SUITE_SECURITY_OFFICE_ORG}.
     */
    @WithDefault("ce5b4b47-ee99-4bde-b8a2-24e4561923bb")
    UUID officeOrg();

    /** Bearer tokens already checked ({@code cn.wenming.common.security.VerifiedTokens}). */
    TokenCache tokenCache();

    /** The keys that sign tokens ({@code cn.wenming.common.security.SigningKeys}). */
    Jwks jwks();

    interface TokenCache {
        /**
         * How many checked tokens a service remembers; {@code 0} checks every request's token again.
         * Env: {@code SUITE_SECURITY_TOKEN_CACHE_SIZE}.
         */
        @WithDefault("1000")
        int size();

        /**
         * The longest a checked token is remembered, even if it expires later. Env:
         * {@code SUITE_SECURITY_TOKEN_CACHE_MAX_AGE}.
         */
        @WithDefault("5m")
        Duration maxAge();
    }

    interface Jwks {
        /**
         * Where the JSON Web Key Set of the identity provider is: a file path or an {@code https} URL.
         * Every token names its key ({@code kid}) in it. Env: {@code SUITE_SECURITY_JWKS_LOCATION}.
         */
        Optional<String> location();

        /**
         * How often the set is read again: a key added is taken at once (an unknown {@code kid} makes
         * the service look again, at most once a {@link #minRefresh()}); a key removed stops working, also
         * for tokens already checked and remembered, within this time. Env: {@code SUITE_SECURITY_JWKS_REFRESH}.
         */
        @WithDefault("30s")
        Duration refresh();

        /** The shortest time between two reads caused by unknown key ids (a flood of made-up kids reads once). */
        @WithDefault("2s")
        Duration minRefresh();
    }
}
