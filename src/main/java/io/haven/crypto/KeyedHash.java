package io.haven.crypto;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 with the server secret. A receipt code or an audit row hashed this way cannot be
 * recomputed, or brute-forced offline, by someone who only has the database.
 */
@ApplicationScoped
public class KeyedHash implements io.haven.web.TokenMac {

    @Inject
    KeyRing keys;

    /** The keyed hash of a value for one purpose ("receipt", "audit"), as hex. */
    @Override
    public String hex(String purpose, String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(keys.hmacSecret(), "HmacSHA256"));
            mac.update(purpose.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC failed", e);
        }
    }
}
