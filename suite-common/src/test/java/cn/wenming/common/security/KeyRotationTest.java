package cn.wenming.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import cn.wenming.common.testing.TestTokens;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/**
 * Keys come from a key set file read again while the service runs (SigningKeys in front of the real
 * smallrye-jwt parser, real RS256 keys): a key added is taken without a restart, a key removed ends
 * its tokens, remembered ones too, within the refresh time; every token names its key and its
 * audience is checked.
 */
class KeyRotationTest {

    private static final String ISSUER = "https://wenming.test/issuer";
    private static final Duration REFRESH = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final KeyPair first = TestTokens.generate();
    private final KeyPair second = TestTokens.generate();
    private Path jwks;
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        jwks = dir.resolve("jwks.json");
        publish(Map.of("k1", first));
        SigningKeys keys = new SigningKeys(jwks.toString(), REFRESH, Duration.ofSeconds(2), now::get);
        // the real clock decides exp; this one only when the key set is read again and how long tokens are kept
        tokens = new VerifiedTokens(new DefaultJWTParser(), settings(), keys, 100, Duration.ofMinutes(5).toMillis(), now::get);
    }

    private static JWTAuthContextInfo settings() {
        JWTAuthContextInfo settings = new JWTAuthContextInfo((String) null, ISSUER);
        settings.setExpectedAudience(Set.of("wenming-suite"));
        return settings;
    }

    @Test
    void manyFirstRequestsAtOnceAllFindTheKey() throws Exception {
        // the bench's first requests to a new service came eight at once: those that arrived while the
        // first read was under way found a fresh but empty set and answered 401
        String token = token(first, "k1", "wenming-suite");
        VerifiedTokens fresh = new VerifiedTokens(new DefaultJWTParser(), settings(),
                new SigningKeys(jwks.toString(), REFRESH, Duration.ofSeconds(2), now::get), 100, Duration.ofMinutes(5).toMillis(), now::get);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.List<java.util.concurrent.Future<String>> names = new java.util.ArrayList<>();
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            for (int i = 0; i < 8; i++) {
                names.add(pool.submit(() -> {
                    go.await();
                    return fresh.parse(token).getName();
                }));
            }
            go.countDown();
            for (java.util.concurrent.Future<String> name : names) {
                assertEquals("梅雪峰", name.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSecondKeyIsTakenWithoutARestartAndTheFirstEndsWhenRemoved() throws Exception {
        String old = token(first, "k1", "wenming-suite");
        String fresh = token(second, "k2", "wenming-suite");
        assertEquals("梅雪峰", tokens.parse(old).getName());
        assertThrows(ParseException.class, () -> tokens.parse(fresh), "k2 is not published yet");

        Map<String, KeyPair> both = new LinkedHashMap<>();
        both.put("k1", first);
        both.put("k2", second);
        publish(both);
        now.addAndGet(2_000);   // an unknown kid makes the service read the set again (at most once in minRefresh)
        long read = now.get();
        assertEquals("梅雪峰", tokens.parse(fresh).getName(), "the added key is taken at once");
        assertEquals("梅雪峰", tokens.parse(old).getName(), "the first key still works while published");

        publish(Map.of("k2", second));
        now.set(read + REFRESH.toMillis() - 1);
        tokens.parse(old);   // before the refresh time the remembered token still answers
        now.addAndGet(1);
        assertThrows(ParseException.class, () -> tokens.parse(old), "a removed key ends its remembered tokens within the refresh time");
        assertEquals("梅雪峰", tokens.parse(fresh).getName());
    }

    @Test
    void aTokenSignedWithAnotherKeyUnderAPublishedIdIsRefused() throws Exception {
        String forged = token(second, "k1", "wenming-suite");
        assertThrows(ParseException.class, () -> tokens.parse(forged));
        assertEquals(0, tokens.kept());
    }

    @Test
    void aTokenWithoutAKeyIdIsRefused() {
        String noKid = Jwt.issuer(ISSUER).audience("wenming-suite").upn("梅雪峰").expiresIn(Duration.ofHours(1)).sign(first.getPrivate());
        ParseException refused = assertThrows(ParseException.class, () -> tokens.parse(noKid));
        assertTrue(refused.getMessage().contains("kid"), refused.getMessage());
    }

    @Test
    void theAudienceIsChecked() throws Exception {
        assertThrows(ParseException.class, () -> tokens.parse(token(first, "k1", "another-system")));
        assertEquals("梅雪峰", tokens.parse(token(first, "k1", "wenming-suite")).getName());
    }

    @Test
    void anUnreadableSetKeepsTheKeysReadBefore() throws Exception {
        String old = token(first, "k1", "wenming-suite");
        tokens.parse(old);
        Files.writeString(jwks, "{not json", StandardCharsets.UTF_8);
        now.addAndGet(REFRESH.toMillis() + 1);
        assertEquals("梅雪峰", tokens.parse(token(first, "k1", "wenming-suite")).getName(),
                "a broken or missing set (the provider restarting) does not lock everybody out");
    }

    @Test
    void aKeySetOverHttpsIsFetchedAtStartAndThenInTheBackground() throws Exception {
        java.util.concurrent.atomic.AtomicReference<String> served = new java.util.concurrent.atomic.AtomicReference<>(
                TestTokens.jwks(Map.of("k1", first)));
        com.sun.net.httpserver.HttpServer provider = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/jwks", ex -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        provider.start();
        try {
            SigningKeys keys = new SigningKeys("http://127.0.0.1:" + provider.getAddress().getPort() + "/jwks", REFRESH,
                    Duration.ZERO, System::currentTimeMillis);
            assertEquals(Set.of("k1"), keys.ids(), "fetched when made, before any token");
            Map<String, KeyPair> both = new LinkedHashMap<>();
            both.put("k1", first);
            both.put("k2", second);
            served.set(TestTokens.jwks(both));
            // an unknown kid starts a fetch on another thread and is refused meanwhile; the key arrives shortly
            cn.wenming.common.testing.Await.until(() -> keys.key("k2").isPresent(), Duration.ofSeconds(10), Duration.ofMillis(20),
                    "the new key is fetched in the background");
        } finally {
            provider.stop(0);
        }
    }

    private void publish(Map<String, KeyPair> keys) throws Exception {
        Path next = dir.resolve("jwks.next");
        Files.writeString(next, TestTokens.jwks(keys), StandardCharsets.UTF_8);
        Files.move(next, jwks, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static String token(KeyPair signer, String kid, String audience) {
        return Jwt.issuer(ISSUER).audience(audience).upn("梅雪峰").subject("梅雪峰").groups(Set.of("reader"))
                .expiresIn(Duration.ofHours(1)).jws().keyId(kid).sign(signer.getPrivate());
    }
}
