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
 * Counts attempts per key in a sliding window, in memory only and per node, by design. Keys such as
 * client addresses are kept only as a keyed hash with a secret that lives and dies with the process,
 * so even a heap dump does not list who sent what.
 */
public class RateLimiter {

    private static final byte[] SALT = new byte[32];

    static {
        new SecureRandom().nextBytes(SALT);
    }

    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> attempts = new ConcurrentHashMap<>();

    public RateLimiter(int limit, Duration window) {
        this.limit = limit;
        this.window = window;
    }

    /** Records an attempt; false when the key is over its limit (the attempt is not counted then). */
    public boolean tryAcquire(String key, Instant now) {
        Deque<Instant> q = attempts.computeIfAbsent(blind(key), k -> new ArrayDeque<>());
        synchronized (q) {
            Instant cutoff = now.minus(window);
            while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
                q.pollFirst();
            }
            if (q.size() >= limit) {
                return false;
            }
            q.addLast(now);
        }
        if (attempts.size() > 100_000) {
            prune(now);
        }
        return true;
    }

    /** Whether the key is at its limit now (nothing is counted). */
    public boolean isExhausted(String key, Instant now) {
        Deque<Instant> q = attempts.get(blind(key));
        if (q == null) {
            return false;
        }
        synchronized (q) {
            Instant cutoff = now.minus(window);
            while (!q.isEmpty() && q.peekFirst().isBefore(cutoff)) {
                q.pollFirst();
            }
            return q.size() >= limit;
        }
    }

    /** Minutes until the key may try again (at least 1). */
    public long minutesUntilFree(String key, Instant now) {
        Deque<Instant> q = attempts.get(blind(key));
        if (q == null) {
            return 1;
        }
        synchronized (q) {
            Instant first = q.peekFirst();
            return first == null
                    ? 1
                    : Math.max(1, Duration.between(now, first.plus(window)).toMinutes() + 1);
        }
    }

    public void clear() {
        attempts.clear();
    }

    private void prune(Instant now) {
        Instant cutoff = now.minus(window);
        attempts.values().removeIf(q -> {
            synchronized (q) {
                return q.isEmpty() || q.peekLast().isBefore(cutoff);
            }
        });
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
