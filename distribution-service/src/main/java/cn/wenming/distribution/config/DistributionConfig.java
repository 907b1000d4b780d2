package cn.wenming.distribution.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.wenming.common.persistence.QueueWorker;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** distribution-service's own settings (environment variables in the README). */
@ConfigMapping(prefix = "distribution")
public interface DistributionConfig {

    Webhook webhook();

    Delivery delivery();

    Email email();

    Dispatch dispatch();

    interface Webhook {
        /**
         * Hosts (names or literal addresses, compared case-insensitively with the URL's host) that
         * an admin allowed: they may be reached over plain http and may resolve to loopback,
         * link-local or private addresses. Empty by default: https only, public addresses only.
         * Env: {@code DISTRIBUTION_WEBHOOK_ALLOWED_HOSTS} (comma-separated).
         */
        Optional<Set<String>> allowedHosts();

        /** Connect and answer timeout of one webhook call. Env: {@code DISTRIBUTION_WEBHOOK_TIMEOUT}. */
        @WithDefault("10s")
        Duration timeout();

        /**
         * The most bytes of a receiver's answer the sender reads: beyond them it stops reading and
         * closes the connection (the status is what counts; a short excerpt of a refusal is kept
         * with the attempt). Env: {@code DISTRIBUTION_WEBHOOK_MAX_ANSWER_BYTES}.
         */
        @WithDefault("4096")
        int maxAnswerBytes();

        /** The keys the organizations' webhook secrets are encrypted with at rest. */
        Secrets secrets();
    }

    /**
     * The AES-256 keys that encrypt the organizations' webhook secrets at rest (AES-GCM), each
     * named by a key id stored beside every secret it encrypted.
     */
    interface Secrets {
        /**
         * The keys, as {@code <key id>:<base64 of 32 random bytes>}, comma-separated: every key
         * that may still have encrypted a stored secret, and the current one. Required in
         * production (the service does not start without it); in dev mode and tests a key is
         * generated at start when none is given. Env: {@code DISTRIBUTION_WEBHOOK_SECRETS_KEYS}.
         */
        Optional<List<String>> keys();

        /**
         * The id of the key that encrypts new and re-encrypted secrets; may be left out when only
         * one key is given. Env: {@code DISTRIBUTION_WEBHOOK_SECRETS_CURRENT_KEY}.
         */
        Optional<String> currentKey();

        /**
         * How often each replica looks for secrets stored in plain text or under another key than
         * the current one and re-encrypts them (also once at start); {@code off} only at start.
         * Env: {@code DISTRIBUTION_WEBHOOK_SECRETS_RESEAL_EVERY}.
         */
        @WithDefault("10m")
        String resealEvery();
    }

    /** The delivery worker's queue: the settings every work queue has (suite-common's QueueWorker.Settings), and its retries. */
    interface Delivery extends QueueWorker.Settings {
        /** Attempts before a delivery is FAILED. Env: {@code DISTRIBUTION_DELIVERY_MAX_ATTEMPTS}. */
        @WithDefault("6")
        int maxAttempts();

        /** Wait after the first failure; doubled after each further one, with jitter. Env: {@code DISTRIBUTION_DELIVERY_BACKOFF}. */
        @WithDefault("30s")
        Duration backoff();

        /** The longest wait between two attempts. Env: {@code DISTRIBUTION_DELIVERY_MAX_BACKOFF}. */
        @WithDefault("1h")
        Duration maxBackoff();

        /**
         * How often the worker looks for due deliveries besides being woken when a dispatch commits:
         * it takes retries that come due and what another replica or a crash left. Env: {@code DISTRIBUTION_DELIVERY_POLL_EVERY}.
         */
        @WithDefault("2s")
        String pollEvery();

        /**
         * The most deliveries one claim takes; the worker also never holds more than twice
         * {@link #concurrency()} claimed and unsent. Env: {@code DISTRIBUTION_DELIVERY_BATCH}.
         */
        @WithDefault("50")
        int batch();

        /**
         * Deliveries sent at once by one replica: a receiver that hangs holds one sender for at most
         * the timeout while the others go on. Env: {@code DISTRIBUTION_DELIVERY_CONCURRENCY}.
         */
        @WithDefault("16")
        int concurrency();

        /** Send webhooks and e-mail from the scheduled worker (off: only tests or another replica send). Env: {@code DISTRIBUTION_DELIVERY_ENABLED}. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Email {
        /**
         * How long one message may take to be accepted by the SMTP server. The server itself is
         * {@code quarkus.mailer.*}: env {@code QUARKUS_MAILER_HOST}, {@code QUARKUS_MAILER_PORT},
         * {@code QUARKUS_MAILER_FROM}, {@code QUARKUS_MAILER_USERNAME}, {@code QUARKUS_MAILER_PASSWORD},
         * {@code QUARKUS_MAILER_START_TLS}. Env: {@code DISTRIBUTION_EMAIL_TIMEOUT}.
         */
        @WithDefault("30s")
        Duration timeout();
    }

    interface Dispatch {
        /**
         * The public site of the bulletin: every dispatch links the issue there
         * ({@code <site>/api/v1/bulletins/<id>/render}); it must be an {@code https} URL (checked at start).
         * Env: {@code DISTRIBUTION_DISPATCH_PUBLIC_SITE}.
         */
        @WithDefault("https://wenming.local")
        String publicSite();
    }
}
