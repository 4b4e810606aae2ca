package io.haven.staff;

import io.haven.web.Clock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client address, in this node's memory only: nothing
 * here is ever written to the database or the log. After too many failures in the lockout window
 * the account or address is paused until the window ends; a success clears the account's count
 * (not the address's, so one known password cannot reset a guessing run against others).
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bound on remembered keys: past it, expired entries go first, then everything (fail open, never grow). */
    private static final int MAX_ENTRIES = 50_000;

    @Inject
    StaffConfig config;

    @Inject
    Clock clock;

    private final Map<String, Window> failures = new ConcurrentHashMap<>();

    private static final class Window {
        final Instant start;
        int count;

        Window(Instant start) {
            this.start = start;
        }
    }

    /** When the account or address may try again, or null if it may try now. */
    public Instant pausedUntil(String account, String address) {
        Instant now = clock.now();
        Instant a = pausedUntil("a:" + account, config.login().maxFailuresPerAccount(), now);
        Instant b = address == null ? null : pausedUntil("ip:" + address, config.login().maxFailuresPerAddress(), now);
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    public void failed(String account, String address) {
        Instant now = clock.now();
        if (failures.size() > MAX_ENTRIES) {
            prune(now);
        }
        count("a:" + account, now);
        if (address != null) {
            count("ip:" + address, now);
        }
    }

    public void succeeded(String account) {
        failures.remove("a:" + account);
    }

    /** Tests only: forget every failure. */
    void clear() {
        failures.clear();
    }

    private Instant pausedUntil(String key, int max, Instant now) {
        Window w = failures.get(key);
        if (w == null) {
            return null;
        }
        Instant end = w.start.plus(config.login().lockout());
        if (!now.isBefore(end)) {
            failures.remove(key, w);
            return null;
        }
        synchronized (w) {
            return w.count >= max ? end : null;
        }
    }

    private void count(String key, Instant now) {
        Duration lockout = config.login().lockout();
        Window w = failures.compute(key, (k, old) -> old == null || !now.isBefore(old.start.plus(lockout)) ? new Window(now) : old);
        synchronized (w) {
            w.count++;
        }
    }

    private void prune(Instant now) {
        Duration lockout = config.login().lockout();
        failures.values().removeIf(w -> !now.isBefore(w.start.plus(lockout)));
        if (failures.size() > MAX_ENTRIES) {
            failures.clear();
        }
    }
}
