package io.haven.staff;

import static org.assertj.core.api.Assertions.assertThat;

import io.haven.web.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The sign-in throttle's rules, fast and without a server (security audit M2, M7, L1). */
class LoginThrottleTest {

    static LoginThrottle throttle(Clock clock) {
        LoginThrottle t = new LoginThrottle();
        t.clock = clock;
        t.config = new StaffConfig() {
            public Duration idleTimeout() {
                return Duration.ofMinutes(30);
            }

            public Duration absoluteTimeout() {
                return Duration.ofHours(12);
            }

            public Duration invitationValidity() {
                return Duration.ofDays(7);
            }

            public Duration resetValidity() {
                return Duration.ofHours(1);
            }

            public int maxConcurrentPasswordChecks() {
                return 4;
            }

            public Login login() {
                return new Login() {
                    public int maxFailuresPerAccount() {
                        return 5;
                    }

                    public int maxFailuresPerAddress() {
                        return 50;
                    }

                    public Duration lockout() {
                        return Duration.ofMinutes(15);
                    }
                };
            }
        };
        return t;
    }

    static void fail(LoginThrottle t, String account, String address) {
        assertThat(t.tryBegin(account, address)).isNull();
        t.failed(account, address);
    }

    @Test
    void anAttackerElsewhereNeverLocksTheOwnerOut() {
        LoginThrottle t = throttle(new Clock());
        for (int i = 0; i < 5; i++) {
            fail(t, "anna@school", "203.0.113.9");
        }
        assertThat(t.tryBegin("anna@school", "203.0.113.9"))
                .as("the guessing address waits")
                .isNotNull();
        assertThat(t.tryBegin("anna@school", "198.51.100.7"))
                .as("the owner's own address does not")
                .isNull();
        t.succeeded("anna@school", "198.51.100.7");
    }

    @Test
    void delaysGrowWithEachFailureUpToTheLockout() {
        Clock clock = new Clock();
        LoginThrottle t = throttle(clock);
        for (int i = 0; i < 5; i++) {
            fail(t, "a", "x");
        }
        long previous = 0;
        for (int i = 0; i < 8; i++) {
            Instant now = clock.now();
            Instant until = t.tryBegin("a", "x");
            assertThat(until).isNotNull();
            long wait = Duration.between(now, until).toSeconds();
            assertThat(wait).isGreaterThanOrEqualTo(previous).isLessThanOrEqualTo(15 * 60);
            previous = wait;
            clock.advance(Duration.between(now, until).plusMillis(1));
            fail(t, "a", "x");
        }
        assertThat(previous).isGreaterThanOrEqualTo(15 * 60 - 2);
    }

    @Test
    void parallelAttemptsAreCountedBeforeTheyAreChecked() throws Exception {
        LoginThrottle t = throttle(new Clock());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        AtomicInteger began = new AtomicInteger();
        for (int i = 0; i < 16; i++) {
            pool.submit(() -> {
                go.await();
                if (t.tryBegin("b", "x") == null) {
                    began.incrementAndGet();
                }
                return null;
            });
        }
        go.countDown();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(began.get()).isEqualTo(5);
    }

    @Test
    void aSharedSchoolAddressIsOnlySlowedDownSoftly() {
        Clock clock = new Clock();
        LoginThrottle t = throttle(clock);
        for (int i = 0; i < 80; i++) {
            assertThat(t.tryBegin("guess" + i, "school-nat")).isNull();
            t.failed("guess" + i, "school-nat");
            clock.advance(Duration.ofSeconds(31));
        }
        Instant now = clock.now();
        Instant until = t.tryBegin("teacher", "school-nat");
        assertThat(until == null || Duration.between(now, until).toSeconds() <= 30)
                .isTrue();
    }
}
