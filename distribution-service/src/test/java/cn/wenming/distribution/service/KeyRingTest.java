package cn.wenming.distribution.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The keys of the webhook secrets: AES-256-GCM with a fresh nonce, bound to the organization, and the configuration's rules. */
class KeyRingTest {

    private static final String SECRET = "s3cr3t-中央文明办-2020-key";

    static String key() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static KeyRing ring(String... entries) {
        return KeyRing.configured(List.of(entries), Optional.empty(), false);
    }

    @Test
    void aSealedSecretOpensForItsOrganizationAndIsNotThePlainText() throws Exception {
        KeyRing ring = ring("k1:" + key());
        UUID org = UUID.randomUUID();
        KeyRing.Sealed sealed = ring.seal(org, SECRET);
        assertEquals("k1", sealed.keyId());
        byte[] plain = SECRET.getBytes(StandardCharsets.UTF_8);
        assertEquals(12 + plain.length + 16, sealed.bytes().length, "nonce, ciphertext, tag");
        assertFalse(new String(sealed.bytes(), StandardCharsets.ISO_8859_1).contains(new String(plain, StandardCharsets.ISO_8859_1)),
                "the plain text is not in what is stored");
        assertEquals(SECRET, ring.open(org, "k1", sealed.bytes()));
    }

    @Test
    void everySealHasAFreshNonce() {
        KeyRing ring = ring("k1:" + key());
        UUID org = UUID.randomUUID();
        byte[] a = ring.seal(org, SECRET).bytes();
        byte[] b = ring.seal(org, SECRET).bytes();
        assertFalse(Arrays.equals(Arrays.copyOf(a, 12), Arrays.copyOf(b, 12)), "two nonces");
        assertFalse(Arrays.equals(a, b), "the same secret seals differently each time");
    }

    @Test
    void aSealedSecretMovedToAnotherOrganizationDoesNotOpen() {
        KeyRing ring = ring("k1:" + key());
        byte[] sealed = ring.seal(UUID.randomUUID(), SECRET).bytes();
        KeyRing.Unreadable e = assertThrows(KeyRing.Unreadable.class, () -> ring.open(UUID.randomUUID(), "k1", sealed));
        assertTrue(e.getMessage().contains("does not verify"), e.getMessage());
    }

    @Test
    void aTamperedOrTruncatedSecretDoesNotOpen() {
        KeyRing ring = ring("k1:" + key());
        UUID org = UUID.randomUUID();
        byte[] sealed = ring.seal(org, SECRET).bytes();
        for (int i : new int[] { 0, 12, sealed.length - 1 }) { // the nonce, the ciphertext, the tag
            byte[] altered = sealed.clone();
            altered[i] ^= 1;
            assertThrows(KeyRing.Unreadable.class, () -> ring.open(org, "k1", altered), "byte " + i);
        }
        assertTrue(assertThrows(KeyRing.Unreadable.class, () -> ring.open(org, "k1", Arrays.copyOf(sealed, 20))).getMessage()
                .contains("too short"));
    }

    @Test
    void anUnknownKeyIdOrAnotherKeyUnderTheSameIdIsUnreadableNamingTheKeyId() {
        KeyRing ring = ring("k1:" + key());
        UUID org = UUID.randomUUID();
        byte[] sealed = ring.seal(org, SECRET).bytes();
        KeyRing.Unreadable unknown = assertThrows(KeyRing.Unreadable.class, () -> ring.open(org, "k0", sealed));
        assertTrue(unknown.getMessage().contains("'k0'") && unknown.getMessage().contains("DISTRIBUTION_WEBHOOK_SECRETS_KEYS"),
                unknown.getMessage());
        KeyRing other = ring("k1:" + key());
        assertThrows(KeyRing.Unreadable.class, () -> other.open(org, "k1", sealed));
    }

    @Test
    void aSecondKeyOpensWhatTheFirstSealedAndTheCurrentOneSealsNewSecrets() throws Exception {
        String k1 = "k1:" + key();
        UUID org = UUID.randomUUID();
        byte[] old = ring(k1).seal(org, SECRET).bytes();
        KeyRing both = KeyRing.configured(List.of(k1, "k2:" + key()), Optional.of("k2"), false);
        assertEquals("k2", both.currentKeyId());
        assertEquals(SECRET, both.open(org, "k1", old));
        KeyRing.Sealed renewed = both.seal(org, SECRET);
        assertEquals("k2", renewed.keyId());
        assertEquals(SECRET, both.open(org, "k2", renewed.bytes()));
        assertEquals(List.of("k1", "k2"), both.keyIds());
    }

    @Test
    void withoutAKeyProductionRefusesToStartAndDevModeGeneratesOne() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyRing.configured(List.of(), Optional.empty(), false));
        assertTrue(e.getMessage().contains("DISTRIBUTION_WEBHOOK_SECRETS_KEYS"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> KeyRing.configured(null, Optional.empty(), false));
        assertThrows(IllegalStateException.class, () -> KeyRing.configured(List.of(" "), Optional.empty(), false));
        KeyRing generated = KeyRing.configured(null, Optional.empty(), true);
        assertTrue(generated.generated());
        assertTrue(generated.currentKeyId().startsWith("generated-"), generated.currentKeyId());
        assertNotEquals(generated.currentKeyId(), KeyRing.configured(null, Optional.empty(), true).currentKeyId(), "a fresh one each start");
    }

    @Test
    void aMalformedConfigurationStopsTheStartWithoutShowingTheKey() {
        String good = key();
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        for (List<String> entries : List.of(List.of(good), List.of("k1:not*base64"), List.of("k1:" + shortKey), List.of("k 1:" + good),
                List.of("k1:" + good, "k1:" + key()), List.of(":" + good))) {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> KeyRing.configured(entries, Optional.empty(), true),
                    entries.toString());
            assertTrue(e.getMessage().startsWith("DISTRIBUTION_WEBHOOK_SECRETS_KEYS"), e.getMessage());
            assertFalse(e.getMessage().contains(good) || e.getMessage().contains(shortKey), "no key material in: " + e.getMessage());
        }
        IllegalStateException two = assertThrows(IllegalStateException.class,
                () -> KeyRing.configured(List.of("k1:" + key(), "k2:" + key()), Optional.empty(), false));
        assertTrue(two.getMessage().contains("DISTRIBUTION_WEBHOOK_SECRETS_CURRENT_KEY"), two.getMessage());
        IllegalStateException missing = assertThrows(IllegalStateException.class,
                () -> KeyRing.configured(List.of("k1:" + key()), Optional.of("k2"), false));
        assertTrue(missing.getMessage().contains("k2"), missing.getMessage());
    }

    @Test
    void oneKeyIsCurrentWithoutBeingNamed() throws Exception {
        KeyRing ring = ring(" k1 : " + key() + " ");
        assertEquals("k1", ring.currentKeyId());
        UUID org = UUID.randomUUID();
        assertArrayEquals(SECRET.getBytes(StandardCharsets.UTF_8),
                ring.open(org, "k1", ring.seal(org, SECRET).bytes()).getBytes(StandardCharsets.UTF_8));
    }
}
