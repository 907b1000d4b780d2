package cn.wenming.distribution.rest;

import static cn.wenming.distribution.rest.DispatchDesk.*;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import cn.wenming.common.security.Roles;
import cn.wenming.common.testing.SuiteTestResource;
import cn.wenming.distribution.service.KeyRing;
import cn.wenming.distribution.service.WebhookSecretResealer;
import cn.wenming.distribution.service.WebhookSecrets;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/**
 * Webhook secrets at rest, under two configured keys ({@code old} and the current {@code new}, made
 * for this run): the database holds ciphertext, deliveries are signed with the decrypted secret,
 * plain and old-key rows are brought under the current key, and a secret that cannot be opened
 * makes a failed delivery attempt that says why, never a server error. The periodic pass is off
 * here: each test runs a pass itself.
 */
@QuarkusTest
@WithTestResource(SuiteTestResource.class)
@WithTestResource(BulletinServiceStub.class)
@TestProfile(WebhookSecretsAtRestTest.TwoKeys.class)
class WebhookSecretsAtRestTest {

    public static class TwoKeys implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("distribution.webhook.secrets.keys", "old:" + key() + ",new:" + key(),
                    "distribution.webhook.secrets.current-key", "new",
                    "distribution.webhook.secrets.reseal-every", "off");
        }

        private static String key() {
            byte[] b = new byte[32];
            new SecureRandom().nextBytes(b);
            return Base64.getEncoder().encodeToString(b);
        }
    }

    @Inject
    DataSource database;

    @Inject
    WebhookSecrets secrets;

    @Inject
    WebhookSecretResealer resealer;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** An organization's secret columns as the database holds them. */
    record Columns(String plain, String keyId, byte[] sealed, long version) {
    }

    @Test
    void theDatabaseHoldsCiphertextUnderTheCurrentKeyNeverTheSecret() throws Exception {
        String org = webhookOrganization("http://127.0.0.1:9/inbox");
        Columns c = columns(org);
        assertNull(c.plain(), "no plain text");
        assertEquals("new", c.keyId());
        byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
        assertEquals(12 + secret.length + 16, c.sealed().length, "nonce, ciphertext, tag");
        assertFalse(new String(c.sealed(), StandardCharsets.ISO_8859_1).contains(new String(secret, StandardCharsets.ISO_8859_1)));
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement(
                "select count(*) from organization where webhook_secret = ? or position(? in webhook_secret_sealed) > 0")) {
            s.setString(1, SECRET);
            s.setBytes(2, secret);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getInt(1), "no row holds the secret in any column");
            }
        }
        assertEquals(SECRET, secrets.ring().open(UUID.fromString(org), "new", c.sealed()), "it opens with the current key");
    }

    @Test
    void aDeliveryIsSignedWithTheDecryptedSecret() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String delivery = deliverTo(webhookOrganization(receiver.url()));
            await(() -> "SENT".equals(delivery(delivery).path("status")), "SENT");
            assertEquals(1, receiver.accepted(delivery));
            assertEquals(0, receiver.badSignatures.get(), "the receiver verified the signature with the plain secret");
        }
    }

    @Test
    void aPlainSecretIsSealedUnderTheCurrentKeyByThePassAndStillSigns() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String org = webhookOrganization(receiver.url());
            // as a row of before encryption: the secret in plain text, no key id
            update(org, "update organization set webhook_secret = ?, webhook_secret_key_id = null, webhook_secret_sealed = null where id = ?",
                    SECRET);
            long version = columns(org).version();
            WebhookSecretResealer.Pass pass = resealer.resealAll();
            assertTrue(pass.sealed() >= 1, "sealed: " + pass);
            Columns c = columns(org);
            assertNull(c.plain(), "the plain column is cleared");
            assertEquals("new", c.keyId());
            assertEquals(SECRET, secrets.ring().open(UUID.fromString(org), "new", c.sealed()));
            assertEquals(version, c.version(), "the organization's version (its ETag) is unchanged");
            String delivery = deliverTo(org);
            await(() -> "SENT".equals(delivery(delivery).path("status")), "SENT");
            assertEquals(0, receiver.badSignatures.get());
        }
    }

    @Test
    void aSecretUnderTheOldKeyIsReEncryptedToTheCurrentOneAndStillSigns() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String org = webhookOrganization(receiver.url());
            KeyRing.Sealed old = secrets.ring().seal(UUID.fromString(org), SECRET, "old");
            update(org, "update organization set webhook_secret_key_id = 'old', webhook_secret_sealed = ? where id = ?", old.bytes());
            // before the pass it is read with the old key: the delivery verifies
            String before = deliverTo(org);
            await(() -> "SENT".equals(delivery(before).path("status")), "SENT under the old key");
            WebhookSecretResealer.Pass pass = resealer.resealAll();
            assertTrue(pass.resealed() >= 1, "re-encrypted: " + pass);
            Columns c = columns(org);
            assertEquals("new", c.keyId());
            assertFalse(java.util.Arrays.equals(old.bytes(), c.sealed()));
            assertEquals(SECRET, secrets.ring().open(UUID.fromString(org), "new", c.sealed()));
            String after = deliverTo(org);
            await(() -> "SENT".equals(delivery(after).path("status")), "SENT under the new key");
            assertEquals(0, receiver.badSignatures.get());
            assertEquals(1, receiver.accepted(before));
            assertEquals(1, receiver.accepted(after));
            // a second pass has nothing left to do for it
            byte[] now = c.sealed();
            resealer.resealAll();
            assertArrayEquals(now, columns(org).sealed(), "a secret under the current key is left as it is");
        }
    }

    @Test
    void aSecretUnderAnUnknownKeyIdFailsItsDeliveryWithTheReasonAndIsLeftAlone() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String org = webhookOrganization(receiver.url());
            update(org, "update organization set webhook_secret_key_id = ? where id = ?", "gone");
            Columns before = columns(org);
            WebhookSecretResealer.Pass pass = resealer.resealAll();
            assertTrue(pass.unreadableKeyIds().contains("gone"), pass.toString());
            assertArrayEquals(before.sealed(), columns(org).sealed(), "an unreadable secret is not rewritten");
            assertEquals("gone", columns(org).keyId());
            String delivery = deliverTo(org);
            await(() -> "FAILED".equals(delivery(delivery).path("status")), "FAILED after its attempts");
            delivery(delivery).then().statusCode(200)
                    .body("attemptLog[0].outcome", equalTo("RETRY"))
                    .body("attemptLog[0].error", containsString("cannot be decrypted"))
                    .body("attemptLog[0].error", containsString("'gone'"))
                    .body("lastError", containsString("not in DISTRIBUTION_WEBHOOK_SECRETS_KEYS"));
            assertTrue(receiver.calls.isEmpty(), "nothing was sent unsigned or mis-signed");
            given().header("Authorization", Fixtures.as(Roles.ADMIN)).get("/api/v1/organizations/" + org).then().statusCode(200)
                    .body("webhookSecretSet", equalTo(true));
        }
    }

    @Test
    void aTamperedOrMovedSecretFailsItsDeliveryWithTheReason() throws Exception {
        try (Receiver receiver = new Receiver(SECRET, 0)) {
            String tampered = webhookOrganization(receiver.url());
            byte[] sealed = columns(tampered).sealed();
            sealed[sealed.length - 1] ^= 1;
            update(tampered, "update organization set webhook_secret_sealed = ? where id = ?", sealed);
            // another organization's ciphertext, copied into this row with its key id: bound to the other id, it does not open here
            String moved = webhookOrganization(receiver.url());
            String source = webhookOrganization(receiver.url());
            update(moved, "update organization set webhook_secret_sealed = ? where id = ?", columns(source).sealed());
            for (String org : List.of(tampered, moved)) {
                String delivery = deliverTo(org);
                await(() -> "FAILED".equals(delivery(delivery).path("status")), "FAILED after its attempts");
                delivery(delivery).then().body("lastError", containsString("does not verify"));
            }
            assertTrue(receiver.calls.isEmpty());
        }
    }

    @Test
    void twoPassesAtOnceShareTheRowsAndLeaveEverySecretUnderTheCurrentKey() throws Exception {
        // 150 organizations (three batches): every other one in plain text, the rest under the old key
        int n = 150;
        Map<UUID, String> expected = new java.util.LinkedHashMap<>();
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement("""
                insert into organization (id, name, kind, channel, webhook_secret, webhook_secret_key_id, webhook_secret_sealed,
                                          created_at, updated_at)
                values (?, ?, 'PEER', 'PAPER', ?, ?, ?, now(), now())""")) {
            for (int i = 0; i < n; i++) {
                UUID id = UUID.randomUUID();
                String secret = "secret-" + i + "-" + UUID.randomUUID();
                expected.put(id, secret);
                s.setObject(1, id);
                s.setString(2, Fixtures.unique("各区文明办"));
                if (i % 2 == 0) {
                    s.setString(3, secret);
                    s.setString(4, null);
                    s.setBytes(5, null);
                } else {
                    KeyRing.Sealed old = secrets.ring().seal(id, secret, "old");
                    s.setString(3, null);
                    s.setString(4, "old");
                    s.setBytes(5, old.bytes());
                }
                s.addBatch();
            }
            s.executeBatch();
        }
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<WebhookSecretResealer.Pass> passes = new java.util.ArrayList<>();
        try {
            java.util.concurrent.Callable<WebhookSecretResealer.Pass> pass = resealer::resealAll;
            for (var f : two.invokeAll(List.of(pass, pass))) {
                passes.add(f.get());
            }
        } finally {
            two.shutdownNow();
        }
        int done = passes.stream().mapToInt(p -> p.sealed() + p.resealed()).sum();
        assertTrue(done >= n, "every row was taken by one of the passes: " + passes);
        for (Map.Entry<UUID, String> e : expected.entrySet()) {
            Columns c = columns(e.getKey().toString());
            assertNull(c.plain());
            assertEquals("new", c.keyId());
            assertEquals(e.getValue(), secrets.ring().open(e.getKey(), "new", c.sealed()), "each row keeps its own secret");
        }
    }

    @Test
    void anEditThatLeavesTheSecretOutKeepsItSealedAndANewSecretIsSealedAgain() throws Exception {
        String org = webhookOrganization("http://127.0.0.1:9/inbox");
        byte[] first = columns(org).sealed();
        String name = given().header("Authorization", Fixtures.as(Roles.ADMIN)).get("/api/v1/organizations/" + org).path("name");
        String edit = "{\"name\":\"%s\",\"kind\":\"SUPERIOR\",\"channel\":\"WEBHOOK\",\"webhookUrl\":\"http://127.0.0.1:10/inbox\"%s}";
        put(org, edit.formatted(name, "")).then().statusCode(200);
        assertArrayEquals(first, columns(org).sealed(), "left out: kept");
        put(org, edit.formatted(name, ",\"webhookSecret\":\"another-secret-0123456789\"")).then().statusCode(200);
        Columns c = columns(org);
        assertEquals("new", c.keyId());
        assertEquals("another-secret-0123456789", secrets.ring().open(UUID.fromString(org), "new", c.sealed()));
    }

    private static Response put(String org, String json) {
        return given().header("Authorization", Fixtures.as(Roles.ADMIN)).contentType(io.restassured.http.ContentType.JSON).body(json)
                .put("/api/v1/organizations/" + org);
    }


    private Columns columns(String org) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement(
                "select webhook_secret, webhook_secret_key_id, webhook_secret_sealed, version from organization where id = ?")) {
            s.setObject(1, UUID.fromString(org));
            try (ResultSet r = s.executeQuery()) {
                assertTrue(r.next(), "organization " + org);
                Columns c = new Columns(r.getString(1), r.getString(2), r.getBytes(3), r.getLong(4));
                assertNotNull(c.plain() != null ? c.plain() : c.sealed(), "a secret of some form");
                return c;
            }
        }
    }

    private void update(String org, String sql, Object value) throws SQLException {
        try (Connection db = database.getConnection(); PreparedStatement s = db.prepareStatement(sql)) {
            if (value instanceof byte[] bytes) {
                s.setBytes(1, bytes);
            } else {
                s.setObject(1, value);
            }
            s.setObject(2, UUID.fromString(org));
            assertEquals(1, s.executeUpdate());
        }
    }
}
