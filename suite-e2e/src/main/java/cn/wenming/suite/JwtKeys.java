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
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.security.Signature;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The local run's signing keys: an RS256 pair made on first use in {@code .local/jwt/} (never
 * committed; production configures its own public key), and tokens signed with it.
 */
public final class JwtKeys {

    public static final String ISSUER = "https://wenming.local/issuer";
    private final Path folder;
    private final PrivateKey privateKey;

    private JwtKeys(Path folder, PrivateKey privateKey) {
        this.folder = folder;
        this.privateKey = privateKey;
    }

    /** The pair in {@code folder}, made there if it is not there yet. */
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
            String body = Files.readString(priv, StandardCharsets.US_ASCII).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            PrivateKey key = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
            return new JwtKeys(folder, key);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("JWT keys in " + folder + " cannot be made or read: " + e.getMessage(), e);
        }
    }

    public Path publicKeyFile() {
        return folder.resolve("public.pem").toAbsolutePath();
    }

    /** An RS256 JWT (JWS compact form) with the claims the services read: iss, upn, sub, groups, iat, exp. */
    public String token(String user, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        return token(ISSUER, user, now, now.plus(lifetime), roles);
    }

    /** The same with any issuer and times: for the probe's refused tokens (expired, foreign issuer). */
    public String token(String issuer, String user, Instant issuedAt, Instant expires, String... roles) {
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
        String signingInput = B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload(issuer, user, issuedAt, expires, roles).getBytes(StandardCharsets.UTF_8));
        return signingInput + "." + sign(signingInput);
    }

    /** A token that claims {@code alg: none} and carries no signature: must always be refused. */
    public static String unsigned(String user, Duration lifetime, String... roles) {
        Instant now = Instant.now();
        String header = "{\"alg\":\"none\",\"typ\":\"JWT\"}";
        return B64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + B64.encodeToString(payload(ISSUER, user, now, now.plus(lifetime), roles).getBytes(StandardCharsets.UTF_8)) + ".";
    }

    /** A key pair nobody trusts, in memory only: its tokens have a wrong signature. */
    public static JwtKeys stranger() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return new JwtKeys(null, generator.generateKeyPair().getPrivate());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private static String payload(String issuer, String user, Instant issuedAt, Instant expires, String... roles) {
        String groups = Arrays.stream(roles).map(JwtKeys::json).collect(Collectors.joining(",", "[", "]"));
        return "{\"iss\":" + json(issuer) + ",\"upn\":" + json(user) + ",\"sub\":" + json(user)
                + ",\"groups\":" + groups + ",\"iat\":" + issuedAt.getEpochSecond() + ",\"exp\":" + expires.getEpochSecond()
                + ",\"jti\":" + json(UUID.randomUUID().toString()) + "}";
    }

    private String sign(String signingInput) {
        Base64.Encoder b64 = B64;
        try {
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey);
            rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return b64.encodeToString(rsa.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("token cannot be signed", e);
        }
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
