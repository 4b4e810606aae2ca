package io.haven.web;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one rate limiter: attempts per key, in memory only and per node, by design. Two ways to count, over
 * the same store:
 * <ul>
 * <li>a sliding window ({@link #tryAcquire}): at most {@code limit} attempts per {@code window};</li>
 * <li>failure back-off ({@link #reserve}, {@link #settle}): a few free failures, then each further attempt
 * waits twice as long as the last, up to a cap; failures are forgotten after the window. An attempt is
 * reserved before it is checked, so parallel attempts count as the failures they may be.</li>
 * </ul>
 * Keys such as client addresses are kept only as a keyed hash with a secret that lives and dies with the
 * process, so even a heap dump does not list who sent what. The store is bounded: past
 * {@value #MAX_KEYS} keys expired ones go first, then everything (fail open, never grow).
 */
public class RateLimiter {

    static final int MAX_KEYS = 100_000;
    private static final byte[] SALT = new byte[32];

    static {
        new SecureRandom().nextBytes(SALT);
    }

    private final int limit;
    private final Duration window;
    private final Map<String, Slot> slots = new ConcurrentHashMap<>();

    private static final class Slot {
        final Deque<Instant> times = new ArrayDeque<>();
        int failures;
        int inFlight;
        Instant lastFailure;
    }

    /** A sliding window of {@code limit} attempts per {@code window}. */
    public RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Failure back-off only: failures are remembered for {@code memory}. */
    public static RateLimiter forFailures(Duration memory) {
        return new RateLimiter(Integer.MAX_VALUE, memory);
    }

    /** Records an attempt; false when the key is over its limit (the attempt is not counted then). */
    public boolean tryAcquire(String key, Instant now) {
        Slot s = slot(key, now);
        synchronized (s) {
            expire(s, now);
            if (s.times.size() >= limit) {
                return false;
            }
            s.times.addLast(now);
            return true;
        }
    }

    /** Whether the key is at its limit now (nothing is counted). */
    public boolean isExhausted(String key, Instant now) {
        Slot s = slots.get(blind(key));
        if (s == null) {
            return false;
        }
        synchronized (s) {
            expire(s, now);
            return s.times.size() >= limit;
        }
    }

    /** Minutes until the key may try again (at least 1). */
    public long minutesUntilFree(String key, Instant now) {
        Slot s = slots.get(blind(key));
        if (s == null) {
            return 1;
        }
        synchronized (s) {
            Instant first = s.times.peekFirst();
            return first == null
                    ? 1
                    : Math.max(1, Duration.between(now, first.plus(window)).toMinutes() + 1);
        }
    }

    /**
     * Reserves an attempt under failure back-off: null when it may go ahead now (then call
     * {@link #settle}), else the instant from which it may. After {@code free} failures the wait is
     * {@code baseSeconds}, then twice that, and so on up to {@code cap}.
     */
    public Instant reserve(String key, int free, long baseSeconds, Duration cap, Instant now) {
        Slot s = slot(key, now);
        synchronized (s) {
            if (s.lastFailure != null && !now.isBefore(s.lastFailure.plus(window))) {
                // Remembered longer than the longest delay, so that waiting one out does not bring back
                // the free attempts; forgotten after that.
                s.failures = 0;
                s.inFlight = 0;
            }
            int over = s.failures + s.inFlight - free + 1;
            Instant at = null;
            if (over > 0) {
                long seconds = over >= 30 ? cap.toSeconds() : Math.min(cap.toSeconds(), baseSeconds << (over - 1));
                at = (s.lastFailure == null ? now : s.lastFailure).plusSeconds(seconds);
                if (s.inFlight > 0 && s.failures < free) {
                    // Parallel attempts beyond the free ones wait for those in flight to be counted.
                    at = now.plusSeconds(1);
                }
            }
            if (at != null && now.isBefore(at)) {
                return at;
            }
            s.inFlight++;
            return null;
        }
    }

    /** Ends a reserved attempt; returns the key's failures counted so far (0 if unknown). */
    public int settle(String key, boolean failed, Instant now) {
        Slot s = slots.get(blind(key));
        if (s == null) {
            return 0;
        }
        synchronized (s) {
            if (s.inFlight > 0) {
                s.inFlight--;
            }
            if (failed) {
                s.failures++;
                s.lastFailure = now;
            }
            return s.failures;
        }
    }

    /** Forgets everything about the key (a correct password, say). */
    public void forget(String key) {
        slots.remove(blind(key));
    }

    public void clear() {
        slots.clear();
    }

    private Slot slot(String key, Instant now) {
        if (slots.size() > MAX_KEYS) {
            prune(now);
        }
        return slots.computeIfAbsent(blind(key), k -> new Slot());
    }

    private void expire(Slot s, Instant now) {
        Instant cutoff = now.minus(window);
        while (!s.times.isEmpty() && s.times.peekFirst().isBefore(cutoff)) {
            s.times.pollFirst();
        }
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(window);
        slots.values().removeIf(s -> {
            synchronized (s) {
                boolean windowDone = s.times.isEmpty() || s.times.peekLast().isBefore(cutoff);
                boolean failuresDone = s.inFlight == 0 && (s.lastFailure == null || s.lastFailure.isBefore(cutoff));
                return windowDone && failuresDone;
            }
        });
        if (slots.size() > MAX_KEYS) {
            slots.clear();
        }
    }

    private static String blind(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(SALT, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(key.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
