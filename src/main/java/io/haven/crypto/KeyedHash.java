package io.haven.crypto;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the server secret. A receipt code or an audit row hashed this way cannot be
 * recomputed, or brute-forced offline, by someone who only has the database. A singleton, not proxied:
 * the lesson page's fast path calls it for every new reader, and a client proxy's look-up was a fifth of
 * the hash's cost.
 */
@Singleton
public class KeyedHash implements io.haven.web.TokenMac {

    @Inject
    KeyRing keys;

    /**
     * One keyed Mac per thread: looking the algorithm up and keying it took longer than the hash itself,
     * and every lesson page a new reader opens hashes its form token (about 1-4 us of the page's 15-40 us).
     */
    private static final ThreadLocal<Keyed> MACS = new ThreadLocal<>();

    private record Keyed(byte[] secret, Mac mac) {}

    /** The keyed hash of a value for one purpose ("receipt", "audit"), as hex. */
    @Override
    public String hex(String purpose, String value) {
        Mac mac;
        try {
            mac = mac();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
        try {
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            // doFinal leaves the Mac ready for the next value.
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (RuntimeException e) {
            // Not left half-fed for this thread's next value.
            mac.reset();
            throw e;
        }
    }

    private Mac mac() throws GeneralSecurityException {
        byte[] secret = keys.hmacSecret();
        Keyed k = MACS.get();
        // Compared by content: hmacSecret() hands out a copy, and a test may start the portal with another key.
        if (k == null || !MessageDigest.isEqual(k.secret(), secret)) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            k = new Keyed(secret, mac);
            MACS.set(k);
        }
        return k.mac();
    }
}
