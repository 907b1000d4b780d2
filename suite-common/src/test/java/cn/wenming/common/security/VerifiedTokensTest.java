package cn.wenming.common.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.jwt.build.Jwt;

/**
 * The cache of checked tokens in front of the real smallrye-jwt parser (real RS256 keys and
 * signatures): a good token is checked once until it expires; a bad one is checked every time and
 * never kept; the cache stays within its size.
 */
class VerifiedTokensTest {

    private static final String ISSUER = "https://wenming.test/issuer";
    private static final long MAX_AGE = Duration.ofMinutes(5).toMillis();

    private KeyPair keys;
    private final AtomicInteger checks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong(System.currentTimeMillis());
    private VerifiedTokens tokens;

    @BeforeEach
    void setUp() throws Exception {
        keys = rsa();
        tokens = cache(100);
    }

    private VerifiedTokens cache(int size) {
        JWTParser real = new DefaultJWTParser(new JWTAuthContextInfo(keys.getPublic(), ISSUER));
        JWTParser counted = new DefaultJWTParser() {
            @Override
            public JsonWebToken parse(String token) throws ParseException {
                checks.incrementAndGet();
                return real.parse(token);
            }
        };
        return new VerifiedTokens(counted, size, MAX_AGE, now::get);
    }

    @Test
    void aGoodTokenIsCheckedOnceAndAnsweredFromMemoryAfterwards() throws Exception {
        String token = token("梅雪峰", Duration.ofHours(1), keys);
        JsonWebToken first = tokens.parse(token);
        JsonWebToken second = tokens.parse(new String(token.toCharArray()));   // an equal string, not the same object
        assertEquals(1, checks.get());
        assertSame(first, second);
        assertEquals(Set.of("reader"), second.getGroups());
        assertEquals("梅雪峰", second.getName());
    }

    @Test
    void aTokenIsCheckedAgainOnceItExpires() throws Exception {
        String token = token("田文松", Duration.ofMinutes(2), keys);   // shorter than the cache's max age
        long exp = tokens.parse(token).getExpirationTime() * 1000;
        now.set(exp - 1);
        tokens.parse(token);
        assertEquals(1, checks.get(), "still valid: from memory");
        now.set(exp);
        tokens.parse(token);   // the real parser (real time) still takes it; the point is that it was asked
        assertEquals(2, checks.get(), "at its exp the token is checked again");
    }

    @Test
    void noTokenIsKeptLongerThanTheMaximumAge() throws Exception {
        String token = token("田文松", Duration.ofHours(8), keys);
        tokens.parse(token);
        now.addAndGet(MAX_AGE + 1);
        tokens.parse(token);
        assertEquals(2, checks.get());
    }

    @Test
    void aBadTokenIsRefusedEveryTimeAndNeverKept() throws Exception {
        String stranger = token("冒名者", Duration.ofHours(1), rsa());
        for (int i = 1; i <= 3; i++) {
            assertThrows(ParseException.class, () -> tokens.parse(stranger));
            assertEquals(i, checks.get());
        }
        String tampered = token("梅雪峰", Duration.ofHours(1), keys).replaceFirst("\\.", ".e30");
        assertThrows(ParseException.class, () -> tokens.parse(tampered));
        assertEquals(0, tokens.kept());
    }

    @Test
    void theCacheStaysWithinItsSize() throws Exception {
        VerifiedTokens small = cache(3);
        for (int i = 0; i < 10; i++) {
            small.parse(token("user" + i, Duration.ofHours(1), keys));
            assertEquals(true, small.kept() <= 3, "kept " + small.kept());
        }
    }

    @Test
    void sizeZeroChecksEveryRequest() throws Exception {
        VerifiedTokens off = cache(0);
        String token = token("梅雪峰", Duration.ofHours(1), keys);
        off.parse(token);
        off.parse(token);
        assertEquals(2, checks.get());
        assertEquals(0, off.kept());
    }

    private static String token(String user, Duration life, KeyPair signer) {
        return Jwt.issuer(ISSUER).upn(user).subject(user).groups(Set.of("reader")).expiresIn(life).sign(signer.getPrivate());
    }

    private static KeyPair rsa() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
