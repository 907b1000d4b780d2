package cn.wenming.common.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.wenming.common.config.SuiteSecurityConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * Bearer tokens that passed the full check, remembered until they expire, so that a client sending
 * the same token again is not checked again. Checking an RS256 signature (and parsing the token)
 * was the largest cost of a read (bench/RESULTS.md, scenario 1); a token's bytes cannot change, so
 * the answer for the same string is the same until its {@code exp}.
 *
 * <p>What stays true, for a security review:
 * <ul>
 * <li>only a token that the real parser ({@link DefaultJWTParser}: signature, issuer, expiry) accepted
 * is kept, under its <em>whole</em> string as the key (string equality, no hash that could collide);
 * a rejected token is never kept and is checked again each time;</li>
 * <li>an entry is dropped at the token's {@code exp} (stricter than the parser, which allows the
 * configured clock skew) and at the latest after {@code suite.security.token-cache.max-age}, which
 * bounds how long a rotated signing key still has effect;</li>
 * <li>memory is bounded by {@code suite.security.token-cache.size} entries; {@code 0} turns the cache
 * off;</li>
 * <li>the roles are those of the token itself (its {@code groups}), so nothing about a user can be
 * stale that would not be stale in the token anyway.</li>
 * </ul>
 * Quarkus's JWT identity provider asks for a {@link JWTParser}; this alternative answers it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens implements JWTParser {

    /** A checked token, and the instant (epoch ms) after which it is checked again. */
    private record Entry(JsonWebToken token, long until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final int size;
    private final long maxAgeMillis;
    private final LongSupplier clock;

    @Inject
    VerifiedTokens(DefaultJWTParser parser, SuiteSecurityConfig config) {
        this(parser, config.tokenCache().size(), config.tokenCache().maxAge().toMillis(), System::currentTimeMillis);
    }

    /** For tests: any parser, size, age and clock (epoch milliseconds). */
    public VerifiedTokens(JWTParser parser, int size, long maxAgeMillis, LongSupplier clock) {
        this.parser = parser;
        this.size = size;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (size <= 0 || token == null) {
            return parser.parse(token);
        }
        long now = clock.getAsLong();
        Entry kept = entries.get(token);
        if (kept != null) {
            if (now < kept.until()) {
                return kept.token();
            }
            entries.remove(token, kept);
        }
        JsonWebToken checked = parser.parse(token);   // throws for a bad one, which is never kept
        long until = Math.min(checked.getExpirationTime() * 1000, now + maxAgeMillis);
        if (until > now) {
            makeRoom(now);
            entries.put(token, new Entry(checked, until));
        }
        return checked;
    }

    /** How many tokens are kept (for tests and diagnosis). */
    public int kept() {
        return entries.size();
    }

    /** Expired entries go first; if the cache is still full, all of it (it refills with the tokens in use). */
    private void makeRoom(long now) {
        if (entries.size() < size) {
            return;
        }
        entries.values().removeIf(e -> e.until() <= now);
        if (entries.size() >= size) {
            entries.clear();
        }
    }

    // everything else is the parser's, unchanged and never kept

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
