package io.haven.staff;

import io.haven.crypto.FieldCipher;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What the staff session cookie holds: who, which session epoch of the account, when the session
 * began and was last used (epoch seconds), and whether the second factor was passed. Encrypted and
 * authenticated with FieldCipher, so it can be neither read nor forged in the browser.
 */
record SessionClaims(long staffId, int epoch, long issuedAt, long lastSeen, boolean secondFactor) {

    static final String CONTEXT = "staff.session";

    String seal(FieldCipher cipher) {
        String plain = "1|" + staffId + "|" + epoch + "|" + issuedAt + "|" + lastSeen + "|" + (secondFactor ? 1 : 0);
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(cipher.encrypt(CONTEXT, plain).getBytes(StandardCharsets.US_ASCII));
    }

    /** The claims of a cookie value, or null for anything not sealed by this server. */
    static SessionClaims open(FieldCipher cipher, String cookie) {
        if (cookie == null || cookie.isEmpty() || cookie.length() > 1000) {
            return null;
        }
        try {
            String sealed = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.US_ASCII);
            String[] p = cipher.decrypt(CONTEXT, sealed).split("\\|");
            if (p.length != 6 || !p[0].equals("1")) {
                return null;
            }
            return new SessionClaims(
                    Long.parseLong(p[1]),
                    Integer.parseInt(p[2]),
                    Long.parseLong(p[3]),
                    Long.parseLong(p[4]),
                    p[5].equals("1"));
        } catch (RuntimeException tamperedOrOldKey) {
            return null;
        }
    }

    SessionClaims seenAt(long now) {
        return new SessionClaims(staffId, epoch, issuedAt, now, secondFactor);
    }

    SessionClaims withSecondFactor() {
        return new SessionClaims(staffId, epoch, issuedAt, lastSeen, true);
    }

    SessionClaims withEpoch(int newEpoch) {
        return new SessionClaims(staffId, newEpoch, issuedAt, lastSeen, secondFactor);
    }
}
