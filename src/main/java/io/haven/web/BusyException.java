package io.haven.web;

/** The node is at a deliberate limit (e.g. concurrent password checks): answered 503 with Retry-After. */
public class BusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public BusyException(int retryAfterSeconds) {
        super("busy", null, false, false);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
