package io.haven.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The sliding window of the rate limiter, on a clock the test moves. */
class RateLimiterTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void theLimitHoldsPerKeyAndARefusedAttemptIsNotCounted() {
        RateLimiter limiter = new RateLimiter(3, Duration.ofMinutes(10));
        for (int i = 0; i < 3; i++) {
            assertThat(limiter.tryAcquire("203.0.113.5", T0.plusSeconds(i))).isTrue();
        }
        assertThat(limiter.isExhausted("203.0.113.5", T0.plusSeconds(3))).isTrue();
        assertThat(limiter.tryAcquire("203.0.113.5", T0.plusSeconds(3))).isFalse();
        assertThat(limiter.tryAcquire("203.0.113.6", T0.plusSeconds(3)))
                .as("another key")
                .isTrue();
        // The refused attempts did not extend the window: the first attempt leaves it 10 minutes after it was made.
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.tryAcquire("203.0.113.5", T0.plus(Duration.ofMinutes(9))))
                    .isFalse();
        }
        assertThat(limiter.tryAcquire(
                        "203.0.113.5", T0.plus(Duration.ofMinutes(10)).plusMillis(1)))
                .isTrue();
    }

    @Test
    void theWindowSlidesAttemptByAttempt() {
        RateLimiter limiter = new RateLimiter(2, Duration.ofMinutes(10));
        assertThat(limiter.tryAcquire("k", T0)).isTrue();
        assertThat(limiter.tryAcquire("k", T0.plus(Duration.ofMinutes(5)))).isTrue();
        assertThat(limiter.tryAcquire("k", T0.plus(Duration.ofMinutes(9)))).isFalse();
        assertThat(limiter.tryAcquire("k", T0.plus(Duration.ofMinutes(11))))
                .as("the first left the window")
                .isTrue();
        assertThat(limiter.tryAcquire("k", T0.plus(Duration.ofMinutes(12))))
                .as("the second is still in it")
                .isFalse();
    }

    @Test
    void theWaitIsRoundedUpToWholeMinutesAndAtLeastOne() {
        RateLimiter limiter = new RateLimiter(1, Duration.ofMinutes(10));
        assertThat(limiter.minutesUntilFree("never-seen", T0)).isEqualTo(1);
        assertThat(limiter.isExhausted("never-seen", T0)).isFalse();
        limiter.tryAcquire("k", T0);
        assertThat(limiter.minutesUntilFree("k", T0)).isEqualTo(11);
        assertThat(limiter.minutesUntilFree("k", T0.plus(Duration.ofMinutes(9)).plusSeconds(30)))
                .isEqualTo(1);
        limiter.clear();
        assertThat(limiter.tryAcquire("k", T0)).isTrue();
    }

    @Test
    void failureBackOffWaitsTwiceAsLongAfterEachFailureBeyondTheFreeOnes() {
        RateLimiter r = RateLimiter.forFailures(Duration.ofHours(1));
        Duration cap = Duration.ofMinutes(5);
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(r.reserve("k", 3, 10, cap, t)).as("free failure " + i).isNull();
            r.settle("k", true, t);
        }
        assertThat(r.reserve("k", 3, 10, cap, t)).isEqualTo(t.plusSeconds(10));
        assertThat(r.reserve("other", 3, 10, cap, t)).as("another key").isNull();
        java.time.Instant later = t.plusSeconds(10);
        assertThat(r.reserve("k", 3, 10, cap, later)).isNull();
        assertThat(r.settle("k", true, later)).isEqualTo(4);
        assertThat(r.reserve("k", 3, 10, cap, later)).isEqualTo(later.plusSeconds(20));
        assertThat(r.reserve("k", 3, 10, cap, later.plus(Duration.ofHours(1))))
                .as("failures are forgotten after the window")
                .isNull();
        r.forget("k");
        assertThat(r.reserve("k", 3, 10, cap, later)).isNull();
    }

    @Test
    void twoParallelAttemptsBeyondTheFreeOnesDoNotBothGoAhead() {
        RateLimiter r = RateLimiter.forFailures(Duration.ofHours(1));
        java.time.Instant t = java.time.Instant.parse("2026-01-01T00:00:00Z");
        assertThat(r.reserve("k", 1, 10, Duration.ofMinutes(5), t)).isNull();
        assertThat(r.reserve("k", 1, 10, Duration.ofMinutes(5), t))
                .as("waits for the one in flight to be counted")
                .isNotNull();
    }
}
