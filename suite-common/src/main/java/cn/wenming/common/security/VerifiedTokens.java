package cn.wenming.common.security;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.SecretKey;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import io.quarkus.runtime.Startup;

import org.eclipse.microprofile.jwt.JsonWebToken;

import cn.wenming.common.config.SuiteSecurityConfig;
import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import org.jose4j.jwx.JsonWebStructure;
import org.jose4j.lang.JoseException;

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
 * stale that would not be stale in the token anyway;</li>
 * <li>with a key set ({@link SigningKeys}, {@code suite.security.jwks.location}), every token must name
 * its key ({@code kid}) and is checked with that key only; a remembered token is answered only while
 * its key is still in the set, so a key removed from the set ends its tokens within the set's refresh
 * time ({@code SUITE_SECURITY_JWKS_REFRESH}), remembered or not.</li>
 * </ul>
 * Quarkus's JWT identity provider asks for a {@link JWTParser}; this alternative answers it.
 */
@Alternative
@Priority(1)
@ApplicationScoped
@Startup // made at start: an https key set is fetched then, not on the first request's event loop
public class VerifiedTokens implements JWTParser {

    /** A checked token, the key it was checked with (null without a key set), and the instant (epoch ms) after which it is checked again. */
    private record Entry(JsonWebToken token, String kid, long until) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    /** The parser's settings (issuer, audience, algorithms) with one key each, by key id. */
    private final Map<String, Map.Entry<PublicKey, JWTAuthContextInfo>> contexts = new ConcurrentHashMap<>();
    private final JWTParser parser;
    private final JWTAuthContextInfo settings;
    private final SigningKeys keys;
    private final int size;
    private final long maxAgeMillis;
    private final LongSupplier clock;

    @Inject
    VerifiedTokens(DefaultJWTParser parser, JWTAuthContextInfo settings, SuiteSecurityConfig config) {
        this(parser, settings, config.jwks().location()
                .map(l -> new SigningKeys(l, config.jwks().refresh(), config.jwks().minRefresh(), System::currentTimeMillis))
                .orElse(null),
                config.tokenCache().size(), config.tokenCache().maxAge().toMillis(), System::currentTimeMillis);
    }

    /** For tests: any parser, size, age and clock (epoch milliseconds), the keys the parser is set up with. */
    public VerifiedTokens(JWTParser parser, int size, long maxAgeMillis, LongSupplier clock) {
        this(parser, null, null, size, maxAgeMillis, clock);
    }

    /** For tests: keys from a key set, checked with {@code settings} (issuer, audience) and the key each token names. */
    public VerifiedTokens(JWTParser parser, JWTAuthContextInfo settings, SigningKeys keys, int size, long maxAgeMillis,
            LongSupplier clock) {
        this.parser = parser;
        this.settings = settings;
        this.keys = keys;
        this.size = size;
        this.maxAgeMillis = maxAgeMillis;
        this.clock = clock;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (token == null) {
            return parser.parse(token);
        }
        long now = clock.getAsLong();
        if (size > 0) {
            Entry kept = entries.get(token);
            if (kept != null) {
                if (now < kept.until() && (kept.kid() == null || keys.has(kept.kid()))) {
                    return kept.token();
                }
                entries.remove(token, kept);
            }
        }
        String kid = keys == null ? null : keyId(token);
        JsonWebToken checked = check(token, kid);   // throws for a bad one, which is never kept
        if (size > 0) {
            long until = Math.min(checked.getExpirationTime() * 1000, now + maxAgeMillis);
            if (until > now) {
                makeRoom(now);
                entries.put(token, new Entry(checked, kid, until));
            }
        }
        return checked;
    }

    private JsonWebToken check(String token, String kid) throws ParseException {
        if (keys == null) {
            return parser.parse(token);
        }
        PublicKey key = keys.key(kid).orElseThrow(() -> new ParseException("the token's key " + kid + " is not in the key set"));
        Map.Entry<PublicKey, JWTAuthContextInfo> context = contexts.get(kid);
        if (context == null || !context.getKey().equals(key)) {
            JWTAuthContextInfo withKey = new JWTAuthContextInfo(settings);
            withKey.setPublicKeyLocation(null);
            withKey.setPublicKeyContent(null);
            withKey.setPublicVerificationKey(key);
            context = Map.entry(key, withKey);
            contexts.put(kid, context);
        }
        return parser.parse(token, context.getValue());
    }

    /** The {@code kid} of the token's header; a token without one is refused (it cannot name its key). */
    private static String keyId(String token) throws ParseException {
        try {
            String kid = JsonWebStructure.fromCompactSerialization(token).getKeyIdHeaderValue();
            if (kid == null || kid.isBlank()) {
                throw new ParseException("the token names no key (kid)");
            }
            return kid;
        } catch (JoseException | RuntimeException e) {
            throw new ParseException("the token cannot be read: " + e.getMessage(), e);
        }
    }

    /** How many tokens are kept (for tests and diagnosis). */
    public int kept() {
        return entries.size();
    }

    /** The key set this service checks tokens with, if any. */
    public Optional<SigningKeys> keys() {
        return Optional.ofNullable(keys);
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
