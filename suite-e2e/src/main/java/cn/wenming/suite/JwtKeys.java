package cn.wenming.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;

/**
 * The local run's signing key: an RS256 pair made on first use in {@code .local/jwt/} (never
 * committed; production's identity provider has its own), the key set the services read
 * ({@code jwks.json}, the key named by its RFC 7638 thumbprint), and tokens signed with it as the
 * identity provider would issue them: issuer, audience, key id, {@code upn}, {@code sub},
 * {@code groups} and the body acted for ({@code org}). Signed and written by jose4j.
 */
public final class JwtKeys {

    public static final String ISSUER = "https://wenming.local/issuer";
    public static final String AUDIENCE = "wenming-suite";
    /** The office's organization id: the services' default {@code SUITE_SECURITY_OFFICE_ORG}; the seed creates it. */
    public static final UUID OFFICE = UUID.fromString("ce5b4b47-ee99-4bde-b8a2-24e4561923bb");

    /** What a token says. {@code org} may be null (a service acts for itself). */
    public record Claims(String issuer, String audience, String user, String subject, List<String> groups, UUID org,
            Instant issuedAt, Instant expires) {

        /** A token of the office's staff, valid for {@code lifetime}. */
        public static Claims staff(String user, Duration lifetime, String... roles) {
            return ofBody(user, OFFICE, lifetime, roles);
        }

        /** A token of {@code user} acting for {@code org}. */
        public static Claims ofBody(String user, UUID org, Duration lifetime, String... roles) {
            Instant now = Instant.now();
            return new Claims(ISSUER, AUDIENCE, user, user, List.of(roles), org, now, now.plus(lifetime));
        }

        /** The token of a service of the suite: {@code sub} = its name, group {@code service}. */
        public static Claims service(String name, Duration lifetime) {
            Instant now = Instant.now();
            return new Claims(ISSUER, AUDIENCE, name, name, List.of("service"), null, now, now.plus(lifetime));
        }

        public Claims withIssuer(String other) {
            return new Claims(other, audience, user, subject, groups, org, issuedAt, expires);
        }

        public Claims withAudience(String other) {
            return new Claims(issuer, other, user, subject, groups, org, issuedAt, expires);
        }

        public Claims during(Instant from, Instant until) {
            return new Claims(issuer, audience, user, subject, groups, org, from, until);
        }
    }

    private final Path folder;
    private final PrivateKey privateKey;
    private final String kid;

    private JwtKeys(Path folder, PrivateKey privateKey, PublicKey publicKey) {
        this.folder = folder;
        this.privateKey = privateKey;
        this.kid = new RsaJsonWebKey((RSAPublicKey) publicKey).calculateBase64urlEncodedThumbprint("SHA-256").substring(0, 16);
    }

    /** The pair in {@code folder}, made there if it is not there yet, and its key set {@code jwks.json} written beside it. */
    public static JwtKeys inFolder(Path folder) {
        Path priv = folder.resolve("private.pem");
        Path pub = folder.resolve("public.pem");
        try {
            if (!Files.isRegularFile(priv) || !Files.isRegularFile(pub)) {
                Files.createDirectories(folder);
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(priv, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
                Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            }
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = rsa.generatePrivate(new PKCS8EncodedKeySpec(der(priv)));
            PublicKey publicKey = rsa.generatePublic(new X509EncodedKeySpec(der(pub)));
            JwtKeys keys = new JwtKeys(folder, privateKey, publicKey);
            Path jwks = keys.jwksFile();
            String set = jwks(List.of(Map.entry(keys.kid, publicKey)));
            if (!Files.isRegularFile(jwks) || !Files.readString(jwks, StandardCharsets.UTF_8).equals(set)) {
                Files.writeString(jwks, set, StandardCharsets.UTF_8);
            }
            return keys;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("JWT keys in " + folder + " cannot be made or read: " + e.getMessage(), e);
        }
    }

    /** The key set the services are given ({@code SUITE_SECURITY_JWKS_LOCATION}). */
    public Path jwksFile() {
        return folder.resolve("jwks.json").toAbsolutePath();
    }

    /** The id of this key in the key set. */
    public String kid() {
        return kid;
    }

    /** A token of the office's staff: {@code user} with these roles, acting for the office. */
    public String token(String user, Duration lifetime, String... roles) {
        return token(Claims.staff(user, lifetime, roles));
    }

    /** An RS256 JWT (JWS compact form) saying {@code claims}, signed with this key under its id. */
    public String token(Claims claims) {
        return token(claims, kid);
    }

    /** The same under any key id (for the probe: a key the set does not hold). */
    public String token(Claims claims, String keyId) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(claims).toJson());
        jws.setKey(privateKey);
        jws.setKeyIdHeaderValue(keyId);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException("token cannot be signed", e);
        }
    }

    /** A token that claims {@code alg: none} and carries no signature: must always be refused. */
    public String unsigned(Claims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims(claims).toJson());
        jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue(kid);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key pair nobody trusts, in memory only: its tokens have a wrong signature. */
    public static JwtKeys stranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            return new JwtKeys(null, pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON Web Key Set of these public keys under their ids, in order. */
    public static String jwks(List<Map.Entry<String, PublicKey>> keys) {
        JsonWebKeySet set = new JsonWebKeySet();
        for (Map.Entry<String, PublicKey> e : keys) {
            RsaJsonWebKey jwk = new RsaJsonWebKey((RSAPublicKey) e.getValue());
            jwk.setKeyId(e.getKey());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.RSA_USING_SHA256);
            set.addJsonWebKey(jwk);
        }
        return set.toJson();
    }

    private static JwtClaims claims(Claims c) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(c.issuer());
        claims.setAudience(c.audience());
        claims.setClaim("upn", c.user());
        claims.setSubject(c.subject());
        claims.setStringListClaim("groups", c.groups());
        if (c.org() != null) {
            claims.setClaim("org", c.org().toString());
        }
        claims.setIssuedAt(NumericDate.fromSeconds(c.issuedAt().getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(c.expires().getEpochSecond()));
        claims.setJwtId(UUID.randomUUID().toString());
        return claims;
    }

    private static byte[] der(Path pem) throws IOException {
        String body = Files.readString(pem, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return Base64.getDecoder().decode(body);
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
