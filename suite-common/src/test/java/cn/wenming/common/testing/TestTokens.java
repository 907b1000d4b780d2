package cn.wenming.common.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Mints RS256 tokens for tests with a key pair made for this test run (never committed). The
 * application under test trusts it through the key set {@link SuiteTestResource} writes
 * ({@link #jwks()}). Tokens carry what the identity provider's do: issuer, audience, the key id
 * ({@code kid}), {@code upn}, {@code sub}, {@code groups} and the body acted for ({@code org}).
 */
public final class TestTokens {

    public static final String ISSUER = "https://wenming.test/issuer";
    public static final String AUDIENCE = "wenming-suite";
    /** The id of the test run's signing key in the key set. */
    public static final String KEY_ID = "test-key-1";
    /** The office's organization id: the suite's default {@code SUITE_OFFICE_ORG}. */
    public static final UUID OFFICE = UUID.fromString("ce5b4b47-ee99-4bde-b8a2-24e4561923bb");
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A valid one-hour token of the office's staff: {@code user} with the given roles, acting for the office. */
    public static String as(String user, String... roles) {
        return forBody(user, OFFICE, roles);
    }

    /** {@code Authorization} header value for {@link #as}. */
    public static String bearer(String user, String... roles) {
        return "Bearer " + as(user, roles);
    }

    /** A token of {@code user} acting for the body {@code org} (a district office, a member unit, a recipient body). */
    public static String forBody(String user, UUID org, String... roles) {
        return sign(claims(user, roles).claim("org", org.toString()), KEYS.getPrivate(), KEY_ID);
    }

    /** {@code Authorization} header value for {@link #forBody}. */
    public static String bearerForBody(String user, UUID org, String... roles) {
        return "Bearer " + forBody(user, org, roles);
    }

    /** A recipient body's system (role {@code recipient}) acting for {@code org}. */
    public static String recipient(UUID org) {
        return bearerForBody("oa-" + org, org, "recipient");
    }

    /** The token of a service of the suite ({@code sub} = its name, e.g. {@code bulletin-service}). */
    public static String service(String name) {
        return sign(Jwt.issuer(ISSUER).audience(AUDIENCE).upn(name).subject(name).groups(Set.of("service"))
                .expiresIn(Duration.ofHours(1)), KEYS.getPrivate(), KEY_ID);
    }

    /** {@code Authorization} header value for {@link #service}. */
    public static String serviceBearer(String name) {
        return "Bearer " + service(name);
    }

    /** A token without any {@code org}: staff roles, but acting for no body. */
    public static String withoutBody(String user, String... roles) {
        return sign(claims(user, roles), KEYS.getPrivate(), KEY_ID);
    }

    /** A token for another audience: must be refused. */
    public static String forAudience(String audience, String user, String... roles) {
        return sign(Jwt.issuer(ISSUER).audience(audience).upn(user).subject(user).groups(Set.of(roles)).claim("org", OFFICE.toString())
                .expiresIn(Duration.ofHours(1)), KEYS.getPrivate(), KEY_ID);
    }

    /** A token signed by another key: must be refused. */
    public static String signedByStranger(String user, String... roles) {
        return sign(claims(user, roles).claim("org", OFFICE.toString()), generate().getPrivate(), KEY_ID);
    }

    /** A token of the office's staff signed with any key under any key id (for key rotation tests). */
    public static String signedWith(PrivateKey key, String kid, String user, String... roles) {
        return sign(claims(user, roles).claim("org", OFFICE.toString()), key, kid);
    }

    /** A JSON Web Key Set holding the test run's key only. */
    public static String jwks() {
        return jwks(Map.of(KEY_ID, KEYS));
    }

    /** A JSON Web Key Set of these public keys, by key id, in the order given (written by jose4j). */
    public static String jwks(Map<String, KeyPair> keys) {
        JsonWebKeySet set = new JsonWebKeySet();
        for (Map.Entry<String, KeyPair> e : new LinkedHashMap<>(keys).entrySet()) {
            RsaJsonWebKey key = new RsaJsonWebKey((RSAPublicKey) e.getValue().getPublic());
            key.setKeyId(e.getKey());
            key.setUse("sig");
            key.setAlgorithm("RS256");
            set.addJsonWebKey(key);
        }
        return set.toJson();
    }

    /** The test run's key pair (to put it into another key set beside a new one). */
    public static KeyPair keys() {
        return KEYS;
    }

    public static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder claims(String user, String... roles) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).upn(user).subject(user).groups(Set.of(roles)).expiresIn(Duration.ofHours(1));
    }

    private static String sign(JwtClaimsBuilder claims, PrivateKey key, String kid) {
        return claims.jws().keyId(kid).sign(key);
    }
}
