package cn.wenming.common.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

/**
 * The identity provider's signing keys, a JSON Web Key Set (RFC 7517) read from a file or an
 * {@code https} URL and read again while the services run, so that keys are rotated without a
 * restart: the provider publishes a second key, starts signing with it, and removes the first once
 * no token signed with it is still valid.
 *
 * <p>smallrye-jwt reads a file once and refreshes only sets fetched over {@code https}; this class
 * re-reads either kind on the same schedule and tells {@link VerifiedTokens} which key ids are still
 * present, so a removed key also ends the tokens already checked with it. The JWKS itself is parsed by
 * jose4j (the library smallrye-jwt verifies with).
 *
 * <p>The set is read again {@code refresh} after the last read, on the next use; an unknown {@code kid}
 * reads it at once, but at most once a {@code minRefresh}. When a read fails (file missing, provider
 * down, bad JSON), the keys read before stay in use and the failure is logged: a transient fault of
 * the provider must not lock every user out, and a removed key cannot come back that way.
 *
 * <p>Either kind is read once when this object is made (at the service's start), so the first
 * requests, however many arrive at once, find the keys. Tokens are checked on the HTTP event loop. A
 * file (the local run's, a Kubernetes Secret mounted) is read again there: a few kilobytes from the
 * page cache. An {@code https} set is fetched once when this
 * object is made (at the service's start) and afterwards on a thread of its own, never on the event
 * loop: until a new key has arrived, a token naming it is refused (401), for the moment one fetch takes.
 */
public final class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String location;
    private final long refreshMillis;
    private final long minRefreshMillis;
    private final LongSupplier clock;
    private volatile Map<String, PublicKey> keys = Map.of();
    private volatile long readAt;
    private volatile boolean everRead;
    private final boolean remote;
    private final java.util.concurrent.atomic.AtomicBoolean fetching = new java.util.concurrent.atomic.AtomicBoolean();

    public SigningKeys(String location, Duration refresh, Duration minRefresh, LongSupplier clock) {
        this.location = location;
        this.refreshMillis = refresh.toMillis();
        this.minRefreshMillis = minRefresh.toMillis();
        this.clock = clock;
        this.remote = location.startsWith("https://") || location.startsWith("http://");
        read(); // at start, before any request: later https fetches run in the background
    }

    /** The key with this id, reading the set again when it is due or when the id is unknown. */
    public Optional<PublicKey> key(String kid) {
        refreshIfDue();
        PublicKey key = keys.get(kid);
        if (key == null && clock.getAsLong() - readAt >= minRefreshMillis) {
            readNow();
            key = keys.get(kid);
        }
        return Optional.ofNullable(key);
    }

    /** Whether the set (read again when due) still holds this key id. */
    public boolean has(String kid) {
        refreshIfDue();
        return keys.containsKey(kid);
    }

    /** The ids of the keys in use now (for diagnosis and tests). */
    public java.util.Set<String> ids() {
        refreshIfDue();
        return keys.keySet();
    }

    private void refreshIfDue() {
        if (!everRead || clock.getAsLong() - readAt >= refreshMillis) {
            readNow();
        }
    }

    /** A file at once; an https set on a thread of its own (one fetch at a time), never on the caller's. */
    private void readNow() {
        if (!remote) {
            read();
        } else if (fetching.compareAndSet(false, true)) {
            Thread fetch = new Thread(() -> {
                try {
                    read();
                } finally {
                    fetching.set(false);
                }
            }, "signing-keys");
            fetch.setDaemon(true);
            fetch.start();
        }
    }

    private synchronized void read() {
        long now = clock.getAsLong();
        if (everRead && now - readAt < Math.min(minRefreshMillis, refreshMillis)) {
            return; // another thread has just read it
        }
        try {
            Map<String, PublicKey> read = parse(fetch());
            if (!read.keySet().equals(keys.keySet())) {
                LOG.infof("signing keys from %s: %s", location, read.keySet());
            }
            keys = read;
        } catch (IOException | JoseException | RuntimeException e) {
            LOG.errorf("signing keys cannot be read from %s (the keys read before stay in use: %s): %s", location,
                    keys.keySet(), e.getMessage());
        } finally {
            // only now, with the keys in place: a caller that sees a fresh read must also see its keys
            // (marked before the read, concurrent first requests found no keys and answered 401)
            readAt = now;
            everRead = true;
        }
    }

    private String fetch() throws IOException {
        if (location.startsWith("https://") || location.startsWith("http://")) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(5)).GET().build();
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (answer.statusCode() != 200) {
                    throw new IOException("HTTP " + answer.statusCode());
                }
                return answer.body();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        Path file = location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location);
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The public signing keys of the set that carry an id; keys for encryption or without an id are left out. */
    static Map<String, PublicKey> parse(String json) throws JoseException {
        Map<String, PublicKey> read = new LinkedHashMap<>();
        for (JsonWebKey jwk : new JsonWebKeySet(json).getJsonWebKeys()) {
            if (jwk.getKeyId() == null || jwk.getKeyId().isBlank() || (jwk.getUse() != null && !"sig".equals(jwk.getUse()))) {
                continue;
            }
            if (jwk.getKey() instanceof PublicKey key) {
                read.put(jwk.getKeyId(), key);
            }
        }
        return Map.copyOf(read);
    }
}
