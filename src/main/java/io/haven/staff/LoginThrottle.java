package io.haven.staff;

import io.haven.web.Clock;
import io.haven.web.RateLimiter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

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
 * count as the failures they may be: check and count are one atomic step. The counting is the shared
 * {@link RateLimiter}'s failure back-off; this class holds the sign-in policy.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Duration ADDRESS_CAP = Duration.ofSeconds(30);
    /** The first delay after the free failures of an account and address; it doubles with each failure. */
    private static final long PAIR_BASE_SECONDS = 15;

    @Inject
    StaffConfig config;

    @Inject
    Clock clock;

    private volatile RateLimiter failures;
    private final RateLimiter resetsPerAccount = new RateLimiter(3, Duration.ofHours(1));
    private final RateLimiter resetsPerAddress = new RateLimiter(30, Duration.ofHours(1));

    /**
     * Reserves an attempt for the account from the address: null when it may go ahead now (then call
     * {@link #failed} or {@link #succeeded}), else when it may try again.
     */
    public Instant tryBegin(String account, String address) {
        Instant now = clock.now();
        RateLimiter f = failures();
        Instant wait = f.reserve(
                pairKey(account, address),
                config.login().maxFailuresPerAccount(),
                PAIR_BASE_SECONDS,
                config.login().lockout(),
                now);
        if (wait == null && address != null) {
            wait = f.reserve(addressKey(address), config.login().maxFailuresPerAddress(), 1, ADDRESS_CAP, now);
            if (wait != null) {
                f.settle(pairKey(account, address), false, now);
            }
        }
        return wait;
    }

    /** Counts a failure; true when it is the one after which this account is slowed down from this address. */
    public boolean failed(String account, String address) {
        Instant now = clock.now();
        int count = failures().settle(pairKey(account, address), true, now);
        if (address != null) {
            failures().settle(addressKey(address), true, now);
        }
        return count == config.login().maxFailuresPerAccount();
    }

    /** A correct password (or code): this account's failures from this address are forgotten. */
    public void succeeded(String account, String address) {
        Instant now = clock.now();
        failures().forget(pairKey(account, address));
        if (address != null) {
            failures().settle(addressKey(address), false, now);
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
        failures().clear();
        resetsPerAccount.clear();
        resetsPerAddress.clear();
    }

    /** Failures are remembered four times as long as the longest delay (read from the settings once). */
    private RateLimiter failures() {
        RateLimiter f = failures;
        if (f == null) {
            synchronized (this) {
                if (failures == null) {
                    failures = RateLimiter.forFailures(config.login().lockout().multipliedBy(4));
                }
                f = failures;
            }
        }
        return f;
    }

    private static String pairKey(String account, String address) {
        return "a:" + account + "|" + address;
    }

    private static String addressKey(String address) {
        return "ip:" + address;
    }
}
