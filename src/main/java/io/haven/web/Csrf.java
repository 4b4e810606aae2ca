package io.haven.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Double-submit CSRF protection: a random token in an HttpOnly, SameSite=Strict cookie and the same
 * token in a hidden field of every POST form. Checked by the resource that handles the form, so that
 * a missing or stale token brings the form back filled in instead of a bare error page.
 * Templates use {@code {#csrf/}}, which reads {@code inject:csrf}.
 */
@RequestScoped
@Named("csrf")
public class Csrf {

    public static final String FIELD = "_csrf";
    private static final SecureRandom RANDOM = new SecureRandom();

    private String cookieToken;
    private String token;

    void fromCookie(String value) {
        if (value != null && value.length() == 43) {
            cookieToken = value;
        }
    }

    boolean hasCookie() {
        return cookieToken != null;
    }

    /** The token to put in forms on this page; a new one (and its cookie) when the browser has none. */
    public String getToken() {
        if (token == null) {
            if (cookieToken != null) {
                token = cookieToken;
            } else {
                byte[] b = new byte[32];
                RANDOM.nextBytes(b);
                token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            }
        }
        return token;
    }

    public String getField() {
        return FIELD;
    }

    /** Whether a submitted form token matches the browser's cookie. */
    public boolean accepts(String submitted) {
        if (submitted == null || cookieToken == null) {
            return false;
        }
        return MessageDigest.isEqual(submitted.getBytes(StandardCharsets.US_ASCII),
                cookieToken.getBytes(StandardCharsets.US_ASCII));
    }

    /** After a failed check, the page that comes back carries a fresh token. */
    public void renew() {
        cookieToken = null;
        token = null;
        getToken();
    }
}
