package io.haven.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import java.util.regex.Pattern;

/**
 * One message carried across a post/redirect/get as a message-bundle key in a short-lived cookie.
 * Only keys travel, never text, so nothing a person typed ends up in a cookie.
 */
@RequestScoped
@Named("flash")
public class Flash {

    private static final Pattern KEY = Pattern.compile("[a-z0-9_]{1,80}");

    private String incoming;
    private String outgoing;
    private boolean consumed;

    void fromCookie(String value) {
        if (value != null && KEY.matcher(value).matches()) {
            incoming = value;
        }
    }

    /** Shows this message on the next page the browser loads. */
    public void next(String messageKey) {
        outgoing = messageKey;
    }

    /** The message for this page, or null; reading it clears it. */
    public String getKey() {
        if (incoming != null) {
            consumed = true;
        }
        return incoming;
    }

    /** The message for this page without taking it (a page that shows it in the section it is about). */
    public String peek() {
        return incoming;
    }

    public boolean isPresent() {
        return incoming != null;
    }

    String outgoing() {
        return outgoing;
    }

    boolean consumed() {
        return consumed;
    }
}
