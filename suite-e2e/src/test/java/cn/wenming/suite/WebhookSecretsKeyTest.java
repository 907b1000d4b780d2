package cn.wenming.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local run's key for distribution-service's webhook secrets: made once, kept, readable by its owner only. */
class WebhookSecretsKeyTest {

    @Test
    void theKeyIsMadeOnFirstUseAndKeptForLaterRuns(@TempDir Path work, @TempDir Path other) throws Exception {
        Map<String, String> first = WebhookSecretsKey.inFolder(work);
        String keys = first.get("DISTRIBUTION_WEBHOOK_SECRETS_KEYS");
        assertTrue(keys.matches("local1:[A-Za-z0-9+/]{43}="), keys);
        assertEquals(32, Base64.getDecoder().decode(keys.substring(keys.indexOf(':') + 1)).length, "an AES-256 key");
        assertEquals(first, WebhookSecretsKey.inFolder(work), "the same key next time: earlier secrets still open");
        Path file = work.resolve(WebhookSecretsKey.FILE);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertNotEquals(first, WebhookSecretsKey.inFolder(other), "another folder, another key");
    }
}
