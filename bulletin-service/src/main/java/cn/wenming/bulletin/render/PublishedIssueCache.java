package cn.wenming.bulletin.render;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;
import io.quarkus.scheduler.Scheduled;

/**
 * Published issues as JSON, kept in memory: the mobile apps' main read (GET /bulletins/{id})
 * then costs neither a query nor a serialization. Only PUBLISHED issues are kept, which anyone
 * allowed to read issues may see, and they no longer change but for a recall: this replica forgets
 * a recalled issue at once; every replica also looks every {@code bulletin.published-sweep-every}
 * for issues changed since its last look (one indexed query, {@link PublishedJson#changedSince})
 * and forgets those, so another replica's recall is noticed within that time. (Entries used to
 * expire after the clients' max-age instead: then every kept issue was read again once a minute,
 * a database read and a serialization at ~5 ms of CPU each, bench/RESULTS.md scenario 1.) Each is
 * kept gzipped (Chinese JSON shrinks to about a third, so a few megabytes hold thousands of issues;
 * unzipping one costs far less than reading it from the database), and the memory is bounded by
 * {@code bulletin.published-cache-size} (bytes kept).
 *
 * <p>The same gzipped answer is also stored in the database (table {@code published_json}) the
 * first time an issue is read: an issue not in memory (after a start, on another replica, or when
 * the archive outgrows the memory budget: 9,700 issues of ~2.5 KB in the benchmark) is then one
 * lookup away instead of three queries and a serialization (~5 ms of CPU). The lookup joins on the
 * issue's current version and status, so a recalled or changed issue's stored answer is never used.
 *
 * <p>The resources tell the cache what they answer ({@link #keep}) and what they recalled ({@link #forget});
 * the services never call it, so {@code service} does not know this package (no event is needed: every change
 * the cache must hear of here is a recall answered by a resource) and the arrows point {@code rest → render →
 * domain} only. What another replica changes reaches the cache through the sweep.
 * The JSON itself is the resource's answer ({@code BulletinView}): the cache keeps bytes, not a shape of its own.
 */
@ApplicationScoped
public class PublishedIssueCache {

    /** One issue as gzipped JSON and its version (the ETag). */
    public record Entry(byte[] gzipped, long version) {

        /** The JSON. */
        public byte[] json() {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(PublishedIssueCache.class);

    @Inject
    BulletinConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    PublishedJson table;

    @Inject
    Clock clock;

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    /** Where the next sweep starts looking; null until the first one. */
    private volatile Instant sweptUpTo;

    /** The issue's JSON if it is kept. */
    public Entry get(UUID id) {
        return entries.get(id);
    }

    /**
     * A published issue's answer that is not in memory, from the database if it was stored there
     * for its current version (then kept in memory too); null if there is none.
     */
    public Entry stored(UUID id) {
        return table.of(id).map(s -> {
            Entry e = new Entry(s.gzipped(), s.version());
            remember(id, e);
            return e;
        }).orElse(null);
    }

    /**
     * The issue's answer {@code view} as JSON; a PUBLISHED issue's is kept in memory and stored in the database
     * (anything else is not).
     */
    public byte[] keep(Bulletin b, Object view) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin " + b.id + " cannot be written as JSON", e);
        }
        if (b.status == BulletinStatus.PUBLISHED) {
            Entry e = new Entry(gzip(json), b.version);
            remember(b.id, e);
            try {
                table.store(b.id, b.version, e.gzipped());
            } catch (RuntimeException failed) {   // the answer stands; the next reader renders it again
                LOG.warnf("published issue %s could not be stored for later reads: %s", b.id, failed.getMessage());
            }
        }
        return json;
    }

    private void remember(UUID id, Entry e) {
        long budget = config.publishedCacheSize().asLongValue();
        if (e.gzipped().length <= budget) {
            makeRoom(budget - e.gzipped().length);
            Entry old = entries.put(id, e);
            bytes.addAndGet(e.gzipped().length - (old == null ? 0 : old.gzipped().length));
        }
    }

    private static byte[] gzip(byte[] json) {
        var out = new ByteArrayOutputStream(json.length / 2);
        try (var zip = new GZIPOutputStream(out)) {
            zip.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A recalled issue is no longer served from memory. */
    public void forget(UUID id) {
        Entry old = entries.remove(id);
        if (old != null) {
            bytes.addAndGet(-old.gzipped().length);
        }
    }

    /**
     * Forgets the kept issues that changed (a recall, here or on another replica) since the last
     * sweep. Each sweep looks back {@link #OVERLAP} further than the last one reached, so that a
     * change committed late, or stamped by a replica whose clock is behind, is still seen.
     */
    @Scheduled(identity = "forget-changed-published-issues", every = "${bulletin.published-sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        Instant now = clock.instant();
        Instant from = sweptUpTo == null ? now.minus(OVERLAP) : sweptUpTo.minus(OVERLAP);
        if (!entries.isEmpty()) {
            for (PublishedJson.Change c : table.changedSince(from)) {
                Entry kept = entries.get(c.id());
                if (kept != null && (c.version() != kept.version() || c.status() != BulletinStatus.PUBLISHED)) {
                    forget(c.id());
                }
            }
        }
        sweptUpTo = now;
    }

    /** How far each sweep looks back before where the last one ended. */
    static final Duration OVERLAP = Duration.ofMinutes(1);

    /** Drops any entries until at most {@code limit} bytes are kept. */
    private void makeRoom(long limit) {
        for (Iterator<UUID> it = entries.keySet().iterator(); bytes.get() > limit && it.hasNext();) {
            forget(it.next());
        }
    }
}
