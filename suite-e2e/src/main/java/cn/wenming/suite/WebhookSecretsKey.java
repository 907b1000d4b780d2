package cn.wenming.suite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/**
 * distribution-service's key for the organizations' webhook secrets at rest, as its environment
 * takes it ({@code DISTRIBUTION_WEBHOOK_SECRETS_KEYS}, {@code <key id>:<base64 of 32 bytes>}):
 * made on first use in {@code workDir/webhook-secrets.keys} (readable by its owner only) and
 * kept, like the database, so that the secrets of an earlier run still open. Never committed.
 * The local run's other keys, the token signing keys, are {@link JwtKeys}.
 */
final class WebhookSecretsKey {

    /** Where the local run keeps the key, in its work folder. */
    static final String FILE = "webhook-secrets.keys";

    private WebhookSecretsKey() {
    }

    static Map<String, String> inFolder(Path workDir) {
        Path file = workDir.resolve(FILE);
        try {
            if (!Files.isRegularFile(file)) {
                make(workDir, file);
            }
            String keys = Files.readString(file, StandardCharsets.US_ASCII).strip();
            return Map.of("DISTRIBUTION_WEBHOOK_SECRETS_KEYS", keys);
        } catch (IOException e) {
            throw new IllegalStateException("the webhook secrets key in " + file + " cannot be made or read: " + e.getMessage(), e);
        }
    }

    private static void make(Path workDir, Path file) throws IOException {
        Files.createDirectories(workDir);
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, "local1:" + Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own protection applies
        }
    }
}
