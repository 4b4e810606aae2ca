package io.haven.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF protection: a random value in an HttpOnly, SameSite=Strict cookie ({@code __Host-} prefixed when
 * cookies are Secure), and in every POST form a token that is the keyed hash of that value with the
 * server secret. A token cannot be forged or chosen by anyone who lacks the secret, even one who can
 * plant a cookie, and it is bound to this browser's cookie. Checked in one place, {@link CsrfFilter}, for
 * every state-changing request; a handler marked {@link HandlesStaleForm} then brings the form back
 * filled in with a message ({@link Forms#check}) instead of a bare error page.
 * Templates use {@code {#csrf/}}, which reads {@code inject:csrf}.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    public static final String FIELD = "_csrf";
    private static final String PURPOSE = "csrf";
    /**
     * One generator per thread: SecureRandom serializes its callers, and every new reader of a lesson page
     * (on each event-loop thread) takes 32 bytes from it.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    @Inject
    TokenMac mac;

    private String cookieValue;
    private boolean fromBrowser;
    private String token;
    private boolean rejected;

    void fromCookie(String value) {
        if (isWellFormed(value)) {
            cookieValue = value;
            fromBrowser = true;
        }
    }

    /** Whether a cookie value is one this site could have set (32 random bytes, base64url). */
    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != 43) {
            return false;
        }
        for (int i = 0; i < 43; i++) {
            char c = value.charAt(i);
            if (!(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A new cookie value: 32 random bytes. */
    public static String newCookieValue() {
        byte[] b = new byte[32];
        RANDOM.get().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The form token bound to a cookie value. */
    public static String token(TokenMac mac, String cookieValue) {
        return mac.hex(PURPOSE, cookieValue);
    }

    boolean hasCookie() {
        return fromBrowser;
    }

    /** The cookie value to send when the browser has none (or had a bad one). */
    String cookieValue() {
        if (cookieValue == null) {
            cookieValue = newCookieValue();
        }
        return cookieValue;
    }

    /** The token to put in forms on this page, bound to this browser's cookie. */
    public String getToken() {
        if (token == null) {
            token = token(mac, cookieValue());
        }
        return token;
    }

    public String getField() {
        return FIELD;
    }

    /** Whether a submitted form token is the keyed hash of the browser's cookie. */
    boolean accepts(String submitted) {
        if (submitted == null || !fromBrowser) {
            return false;
        }
        return MessageDigest.isEqual(
                submitted.getBytes(StandardCharsets.US_ASCII),
                mac.hex(PURPOSE, cookieValue).getBytes(StandardCharsets.US_ASCII));
    }

    /** Whether this request's form token failed the check (set by {@link CsrfFilter} only). */
    public boolean rejected() {
        return rejected;
    }

    /** After a failed check, the page that comes back carries a fresh cookie and token. */
    void reject() {
        rejected = true;
        renew();
    }

    private void renew() {
        cookieValue = null;
        fromBrowser = false;
        token = null;
        getToken();
    }
}
