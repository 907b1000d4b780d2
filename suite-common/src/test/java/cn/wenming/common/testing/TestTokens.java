package cn.wenming.common.testing;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;

/**
 * Mints RS256 tokens for tests with a key pair made for this test run (never committed). The
 * application under test trusts its public key through {@link SuiteTestResource}.
 */
public final class TestTokens {

    public static final String ISSUER = "https://wenming.test/issuer";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A valid one-hour token for {@code user} with the given roles. */
    public static String as(String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .subject(user)
                .groups(Set.of(roles))
                .expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    /** {@code Authorization} header value for {@link #as}. */
    public static String bearer(String user, String... roles) {
        return "Bearer " + as(user, roles);
    }

    /** A valid one-hour token for {@code user} acting for the body {@code org} (its {@code org} claim). */
    public static String actingFor(String org, String user, String... roles) {
        return Jwt.issuer(ISSUER)
                .upn(user)
                .subject(user)
                .groups(Set.of(roles))
                .claim("org", org)
                .expiresIn(Duration.ofHours(1))
                .sign(KEYS.getPrivate());
    }

    /** A token signed by another key: must be refused. */
    public static String signedByStranger(String user, String... roles) {
        return Jwt.issuer(ISSUER).upn(user).groups(Set.of(roles)).expiresIn(Duration.ofHours(1))
                .sign(generate().getPrivate());
    }

    public static String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
