package cn.wenming.bulletin.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** bulletin-service's own settings. */
@ConfigMapping(prefix = "bulletin")
public interface BulletinConfig {

    /** How long a published issue may be cached by clients ({@code Cache-Control: max-age}). Env: {@code BULLETIN_PUBLISHED_MAX_AGE}. */
    @WithDefault("60s")
    Duration publishedMaxAge();

    /**
     * Memory for published issues kept as gzipped JSON (GET /bulletins/{id} without a query), e.g. {@code 24M};
     * {@code 0} keeps none. Env: {@code BULLETIN_PUBLISHED_CACHE_SIZE}.
     */
    @WithDefault("32M")
    MemorySize publishedCacheSize();

    /**
     * How often this replica looks for kept published issues that changed (a recall on another
     * replica): the longest another replica's recall may still be served from memory here.
     * Env: {@code BULLETIN_PUBLISHED_SWEEP_EVERY}.
     */
    @WithDefault("5s")
    String publishedSweepEvery();

    Scheduler scheduler();

    Search search();

    Outbox outbox();

    Dispatch dispatch();

    @WithName("import")
    Import importing();

    interface Scheduler {
        /** How often due scheduled issues are looked for. Env: {@code BULLETIN_SCHEDULER_EVERY}. */
        @WithDefault("5s")
        String every();
    }

    /** Full-text search (docs/search.md). */
    interface Search {
        /**
         * How many articles a search may walk, newest first, to fill a page before it takes the
         * GIN index instead; words expected in fewer than a page of that many take the GIN index at
         * once. Env: {@code BULLETIN_SEARCH_WALK_BUDGET}.
         */
        @WithDefault("1000")
        int walkBudget();

        /** How long PostgreSQL's statistics of the words are kept before they are read again. Env: {@code BULLETIN_SEARCH_STATISTICS_EVERY}. */
        @WithDefault("5m")
        Duration statisticsEvery();
    }

    /** The relay of published issues to distribution-service (the outbox). */
    interface Outbox extends cn.wenming.common.persistence.QueueWorker.Settings {
        /**
         * How often the relay looks for messages to send besides being woken when a publication
         * commits: it takes retries that come due and what a crash left. Env: {@code BULLETIN_OUTBOX_POLL_EVERY}.
         */
        @WithDefault("2s")
        @Override
        String pollEvery();

        /** Wait after the first failed attempt, doubled after each further one (with jitter). Env: {@code BULLETIN_OUTBOX_BACKOFF}. */
        @WithDefault("1s")
        Duration backoff();

        /** The longest wait between two attempts; the relay never gives up. Env: {@code BULLETIN_OUTBOX_MAX_BACKOFF}. */
        @WithDefault("1m")
        Duration maxBackoff();

        /**
         * The most messages one claim takes; never more than twice {@link #concurrency()} are claimed
         * and not yet sent, so none outlives its 30 s lease. Env: {@code BULLETIN_OUTBOX_BATCH}.
         */
        @WithDefault("20")
        @Override
        int batch();

        /** Messages sent at once by one replica; 1 sends them in turn, in the order they came. Env: {@code BULLETIN_OUTBOX_CONCURRENCY}. */
        @WithDefault("1")
        @Override
        int concurrency();

        /** Whether this replica relays. Env: {@code BULLETIN_OUTBOX_ENABLED}. */
        @WithDefault("true")
        @Override
        boolean enabled();
    }

    /** Imports of back issues. */
    interface Import {
        /**
         * The most a zip of back issues may inflate to, all its entries together, counted as the
         * bytes are inflated (never from the sizes its headers declare); beyond it the upload is a
         * 413 and nothing is imported. Env: {@code BULLETIN_IMPORT_ZIP_MAX_SIZE}.
         */
        @WithDefault("32M")
        MemorySize zipMaxSize();

        /** The most entries (files and folders) a zip of back issues may hold; beyond it a 413. Env: {@code BULLETIN_IMPORT_ZIP_MAX_ENTRIES}. */
        @WithDefault("1000")
        int zipMaxEntries();
    }

    /** What a published issue's dispatch says. */
    interface Dispatch {

        /** How long recipients have to sign (签收) after publication. Env: {@code BULLETIN_DISPATCH_ACKNOWLEDGE_WITHIN}. */
        @WithDefault("P3D")
        Duration acknowledgeWithin();
    }
}
