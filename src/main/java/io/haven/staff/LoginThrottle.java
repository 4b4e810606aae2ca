package io.haven.staff;

import io.haven.web.Clock;
import io.haven.web.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password and code guessing, in this node's memory only: nothing here is ever written to
 * the database or the log.
 * <ul>
 * <li>Per account and address: a few free failures, then each further attempt from that address waits
 * twice as long as the last (up to the lockout setting). Another address, such as the owner's own,
 * is not slowed down, so nobody can lock a colleague out by failing on purpose.</li>
 * <li>Per address, across accounts: many free failures (a whole school may share one address), then
 * soft delays of at most 30 seconds, never a lockout.</li>
 * </ul>
 * An attempt is reserved before the password is checked ({@link #tryBegin}), so parallel submissions
 * count as the failures they may be: check and count are one atomic step.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Bound on remembered keys: past it, expired entries go first, then everything (fail open, never grow). */
    private static final int MAX_ENTRIES = 50_000;

    private static final Duration ADDRESS_CAP = Duration.ofSeconds(30);
    /** The first delay after the free failures of an account and address; it doubles with each failure. */
    private static final long PAIR_BASE_SECONDS = 15;

    @Inject
    StaffConfig config;

    @Inject
    Clock clock;

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final RateLimiter resetsPerAccount = new RateLimiter(3, Duration.ofHours(1));
    private final RateLimiter resetsPerAddress = new RateLimiter(30, Duration.ofHours(1));

    private static final class Entry {
        int failures;
        int inFlight;
        Instant last;
    }

    /**
     * Reserves an attempt for the account from the address: null when it may go ahead now (then call
     * {@link #failed} or {@link #succeeded}), else when it may try again.
     */
    public Instant tryBegin(String account, String address) {
        Instant now = clock.now();
        if (entries.size() > MAX_ENTRIES) {
            prune(now);
        }
        Entry pair = entries.computeIfAbsent(pairKey(account, address), k -> new Entry());
        Entry addr = address == null ? null : entries.computeIfAbsent("ip:" + address, k -> new Entry());
        synchronized (pair) {
            Instant wait = waitUntil(
                    pair,
                    config.login().maxFailuresPerAccount(),
                    PAIR_BASE_SECONDS,
                    config.login().lockout(),
                    now);
            if (wait == null && addr != null) {
                synchronized (addr) {
                    wait = waitUntil(addr, config.login().maxFailuresPerAddress(), 1, ADDRESS_CAP, now);
                    if (wait == null) {
                        addr.inFlight++;
                    }
                }
            }
            if (wait != null) {
                return wait;
            }
            pair.inFlight++;
            return null;
        }
    }

    /** Counts a failure; true when it is the one after which this account is slowed down from this address. */
    public boolean failed(String account, String address) {
        Instant now = clock.now();
        Entry pair = entries.get(pairKey(account, address));
        settle(pair, true, now);
        if (address != null) {
            settle(entries.get("ip:" + address), true, now);
        }
        if (pair == null) {
            return false;
        }
        synchronized (pair) {
            return pair.failures == config.login().maxFailuresPerAccount();
        }
    }

    /** A correct password (or code): this account's failures from this address are forgotten. */
    public void succeeded(String account, String address) {
        Instant now = clock.now();
        entries.remove(pairKey(account, address));
        if (address != null) {
            settle(entries.get("ip:" + address), false, now);
        }
    }

    /**
     * Whether a password-reset mail may be sent: a few per account and per address each hour. Requests are
     * not sign-in failures: they never slow anyone's sign-in down.
     */
    public boolean allowResetRequest(String account, String address) {
        Instant now = clock.now();
        return resetsPerAddress.tryAcquire(address == null ? "unknown" : address, now)
                && resetsPerAccount.tryAcquire(account, now);
    }

    /** Tests only: forget every failure. */
    void clear() {
        entries.clear();
        resetsPerAccount.clear();
        resetsPerAddress.clear();
    }

    private static String pairKey(String account, String address) {
        return "a:" + account + "|" + address;
    }

    /** When the next attempt may be made, or null for now: after {@code free} failures, base, twice base ... up to cap. */
    private Instant waitUntil(Entry e, int free, long baseSeconds, Duration cap, Instant now) {
        // Failures are remembered four times as long as the longest delay, so waiting one out does not
        // bring back the free attempts.
        if (e.last != null && !now.isBefore(e.last.plus(config.login().lockout().multipliedBy(4)))) {
            e.failures = 0;
            e.inFlight = 0;
        }
        int over = e.failures + e.inFlight - free + 1;
        if (over <= 0) {
            return null;
        }
        long seconds = over >= 30 ? cap.toSeconds() : Math.min(cap.toSeconds(), baseSeconds << (over - 1));
        Instant at = (e.last == null ? now : e.last).plusSeconds(seconds);
        if (e.inFlight > 0 && e.failures < free) {
            // Parallel attempts beyond the free ones wait for those in flight to be counted.
            at = now.plusSeconds(1);
        }
        return now.isBefore(at) ? at : null;
    }

    private static void settle(Entry e, boolean failed, Instant now) {
        if (e == null) {
            return;
        }
        synchronized (e) {
            if (e.inFlight > 0) {
                e.inFlight--;
            }
            if (failed) {
                e.failures++;
                e.last = now;
            }
        }
    }

    private void prune(Instant now) {
        Duration window = config.login().lockout().multipliedBy(4);
        entries.values().removeIf(e -> e.last != null && !now.isBefore(e.last.plus(window)) && e.inFlight == 0);
        if (entries.size() > MAX_ENTRIES) {
            entries.clear();
        }
    }
}
