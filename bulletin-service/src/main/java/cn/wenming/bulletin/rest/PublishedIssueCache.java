package cn.wenming.bulletin.rest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.wenming.bulletin.config.BulletinConfig;
import cn.wenming.bulletin.domain.Bulletin;
import cn.wenming.bulletin.domain.BulletinStatus;

/**
 * Published issues as JSON, kept in memory: the mobile apps' main read (GET /bulletins/{id})
 * then costs neither a query nor a serialization. Only PUBLISHED issues are kept, which anyone
 * allowed to read issues may see, and they no longer change but for a recall: this replica forgets
 * a recalled issue at once; another replica serves it at most {@code bulletin.published-max-age}
 * longer, the time clients are told they may keep it anyway ({@code Cache-Control: private,
 * max-age}). Each is kept gzipped (Chinese JSON shrinks to about a third, so a few megabytes hold
 * thousands of issues; unzipping one costs far less than reading it from the database), and the
 * memory is bounded by {@code bulletin.published-cache-size} (bytes kept).
 */
@ApplicationScoped
public class PublishedIssueCache {

    /** One issue as gzipped JSON, its version (the ETag) and until when it may be served. */
    record Entry(byte[] gzipped, long version, long expiresAtMillis) {

        /** The JSON. */
        byte[] json() {
            try (var in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    BulletinConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastSweep = new AtomicLong();

    /** The issue's JSON if it is kept and fresh. */
    Entry get(UUID id) {
        Entry e = entries.get(id);
        if (e != null && e.expiresAtMillis() < clock.millis()) {
            forget(id);
            return null;
        }
        return e;
    }

    /** The issue as JSON; a PUBLISHED one is kept (anything else is not). */
    byte[] keep(Bulletin b) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(BulletinView.of(b));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin " + b.id + " cannot be written as JSON", e);
        }
        long budget = config.publishedCacheSize().asLongValue();
        if (b.status == BulletinStatus.PUBLISHED && budget > 0) {
            byte[] gzipped = gzip(json);
            if (gzipped.length <= budget) {
                makeRoom(budget - gzipped.length);
                Entry old = entries.put(b.id, new Entry(gzipped, b.version, clock.millis() + config.publishedMaxAge().toMillis()));
                bytes.addAndGet(gzipped.length - (old == null ? 0 : old.gzipped().length));
            }
        }
        return json;
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
    void forget(UUID id) {
        Entry old = entries.remove(id);
        if (old != null) {
            bytes.addAndGet(-old.gzipped().length);
        }
    }

    /** Drops expired entries, then any, until at most {@code limit} bytes are kept. */
    private void makeRoom(long limit) {
        if (bytes.get() <= limit) {
            return;
        }
        long now = clock.millis();
        long last = lastSweep.get();
        if (now - last > 1000 && lastSweep.compareAndSet(last, now)) {   // a full pass at most once a second
            entries.entrySet().removeIf(x -> x.getValue().expiresAtMillis() < now && subtract(x.getValue()));
        }
        for (Iterator<UUID> it = entries.keySet().iterator(); bytes.get() > limit && it.hasNext();) {
            forget(it.next());
        }
    }

    private boolean subtract(Entry e) {
        bytes.addAndGet(-e.gzipped().length);
        return true;
    }
}
