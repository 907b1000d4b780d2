package cn.wenming.distribution.service;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256-GCM keys that encrypt the organizations' webhook secrets at rest, by key id, and
 * the one that is current for new encryptions. The JDK's javax.crypto does the cryptography; this
 * class only chooses its parameters and the layout of what is stored:
 * {@code nonce (12 random bytes, fresh for each encryption) || ciphertext || tag (16 bytes)}, with
 * the key id kept beside it in its own column. The organization's id is the associated data, so a
 * sealed secret copied to another organization's row does not open.
 *
 * <p>Configured as {@code <key id>:<base64 of 32 bytes>} entries (DISTRIBUTION_WEBHOOK_SECRETS_KEYS)
 * and the current key id (DISTRIBUTION_WEBHOOK_SECRETS_CURRENT_KEY, needed only when there are
 * several keys). Messages never carry key material.
 */
public final class KeyRing {

    /** What an encryption stores: the key id, and nonce + ciphertext + tag. */
    public record Sealed(String keyId, byte[] bytes) {
    }

    /** A stored secret that cannot be opened: its key is not configured, or it was altered or moved. */
    public static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }

    static final String ALGORITHM = "AES/GCM/NoPadding";
    static final int NONCE_BYTES = 12;
    static final int TAG_BITS = 128;
    static final int KEY_BYTES = 32;
    /** Key ids: short, printable, no separators of the configuration ({@code :} and {@code ,}). */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    /** Binds a ciphertext to its use as well as to its organization. */
    private static final String PURPOSE = "wenming/distribution/organization.webhook_secret/";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, SecretKey> keys;
    private final String current;
    private final boolean generated;

    private KeyRing(Map<String, SecretKey> keys, String current, boolean generated) {
        this.keys = Collections.unmodifiableMap(keys);
        this.current = current;
        this.generated = generated;
    }

    /**
     * The ring configured by {@code entries} ({@code <key id>:<base64 of 32 bytes>}) and
     * {@code current}. Without entries: a fresh random key when {@code mayGenerate} (dev mode and
     * tests), else an {@link IllegalStateException} saying what to set.
     */
    public static KeyRing configured(List<String> entries, Optional<String> current, boolean mayGenerate) {
        List<String> given = entries == null ? List.of()
                : entries.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
        if (given.isEmpty()) {
            if (!mayGenerate) {
                throw new IllegalStateException("No key for the webhook secrets: set DISTRIBUTION_WEBHOOK_SECRETS_KEYS to "
                        + "'<key id>:<base64 of 32 random bytes>' (for example k1:$(openssl rand -base64 32)); distribution-service "
                        + "stores the organizations' webhook secrets encrypted and does not start in production without a key "
                        + "(distribution-service/README.md, 'Webhook secrets at rest')");
            }
            String id = "generated-" + HexFormat.of().formatHex(random(4));
            return new KeyRing(new LinkedHashMap<>(Map.of(id, new SecretKeySpec(random(KEY_BYTES), "AES"))), id, true);
        }
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String entry = given.get(i);
            int colon = entry.indexOf(':');
            String where = "DISTRIBUTION_WEBHOOK_SECRETS_KEYS, entry " + (i + 1) + " of " + given.size();
            if (colon < 0) {
                throw new IllegalStateException(where + ": not '<key id>:<base64 of 32 bytes>'");
            }
            String id = entry.substring(0, colon).strip();
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalStateException(where + ": the key id must be 1-40 of A-Z a-z 0-9 . _ -");
            }
            byte[] key;
            try {
                key = Base64.getDecoder().decode(entry.substring(colon + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(where + " (key id " + id + "): the key is not base64");
            }
            if (key.length != KEY_BYTES) {
                throw new IllegalStateException(where + " (key id " + id + "): the key has " + key.length + " bytes; AES-256 needs "
                        + KEY_BYTES + " (openssl rand -base64 32)");
            }
            if (keys.putIfAbsent(id, new SecretKeySpec(key, "AES")) != null) {
                throw new IllegalStateException(where + ": the key id " + id + " is given twice");
            }
        }
        String chosen = current.map(String::strip).filter(c -> !c.isEmpty()).orElse(null);
        if (chosen == null) {
            if (keys.size() > 1) {
                throw new IllegalStateException("DISTRIBUTION_WEBHOOK_SECRETS_KEYS names " + keys.size() + " keys " + keys.keySet()
                        + ": set DISTRIBUTION_WEBHOOK_SECRETS_CURRENT_KEY to the one that encrypts new secrets");
            }
            chosen = keys.keySet().iterator().next();
        } else if (!keys.containsKey(chosen)) {
            throw new IllegalStateException("DISTRIBUTION_WEBHOOK_SECRETS_CURRENT_KEY is " + chosen
                    + ", which DISTRIBUTION_WEBHOOK_SECRETS_KEYS does not name (it names " + keys.keySet() + ")");
        }
        return new KeyRing(keys, chosen, false);
    }

    /** The id of the key new encryptions use. */
    public String currentKeyId() {
        return current;
    }

    /** The ids of every key this ring holds, in the configured order. */
    public List<String> keyIds() {
        return List.copyOf(keys.keySet());
    }

    /** True when this ring's only key was made at start (dev mode, tests): what it seals is unreadable after a restart. */
    public boolean generated() {
        return generated;
    }

    public boolean knows(String keyId) {
        return keyId != null && keys.containsKey(keyId);
    }

    /** Encrypts {@code secret} for {@code organizationId} with the current key and a fresh nonce. */
    public Sealed seal(UUID organizationId, String secret) {
        return seal(organizationId, secret, current);
    }

    /** The same with a named key (the tests seal under an old key to re-encrypt). */
    public Sealed seal(UUID organizationId, String secret, String keyId) {
        SecretKey key = keys.get(keyId);
        if (key == null) {
            throw new IllegalArgumentException("no key " + keyId);
        }
        byte[] nonce = random(NONCE_BYTES);
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(organizationId));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    /** Decrypts what {@link #seal} stored for {@code organizationId} under {@code keyId}. */
    public String open(UUID organizationId, String keyId, byte[] sealed) throws Unreadable {
        SecretKey key = keyId == null ? null : keys.get(keyId);
        if (key == null) {
            throw new Unreadable("密钥未配置 (the key id '" + keyId + "' of this organization's webhook secret is not in "
                    + "DISTRIBUTION_WEBHOOK_SECRETS_KEYS)");
        }
        if (sealed == null || sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new Unreadable("密文不完整 (the stored webhook secret is too short to be one sealed under key '" + keyId + "')");
        }
        try {
            Cipher cipher = Cipher.getInstance(ALGORITHM);
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(associatedData(organizationId));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new Unreadable("密文校验失败 (the stored webhook secret does not verify under key '" + keyId
                    + "': it was altered, copied from another organization, or the key with this id is not the one that sealed it)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available: " + e.getMessage(), e);
        }
    }

    private static byte[] associatedData(UUID organizationId) {
        return (PURPOSE + organizationId).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
