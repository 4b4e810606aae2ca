package io.haven.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts a text field with AES-256-GCM for storage: {@code v1:<key id>:<base64 of nonce and ciphertext>}.
 * The context (for example "report.body") is authenticated too, so a value copied into another
 * column does not decrypt there.
 */
@ApplicationScoped
public class FieldCipher {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    @Inject
    KeyRing keys;

    public String encrypt(String context, String plaintext) {
        return encryptWith(keys.currentId(), context, plaintext);
    }

    /** Encrypts with a named key of the ring; only rotation tests need another key than the current one. */
    String encryptWith(String keyId, String context, String plaintext) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.key(keyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] ct = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + ct.length)
                    .put(nonce)
                    .put(ct)
                    .array();
            return "v1:" + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    public String decrypt(String context, String stored) {
        if (stored == null) {
            return null;
        }
        String[] parts = stored.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("not an encrypted value");
        }
        try {
            byte[] all = Base64.getDecoder().decode(parts[2]);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, keys.key(parts[1]), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed (wrong key or tampered value)", e);
        }
    }

    /** The id of the key a stored value was encrypted with. */
    public static String keyIdOf(String stored) {
        String[] parts = stored.split(":", 3);
        return parts.length == 3 ? parts[1] : null;
    }

    /** Whether a stored value should be re-encrypted because a newer key now encrypts. */
    public boolean isStale(String stored) {
        return stored != null && !keys.currentId().equals(keyIdOf(stored));
    }
}
