package cn.wenming.bulletin.rest;

import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

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
 * max-age}). The memory is bounded by {@code bulletin.published-cache-size} (bytes of JSON).
 */
@ApplicationScoped
public class PublishedIssueCache {

    /** One issue as JSON, its version (the ETag) and until when it may be served. */
    record Entry(byte[] json, long version, long expiresAtMillis) {
    }

    @Inject
    BulletinConfig config;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    private final Map<UUID, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong bytes = new AtomicLong();

    /** The issue's JSON if it is kept and fresh. */
    Entry get(UUID id) {
        Entry e = entries.get(id);
        if (e != null && e.expiresAtMillis() < clock.millis()) {
            forget(id);
            return null;
        }
        return e;
    }

    /** Keeps a PUBLISHED issue (anything else is not kept) and returns it as JSON. */
    Entry keep(Bulletin b) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(BulletinView.of(b));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin " + b.id + " cannot be written as JSON", e);
        }
        Entry e = new Entry(json, b.version, clock.millis() + config.publishedMaxAge().toMillis());
        long budget = config.publishedCacheSize().asLongValue();
        if (b.status == BulletinStatus.PUBLISHED && json.length <= budget) {
            makeRoom(budget - json.length);
            Entry old = entries.put(b.id, e);
            bytes.addAndGet(json.length - (old == null ? 0 : old.json().length));
        }
        return e;
    }

    /** A recalled issue is no longer served from memory. */
    void forget(UUID id) {
        Entry old = entries.remove(id);
        if (old != null) {
            bytes.addAndGet(-old.json().length);
        }
    }

    /** Drops expired entries, then any, until at most {@code limit} bytes are kept. */
    private void makeRoom(long limit) {
        if (bytes.get() <= limit) {
            return;
        }
        long now = clock.millis();
        entries.entrySet().removeIf(x -> x.getValue().expiresAtMillis() < now && subtract(x.getValue()));
        for (Iterator<UUID> it = entries.keySet().iterator(); bytes.get() > limit && it.hasNext();) {
            forget(it.next());
        }
    }

    private boolean subtract(Entry e) {
        bytes.addAndGet(-e.json().length);
        return true;
    }
}
